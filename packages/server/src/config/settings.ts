import { ConfigError } from '../errors.ts';
import { SETTINGS, type SettingKey, type Settings } from './settings-schema.ts';

export type StoredSettings = Partial<Record<SettingKey, unknown>>;

export interface SettingsSources {
  env: NodeJS.ProcessEnv;
  /** Values saved from the UI or API; environment variables still win over them. */
  stored?: StoredSettings;
}

/** Where each setting's value came from, so the UI can lock fields the environment sets. */
export type SettingOrigin = 'default' | 'stored' | 'env';

export interface ResolvedSettings {
  values: Settings;
  origins: Record<SettingKey, SettingOrigin>;
}

/**
 * Resolves every setting with the precedence defaults < stored < environment and validates
 * each one. A bad value throws a ConfigError naming the variable, never a stack trace.
 */
export function resolveSettings(sources: SettingsSources): ResolvedSettings {
  const values: Record<string, unknown> = {};
  const origins = {} as Record<SettingKey, SettingOrigin>;

  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const definition = SETTINGS[key];
    const fromEnv = sources.env[definition.env];
    const fromStore = definition.stored ? sources.stored?.[key] : undefined;
    const [raw, origin]: [unknown, SettingOrigin] =
      fromEnv !== undefined
        ? [fromEnv, 'env']
        : fromStore !== undefined
          ? [fromStore, 'stored']
          : [definition.default, 'default'];

    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is invalid';
      const shown = definition.secret ? '' : ` (got ${JSON.stringify(raw)})`;
      const source = origin === 'env' ? definition.env : `setting ${key}`;
      throw new ConfigError(`${source}: ${reason}${shown}`);
    }
    values[key] = parsed.data;
    origins[key] = origin;
  }

  return { values: values as Settings, origins };
}

/** Validates one stored setting before it is saved; throws a ConfigError if it is bad. */
export function validateStoredSetting(key: SettingKey, value: unknown): unknown {
  const definition = SETTINGS[key];
  if (!definition.stored) throw new ConfigError(`${key} can only be set in the environment`);
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(`${key}: ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** A `|` inside a Markdown table cell would end the cell. */
function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The Markdown configuration table of the README, generated from the definitions. */
export function settingsMarkdownTable(): string {
  const lines = ['| Variable | Default | Description |', '| --- | --- | --- |'];
  for (const definition of Object.values(SETTINGS)) {
    const shown = definition.default === '' ? '(empty)' : `\`${String(definition.default)}\``;
    const cells = [`\`${definition.env}\``, shown, definition.doc].map(escapeCell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
