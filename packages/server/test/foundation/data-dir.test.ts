import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { SettingsRepository } from '../../src/store/settings-repository.ts';
import { makeTempDir, startTestApp } from '../helpers/test-app.ts';

describe('the data folder', () => {
  it('is created private, with a private database file', async () => {
    const dataDir = join(makeTempDir(), 'nested', 'data');
    const t = await startTestApp({}, { dataDir, listen: false });
    await t.close();

    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'pulse.db')).mode & 0o777).toBe(0o600);
  });

  it('refuses a second Pulse on the same folder with a clear message', async () => {
    const dataDir = makeTempDir();
    const first = await startTestApp({}, { dataDir, listen: false });

    const second = startTestApp({}, { dataDir, listen: false });
    await expect(second).rejects.toBeInstanceOf(ConfigError);
    await expect(second).rejects.toThrow(/another Pulse is already running/);
    await first.close();
  });

  it('can be used again after a restart, with stored settings kept', async () => {
    const dataDir = makeTempDir();
    const first = await startTestApp({}, { dataDir, listen: false });
    new SettingsRepository(first.app.db).set({ pollingInterval: 42 });
    await first.close();

    const second = await startTestApp({}, { dataDir, listen: false });
    expect(second.app.settings.values.pollingInterval).toBe(42);
    expect(second.app.settings.origins.pollingInterval).toBe('stored');
    expect(existsSync(join(dataDir, 'pulse.db'))).toBe(true);
    await second.close();
  });
});
