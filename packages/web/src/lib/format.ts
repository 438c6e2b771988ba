/*
 * How every page writes numbers. One convention throughout: sizes in binary units with their
 * IEC names (KiB, MiB, GiB, TiB: what Proxmox shows for disks and memory), transfer rates in
 * decimal units per second (B/s, KB/s, MB/s, GB/s: what network and disk tools show).
 * Missing values print as an en dash, never "NaN" or "undefined".
 */

export const MISSING = '–';

const SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const RATE_UNITS = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'] as const;

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Picks the unit that puts `value` in [1, base) and returns the scaled value and its index. */
function scale(value: number, base: number, units: number): [number, number] {
  let scaled = Math.abs(value);
  let index = 0;
  while (scaled >= base && index < units - 1) {
    scaled /= base;
    index += 1;
  }
  return [Math.sign(value) * scaled, index];
}

/** Three significant digits at most: 1.23, 12.3, 123; whole numbers below the first unit. */
function digits(scaled: number, index: number): string {
  if (index === 0) return String(Math.round(scaled));
  const abs = Math.abs(scaled);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  // Number() drops trailing zeros: 2.50 → 2.5, 16.0 → 16.
  return String(Number(scaled.toFixed(decimals)));
}

/** `1536` → `1.5 KiB`; `17179869184` → `16 GiB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (!isNumber(bytes)) return MISSING;
  const [scaled, index] = scale(bytes, 1024, SIZE_UNITS.length);
  return `${digits(scaled, index)} ${SIZE_UNITS[index]}`;
}

/** `1250` → `1.25 KB/s`. Negative rates (a counter reset) print as missing. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (!isNumber(bytesPerSecond) || bytesPerSecond < 0) return MISSING;
  const [scaled, index] = scale(bytesPerSecond, 1000, RATE_UNITS.length);
  return `${digits(scaled, index)} ${RATE_UNITS[index]}`;
}

/**
 * `used / total` sharing the unit of the total when the used part is not tiny, so the eye
 * compares two numbers: `3.2 / 16 GiB`; otherwise both in full: `512 MiB / 16 GiB`.
 */
export function formatUsage(
  used: number | null | undefined,
  total: number | null | undefined,
): string {
  if (!isNumber(used) || !isNumber(total)) return MISSING;
  const [scaledTotal, index] = scale(total, 1024, SIZE_UNITS.length);
  const scaledUsed = used / 1024 ** index;
  if (index === 0 || Math.abs(scaledUsed) < 0.1)
    return `${formatBytes(used)} / ${formatBytes(total)}`;
  return `${digits(scaledUsed, index)} / ${digits(scaledTotal, index)} ${SIZE_UNITS[index]}`;
}

/** A percentage 0–100: `42%`; `0.5%` below 1 so that "some" never reads as none. */
export function formatPercent(percent: number | null | undefined): string {
  if (!isNumber(percent)) return MISSING;
  if (percent > 0 && percent < 1) return `${percent.toFixed(1)}%`;
  return `${Math.round(percent)}%`;
}

/** Proxmox reports CPU as a fraction 0–1; the UI shows percentages. */
export function cpuPercent(fraction: number | null | undefined): number {
  return isNumber(fraction) ? fraction * 100 : 0;
}

/** Seconds of uptime: `12d 4h`, `3h 12m`, `5m`, `<1m`; missing for 0 (not running). */
export function formatUptime(seconds: number | null | undefined): string {
  if (!isNumber(seconds) || seconds <= 0) return MISSING;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return minutes > 0 ? `${minutes}m` : '<1m';
}

/** Milliseconds from an ISO time or epoch milliseconds; undefined when unparseable. */
export function toMillis(time: string | number | null | undefined): number | undefined {
  if (typeof time === 'number') return Number.isFinite(time) ? time : undefined;
  if (!time) return undefined;
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Seconds from `time` to `now`; undefined when the time is missing. */
export function ageSeconds(time: string | number | null | undefined, now: number) {
  const at = toMillis(time);
  return at === undefined ? undefined : Math.max(0, (now - at) / 1000);
}

/** A short age for tables: `just now`, `14m`, `5h`, `3d`, `7w`, `2y`. */
export function formatAge(time: string | number | null | undefined, now: number): string {
  const seconds = ageSeconds(time, now);
  if (seconds === undefined) return MISSING;
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 14 * 86_400) return `${Math.floor(seconds / 86_400)}d`;
  if (seconds < 365 * 86_400) return `${Math.floor(seconds / (7 * 86_400))}w`;
  return `${Math.floor(seconds / (365 * 86_400))}y`;
}

/** A sentence-friendly age: `just now`, `14 min ago`, `5 h ago`, `3 days ago`. */
export function formatAgo(time: string | number | null | undefined, now: number): string {
  const seconds = ageSeconds(time, now);
  if (seconds === undefined) return 'never';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Load average with two decimals: `0.42`. */
export function formatLoad(load: number | null | undefined): string {
  return isNumber(load) ? load.toFixed(2) : MISSING;
}

/** A local date and time without seconds: `2025-06-01 14:05`, sortable and unambiguous. */
export function formatDateTime(time: string | number | null | undefined): string {
  const at = toMillis(time);
  if (at === undefined) return MISSING;
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Thousands separated by a thin space, locale-independent: `10 000`. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}
