import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { resolveSettings, settingsMarkdownTable, validateStoredSetting } from './settings.ts';
import { SETTINGS } from './settings-schema.ts';

describe('resolveSettings', () => {
  it('uses the documented defaults when nothing is set', () => {
    const { values, origins } = resolveSettings({ env: {} });

    expect(values.frontendPort).toBe(7655);
    expect(values.backendHost).toBe('0.0.0.0');
    expect(values.dataDir).toBe('./data');
    expect(values.pollingInterval).toBe(10);
    expect(origins.frontendPort).toBe('default');
  });

  it('lets stored settings override defaults and the environment override both', () => {
    const stored = { pollingInterval: 30, logLevel: 'debug' };
    const { values, origins } = resolveSettings({ env: { POLLING_INTERVAL: '5' }, stored });

    expect(values.pollingInterval).toBe(5);
    expect(origins.pollingInterval).toBe('env');
    expect(values.logLevel).toBe('debug');
    expect(origins.logLevel).toBe('stored');
  });

  it('ignores stored values for settings that only the environment may set', () => {
    const { values } = resolveSettings({ env: {}, stored: { frontendPort: 1234 } });

    expect(values.frontendPort).toBe(7655);
  });

  it('names the variable and the bad value in one readable line', () => {
    expect(() => resolveSettings({ env: { FRONTEND_PORT: 'abc' } })).toThrowError(
      new ConfigError('FRONTEND_PORT: must be a port number (got "abc")'),
    );
    expect(() => resolveSettings({ env: { FRONTEND_PORT: '70000' } })).toThrow(
      /FRONTEND_PORT: must be between 0 and 65535/,
    );
    expect(() => resolveSettings({ env: { LOG_LEVEL: 'loud' } })).toThrow(/^LOG_LEVEL: must be/);
  });

  it('parses boolean flags and comma lists the way people write them', () => {
    const env = { DISABLE_AUTH: '1', ALLOWED_ORIGINS: ' https://a.example , https://b.example,' };
    const { values } = resolveSettings({ env });

    expect(values.disableAuth).toBe(true);
    expect(values.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('validateStoredSetting', () => {
  it('refuses environment-only settings and bad values', () => {
    expect(() => validateStoredSetting('frontendPort', 80)).toThrow(
      /only be set in the environment/,
    );
    expect(() => validateStoredSetting('pollingInterval', 0)).toThrow(/pollingInterval: must be/);
    expect(validateStoredSetting('pollingInterval', '15')).toBe(15);
  });
});

describe('settingsMarkdownTable', () => {
  it('lists every environment variable with its default', () => {
    const table = settingsMarkdownTable();

    for (const definition of Object.values(SETTINGS)) {
      expect(table).toContain(`| \`${definition.env}\` |`);
    }
    expect(table).toContain('| `FRONTEND_PORT` | `7655` |');
  });
});
