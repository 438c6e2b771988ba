/*
 * Proxmox sends numbers as strings on some versions (vmid and cpus of containers before
 * PVE 8.2, load averages always) and booleans as 0/1 on PVE but true/false on PBS. These
 * readers accept every form seen in real answers and fall back instead of throwing.
 */

export function num(value: unknown, fallback = 0): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : fallback;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : fallback;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return fallback;
}

export function optNum(value: unknown): number | undefined {
  const parsed = num(value, Number.NaN);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export function bool(value: unknown, fallback = false): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
  return fallback;
}

export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function optStr(value: unknown): string | undefined {
  const text = str(value);
  return text === '' ? undefined : text;
}

/** An array answer, or an empty one when Proxmox sent `null` or something else. */
export function list(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Record<string, unknown> => !!item && typeof item === 'object',
  );
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
