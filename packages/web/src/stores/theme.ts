import { createSignal } from 'solid-js';

export type ThemePreference = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

/** localStorage key; public/theme-init.js reads it before the first paint. */
export const THEME_STORAGE_KEY = 'pulse-theme';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const [systemTheme, setSystemTheme] = createSignal<Theme>(darkQuery.matches ? 'dark' : 'light');
const [preference, setPreference] = createSignal<ThemePreference>(readStored());

darkQuery.addEventListener('change', (event) => setSystemTheme(event.matches ? 'dark' : 'light'));

// Another tab changed the theme: follow it so all tabs of this browser agree.
window.addEventListener('storage', (event) => {
  if (event.key === THEME_STORAGE_KEY) setPreference(parsePreference(event.newValue));
});

export const themePreference = preference;

/** The theme actually shown: the preference, or the system's when it is `system`. */
export function resolvedTheme(): Theme {
  const chosen = preference();
  return chosen === 'system' ? systemTheme() : chosen;
}

export function setThemePreference(next: ThemePreference): void {
  setPreference(next);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

/** Mirrors the resolved theme onto <html>; call inside a reactive root (an effect). */
export function applyTheme(): void {
  document.documentElement.classList.toggle('dark', resolvedTheme() === 'dark');
}

function readStored(): ThemePreference {
  try {
    return parsePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function parsePreference(value: string | null): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}
