import { type Component, For } from 'solid-js';
import { setThemePreference, type ThemePreference, themePreference } from '../stores/theme.ts';
import { DarkThemeIcon, type IconProps, LightThemeIcon, SystemThemeIcon } from './Icons.tsx';

interface ThemeOption {
  value: ThemePreference;
  label: string;
  icon: Component<IconProps>;
}

const OPTIONS: readonly ThemeOption[] = [
  { value: 'system', label: 'Follow the system theme', icon: SystemThemeIcon },
  { value: 'light', label: 'Light theme', icon: LightThemeIcon },
  { value: 'dark', label: 'Dark theme', icon: DarkThemeIcon },
];

/** Three pressed-state buttons: system, light, dark. The choice is kept per browser. */
export function ThemeToggle() {
  return (
    <fieldset
      aria-label="Theme"
      data-testid="theme-toggle"
      class="flex shrink-0 rounded-md border border-gray-200 bg-gray-100 p-0.5
        dark:border-slate-700 dark:bg-slate-800"
    >
      <For each={OPTIONS}>
        {(option) => {
          const isPressed = () => themePreference() === option.value;
          return (
            <button
              type="button"
              aria-label={option.label}
              title={option.label}
              aria-pressed={isPressed()}
              data-theme-option={option.value}
              onClick={() => setThemePreference(option.value)}
              class="grid size-7 place-items-center rounded outline-none transition-colors
                focus-visible:ring-2 focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
              classList={{
                'bg-white text-gray-900 shadow-sm dark:bg-slate-600 dark:text-white': isPressed(),
                'text-gray-600 hover:text-gray-900 dark:text-slate-400 dark:hover:text-slate-100':
                  !isPressed(),
              }}
            >
              <option.icon />
            </button>
          );
        }}
      </For>
    </fieldset>
  );
}
