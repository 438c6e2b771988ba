import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';

export const KEY_FILE = '.encryption.key';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for credentials at rest. The key is 32 random bytes, base64 in
 * `.encryption.key` (mode 0600) in the data folder, the same layout as the original
 * Pulse. Each sealed value is `nonce ‖ ciphertext ‖ tag`: a wrong key or a changed byte
 * fails to open instead of yielding garbage.
 */
export class CredentialCrypto {
  private constructor(private readonly key: Buffer) {}

  /** Loads the key of a data folder, creating it on first use. */
  static forDataDir(dataDir: string): CredentialCrypto {
    const file = join(dataDir, KEY_FILE);
    if (!existsSync(file)) {
      writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) {
      throw new ConfigError(`${file} does not hold a 32-byte base64 key; restore it from a backup`);
    }
    return new CredentialCrypto(key);
  }

  seal(plain: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]);
  }

  open(sealed: Buffer): string {
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
