import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from './schema.ts';

export function readCapture(file: string): unknown {
  const json = JSON.parse(readFileSync(join(REFERENCE_DIR, 'pve-responses', file), 'utf8')) as {
    data: unknown;
  };
  return json.data;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type Row = Record<string, unknown>;

function groupByType(items: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const item of items) {
    const key = typeof item.type === 'string' ? item.type : '*';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

function compareRows(ours: Row[], theirs: Row[], path: string, ignore: string[]): string[] {
  const errors: string[] = [];
  if (ours.length === 0 || theirs.length === 0) return errors;
  const always = Object.keys(theirs[0]!).filter(
    (k) => theirs.every((row) => k in row) && !ignore.includes(k),
  );
  for (const key of always) {
    if (!ours.every((row) => key in row))
      errors.push(`${path}.${key}: in every captured item, missing from ours`);
  }
  const keys = new Set([...ours.flatMap(Object.keys), ...theirs.flatMap(Object.keys)]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const mine = ours.find((r) => r[key] !== undefined)?.[key];
    const real = theirs.find((r) => r[key] !== undefined)?.[key];
    if (mine === undefined || real === undefined) continue;
    if (kind(mine) !== kind(real))
      errors.push(`${path}.${key}: ours is ${kind(mine)}, capture is ${kind(real)}`);
    else if (kind(mine) === 'object')
      errors.push(...compareRows([mine as Row], [real as Row], `${path}.${key}`, ignore));
  }
  return errors;
}

/**
 * Compares field names and value types with a real captured response: every key present in
 * all captured items must be in ours, and shared keys must have the same JSON type. Items
 * are matched by their `type` (cluster resources, cluster status, HA status).
 */
export function compareWithCapture(
  ours: unknown,
  capture: unknown,
  ignore: string[] = [],
): string[] {
  if (!Array.isArray(capture)) return compareRows([ours as Row], [capture as Row], 'data', ignore);
  if (!Array.isArray(ours)) return ['data: capture is an array, ours is not'];
  // Task lists carry a task `type`: their items are all of one kind.
  if (ours.some((row) => typeof (row as Row).upid === 'string'))
    return compareRows(ours as Row[], capture as Row[], 'data[]', ignore);
  const mine = groupByType(ours as Row[]);
  const errors: string[] = [];
  for (const [type, rows] of groupByType(capture as Row[])) {
    const counterpart = mine.get(type);
    if (!counterpart) errors.push(`data: capture has items of type ${type}, ours has none`);
    else errors.push(...compareRows(counterpart, rows, `data[type=${type}]`, ignore));
  }
  return errors;
}
