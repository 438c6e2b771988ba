import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Length of a generated API token: 24 random bytes as 48 hex characters. */
export const API_TOKEN_BYTES = 24;

/** SHA3-256 of a secret as lowercase hex: how tokens, sessions and CSRF values are stored. */
export function sha3Hex(secret: string): string {
  return bytesToHex(sha3_256(utf8ToBytes(secret)));
}

/**
 * The one comparison of a presented secret with a stored SHA3-256 hash. Both sides are
 * fixed-length digests, so the time taken depends on neither the secret nor its length.
 */
export function secretMatchesHash(presented: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(sha3_256(utf8ToBytes(presented)));
  if (expected.length !== actual.length) return false;
  return timingSafeEqual(expected, actual);
}

/** Compares two secrets held in the clear (e.g. the proxy secret) in constant time. */
export function secretsEqual(presented: string, expected: string): boolean {
  return secretMatchesHash(presented, sha3Hex(expected));
}

/** A new API token: 48 hex characters from the operating system's CSPRNG. */
export function generateApiToken(): string {
  return randomBytes(API_TOKEN_BYTES).toString('hex');
}

/** A new opaque session or CSRF value: 32 random bytes, base64url. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}
