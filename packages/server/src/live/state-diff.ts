import type { Entity, EntityPatch, ObjectPatch } from '@pulse/contract';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values (what `JSON.parse` produces: no dates, no undefined). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;

  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const objB = b as JsonObject;
  return keysA.every((key) => key in objB && jsonEqual((a as JsonObject)[key], objB[key]));
}

/**
 * An array the delta format can patch by id: every element an object with a string `id`,
 * no id twice. Any other array is replaced whole, which keeps the diff exact for any shape.
 */
function asEntities(value: unknown): Entity[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return undefined;
    ids.add(item.id);
  }
  return value as Entity[];
}

function isEmpty(patch: object): boolean {
  return Object.keys(patch).length === 0;
}

function put<T>(
  target: Record<string, T | undefined> | undefined,
  key: string,
  value: T,
): Record<string, T> {
  const record = (target ?? {}) as Record<string, T>;
  record[key] = value;
  return record;
}

/**
 * The patch that turns `before` into `after`, or undefined when they are equal. Works on any
 * JSON object: nested objects are patched key by key, arrays of `{id}` entities by id, and
 * everything else is replaced.
 */
export function diffObject(before: JsonObject, after: JsonObject): ObjectPatch | undefined {
  const patch: ObjectPatch = {};
  const unset = Object.keys(before).filter((key) => !(key in after));
  if (unset.length > 0) patch.unset = unset;

  for (const [key, next] of Object.entries(after)) {
    const previous = before[key];
    if (previous === next) continue;
    diffValue(patch, key, previous, next, key in before);
  }
  return isEmpty(patch) ? undefined : patch;
}

function diffValue(
  patch: ObjectPatch,
  key: string,
  previous: unknown,
  next: unknown,
  existed: boolean,
): void {
  if (existed && isObject(previous) && isObject(next)) {
    const nested = diffObject(previous, next);
    if (nested) patch.patch = put(patch.patch, key, nested);
    return;
  }

  const before = existed ? asEntities(previous) : undefined;
  const after = before ? asEntities(next) : undefined;
  if (before && after) {
    const nested = diffEntities(before, after);
    if (nested) patch.entities = put(patch.entities, key, nested);
    return;
  }

  if (!existed || !jsonEqual(previous, next)) patch.set = put(patch.set, key, next);
}

/** The patch that turns one entity array into another, or undefined when they are equal. */
export function diffEntities(before: Entity[], after: Entity[]): EntityPatch | undefined {
  const patch: EntityPatch = {};
  const previousById = new Map(before.map((entity) => [entity.id, entity]));
  const nextIds = new Set(after.map((entity) => entity.id));

  const removed = before.filter((entity) => !nextIds.has(entity.id)).map((entity) => entity.id);
  if (removed.length > 0) patch.remove = removed;

  const added = after.filter((entity) => !previousById.has(entity.id));
  if (added.length > 0) patch.upsert = added;

  for (const entity of after) {
    const previous = previousById.get(entity.id);
    const change = previous && previous !== entity ? diffObject(previous, entity) : undefined;
    if (change) patch.update = put(patch.update, entity.id, change);
  }

  if (!keepsOrder(before, after, nextIds, previousById)) {
    patch.order = after.map((entity) => entity.id);
  }
  return isEmpty(patch) ? undefined : patch;
}

/** Whether survivors in their old order followed by new ids in order gives `after`'s order. */
function keepsOrder(
  before: Entity[],
  after: Entity[],
  nextIds: Set<string>,
  previousById: Map<string, Entity>,
): boolean {
  const expected = before.filter((entity) => nextIds.has(entity.id)).map((entity) => entity.id);
  for (const entity of after) {
    if (!previousById.has(entity.id)) expected.push(entity.id);
  }
  return expected.every((id, index) => after[index]?.id === id);
}
