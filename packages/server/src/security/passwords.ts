import bcrypt from 'bcryptjs';
import { AppError, ConfigError } from '../errors.ts';

export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_BYTES = 72;

/** A hash compared against when the user name is wrong, so both cases take the same time. */
const DUMMY_HASH = '$2b$12$sG7MYCXXgze6Fk6Tf5iP6u1DuvywXWJggp/2mA/FQW7nE897/vdna';

/** Whether a value is a complete bcrypt hash (`$2a$`, `$2b$`, `$2y$`, 60 characters). */
export function isBcryptHash(value: string): boolean {
  return /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(value);
}

/** Rejects a password the admin could not keep (too short, or too long for bcrypt). */
export function assertPasswordAcceptable(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'validation_failed',
      `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw new AppError('validation_failed', `password must be at most ${MAX_PASSWORD_BYTES} bytes`);
  }
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Verifies a password; with no hash it still spends the time of a real check. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash !== undefined;
}

/**
 * `PULSE_AUTH_PASS` holds either a bcrypt hash or a plain password. A value that starts like
 * a hash but is not a whole one was most likely cut short by shell quoting (`$` expansion),
 * so it is refused rather than silently used as a password.
 */
export function passwordHashFromEnv(value: string): Promise<string> {
  if (isBcryptHash(value)) return Promise.resolve(value);
  if (value.startsWith('$2')) {
    throw new ConfigError(
      'PULSE_AUTH_PASS: looks like a truncated bcrypt hash; quote it with single quotes',
    );
  }
  return hashPassword(value);
}
