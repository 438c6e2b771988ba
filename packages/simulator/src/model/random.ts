/**
 * Deterministic randomness: every figure the simulator invents is a pure function of the
 * scenario seed and a key, so the same seed and the same simulated time give the same answer.
 */

/** A 32-bit hash of the seed and the key parts (FNV-1a followed by a murmur finaliser). */
export function hash32(seed: number, ...parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x2f;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) derived from the seed and the key parts. */
export function unit(seed: number, ...parts: (string | number)[]): number {
  return hash32(seed, ...parts) / 0x1_0000_0000;
}

/** An integer in [min, max] derived from the seed and the key parts. */
export function between(seed: number, min: number, max: number, ...parts: (string | number)[]) {
  return min + Math.floor(unit(seed, ...parts) * (max - min + 1));
}

/** Hex digits derived from the seed and the key parts, for repoids, digests and the like. */
export function hexDigits(seed: number, length: number, ...parts: (string | number)[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += hash32(seed, ...parts, i)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A version-4 shaped UUID derived from the seed and the key parts. */
export function seededUuid(seed: number, ...parts: (string | number)[]): string {
  return uuidFromHex(hexDigits(seed, 32, 'uuid', ...parts));
}

/** Formats 32 hex digits as a version-4 UUID (version and variant bits set). */
export function uuidFromHex(hex: string): string {
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const tail = `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${tail}`;
}

/** A smooth wave in [-1, 1] with a period in seconds and a phase taken from the key. */
export function wave(
  t: number,
  periodSeconds: number,
  seed: number,
  ...parts: (string | number)[]
) {
  const phase = unit(seed, 'phase', ...parts) * 2 * Math.PI;
  return Math.sin((2 * Math.PI * t) / periodSeconds + phase);
}
