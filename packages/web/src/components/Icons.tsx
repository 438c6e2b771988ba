import type { JSX } from 'solid-js';

// Small line icons drawn on a 16-unit grid; they take the text colour of their parent.

export interface IconProps {
  class?: string;
}

function Icon(props: IconProps & { children: JSX.Element }) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      class={props.class ?? 'size-4'}
    >
      {props.children}
    </svg>
  );
}

export function DashboardIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <rect x="2" y="2" width="5" height="5" rx="1" />
      <rect x="9" y="2" width="5" height="5" rx="1" />
      <rect x="2" y="9" width="5" height="5" rx="1" />
      <rect x="9" y="9" width="5" height="5" rx="1" />
    </Icon>
  );
}

export function StorageIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <ellipse cx="8" cy="4" rx="5.5" ry="2" />
      <path d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" />
      <path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" />
    </Icon>
  );
}

export function BackupIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <rect x="1.5" y="2.5" width="13" height="3.5" rx="1" />
      <path d="M2.5 6v6.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V6" />
      <path d="M6.5 9h3" />
    </Icon>
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <path d="M3.5 11.5h9l-1-1.5V7a3.5 3.5 0 0 0-7 0v3z" />
      <path d="M6.75 14h2.5" />
    </Icon>
  );
}

export function SettingsIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <path d="M2 4h7m3 0h2M2 8h2m3 0h7M2 12h8m3 0h1" />
      <circle cx="10.5" cy="4" r="1.5" />
      <circle cx="5.5" cy="8" r="1.5" />
      <circle cx="11.5" cy="12" r="1.5" />
    </Icon>
  );
}

export function SystemThemeIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <rect x="1.5" y="2.5" width="13" height="9" rx="1.5" />
      <path d="M5.5 14h5M8 11.5V14" />
    </Icon>
  );
}

export function LightThemeIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <circle cx="8" cy="8" r="2.75" />
      <path d="M8 1.5v1.25M8 13.25v1.25M1.5 8h1.25M13.25 8h1.25" />
      <path d="M3.4 3.4l.9.9M11.7 11.7l.9.9M3.4 12.6l.9-.9M11.7 4.3l.9-.9" />
    </Icon>
  );
}

export function DarkThemeIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <path d="M13.5 9.9A5.75 5.75 0 0 1 6.1 2.5a5.75 5.75 0 1 0 7.4 7.4z" />
    </Icon>
  );
}

/** A rising line over an axis: history charts. */
export function ChartIcon(props: IconProps) {
  return (
    <Icon class={props.class}>
      <path d="M2 13.5h12M3 10.5l3-3.5 2.5 2 4.5-5.5" />
    </Icon>
  );
}
