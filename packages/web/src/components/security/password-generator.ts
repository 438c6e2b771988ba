/** No look-alikes (0/O, 1/l/I), so a generated password can be read aloud or retyped. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*-_';

/**
 * A random password from the browser's CSPRNG. Bytes that would bias the modulo are drawn
 * again, so every character is equally likely.
 */
export function generatePassword(length = 20): string {
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && chars.length < length) chars.push(ALPHABET[byte % ALPHABET.length] ?? '');
    }
  }
  return chars.join('');
}
