/**
 * The WebSocket delta format: how a client that asked for changes only turns the state it
 * holds into the server's next state. Pure functions over JSON values, shared by the server's
 * tests and the web UI; no DOM or Node API.
 */

/** An element of an entity array: any JSON object with a string `id`, unique in its array. */
export interface Entity {
  id: string;
  [field: string]: unknown;
}

/** Changes to a JSON object, key by key. Keys not mentioned are unchanged. */
export interface ObjectPatch {
  /** New values for these keys: scalars, non-entity arrays, new keys, or a changed type. */
  set?: Record<string, unknown>;
  /** Keys that no longer exist. */
  unset?: string[];
  /** Nested objects changed in place. */
  patch?: Record<string, ObjectPatch>;
  /** Arrays of `{id}` entities changed in place. */
  entities?: Record<string, EntityPatch>;
}

/** Changes to an array of `{id}` entities. */
export interface EntityPatch {
  /** Entities put whole: new ids are appended (before `order` applies), known ids replaced. */
  upsert?: Entity[];
  /** Existing entities changed field by field. */
  update?: Record<string, ObjectPatch>;
  /** Ids that left the array. */
  remove?: string[];
  /**
   * Every id of the resulting array in its order; present only when keeping the old order and
   * appending new ids would not give the server's order.
   */
  order?: string[];
}

/** `data` of a `stateDelta` message. */
export interface StateDelta {
  /** Sequence number of the state this delta produces. */
  seq: number;
  /** Sequence number of the state it applies to; on a mismatch the client sends `requestData`. */
  baseSeq: number;
  /** Changes to the top-level state object. */
  changes: ObjectPatch;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies an object patch without modifying `base`: the result shares every unchanged branch
 * with it, so a UI store can tell what changed by identity.
 */
export function applyObjectPatch<T extends object>(base: T, patch: ObjectPatch): T {
  const result: JsonObject = { ...(base as JsonObject) };

  for (const key of patch.unset ?? []) delete result[key];
  if (patch.set) Object.assign(result, patch.set);

  for (const [key, nested] of Object.entries(patch.patch ?? {})) {
    const current = result[key];
    result[key] = applyObjectPatch(isObject(current) ? current : {}, nested);
  }

  for (const [key, nested] of Object.entries(patch.entities ?? {})) {
    const current = result[key];
    result[key] = applyEntityPatch(Array.isArray(current) ? (current as Entity[]) : [], nested);
  }
  return result as T;
}

/** Applies an entity-array patch without modifying `base`. */
export function applyEntityPatch(base: readonly Entity[], patch: EntityPatch): Entity[] {
  const byId = new Map<string, Entity>(base.map((entity) => [entity.id, entity]));
  const appended: string[] = [];

  for (const id of patch.remove ?? []) byId.delete(id);

  for (const [id, change] of Object.entries(patch.update ?? {})) {
    const current = byId.get(id);
    if (current) byId.set(id, applyObjectPatch(current, change));
  }

  for (const entity of patch.upsert ?? []) {
    if (!byId.has(entity.id)) appended.push(entity.id);
    byId.set(entity.id, entity);
  }

  const ids = patch.order ?? [
    ...base.map((entity) => entity.id).filter((id) => byId.has(id)),
    ...appended,
  ];
  return ids.flatMap((id) => {
    const entity = byId.get(id);
    return entity ? [entity] : [];
  });
}

/** Applies a `stateDelta` to the state the client holds and returns the next state. */
export function applyStateDelta<T extends object>(state: T, delta: StateDelta): T {
  return applyObjectPatch(state, delta.changes);
}
