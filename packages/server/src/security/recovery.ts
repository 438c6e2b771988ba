import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Recovery mode ends by itself after an hour, so a forgotten marker does not stay open. */
export const RECOVERY_TTL_MS = 60 * 60 * 1000;

export const RECOVERY_FILE = '.auth_recovery';

/**
 * Recovery mode: while the marker file exists in the data folder, a direct connection from
 * this machine's loopback is treated as the administrator, so a forgotten password can be
 * reset. Creating the file needs a shell on the host (or an admin session); the mode is
 * never granted through a proxy, whose requests also arrive from loopback.
 */
export class RecoveryMode {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = join(dataDir, RECOVERY_FILE);
  }

  /** When the mode ends, or undefined when it is off (an expired marker is removed). */
  expiresAt(): number | undefined {
    let modified: number;
    try {
      modified = statSync(this.file).mtimeMs;
    } catch {
      return undefined;
    }
    const expiresAt = modified + RECOVERY_TTL_MS;
    if (expiresAt > this.now()) return expiresAt;
    this.disable();
    return undefined;
  }

  get isActive(): boolean {
    return this.expiresAt() !== undefined;
  }

  enable(): void {
    const note = `recovery mode enabled at ${new Date(this.now()).toISOString()}\n`;
    writeFileSync(this.file, note, { mode: 0o600 });
  }

  disable(): void {
    rmSync(this.file, { force: true });
  }
}
