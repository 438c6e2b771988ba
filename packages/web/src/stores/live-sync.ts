import { applyStateDelta, type PulseState, type StateDelta } from '@pulse/contract';

/** What the client holds of the server's live state, and how far it has followed it. */
export interface SyncState {
  /** The last state received or rebuilt; undefined until the first full state arrives. */
  state: PulseState | undefined;
  /** Sequence number of `state`; deltas must start from it. */
  seq: number | undefined;
  /** True after a gap was found: deltas are dropped until the next full state. */
  resyncing: boolean;
}

/** The result of one message: the next sync state, and whether to ask for a full state. */
export interface SyncStep {
  sync: SyncState;
  requestData: boolean;
}

/** The fields of a socket message this reducer reads; `seq` sits beside `data`. */
export interface LiveMessage {
  type: string;
  data?: unknown;
  seq?: unknown;
}

export const INITIAL_SYNC: SyncState = { state: undefined, seq: undefined, resyncing: false };

const FULL_STATE_TYPES = new Set(['initialState', 'rawData']);

/**
 * Follows the `/ws` delta protocol (docs/websocket.md): a full state resets everything; a
 * delta applies only on top of the exact state it was computed from. Anything else (a gap, a
 * delta before any state, a malformed body) drops the deltas and asks for a full state once.
 */
export function reduceLiveMessage(sync: SyncState, message: LiveMessage): SyncStep {
  if (FULL_STATE_TYPES.has(message.type)) return receiveFull(sync, message);
  if (message.type === 'stateDelta') return receiveDelta(sync, message.data);
  return { sync, requestData: false };
}

function receiveFull(sync: SyncState, message: LiveMessage): SyncStep {
  if (!isStateShape(message.data)) return { sync, requestData: false };

  const seq = typeof message.seq === 'number' ? message.seq : undefined;
  return { sync: { state: message.data, seq, resyncing: false }, requestData: false };
}

function receiveDelta(sync: SyncState, data: unknown): SyncStep {
  if (sync.resyncing) return { sync, requestData: false };

  const fits =
    isDelta(data) &&
    sync.state !== undefined &&
    sync.seq !== undefined &&
    data.baseSeq === sync.seq;
  if (!fits) return { sync: { ...sync, resyncing: true }, requestData: true };

  const state = applyStateDelta(sync.state as PulseState, data);
  return { sync: { state, seq: data.seq, resyncing: false }, requestData: false };
}

function isDelta(data: unknown): data is StateDelta {
  if (typeof data !== 'object' || data === null) return false;
  const { seq, baseSeq, changes } = data as Record<string, unknown>;
  return typeof seq === 'number' && typeof baseSeq === 'number' && typeof changes === 'object';
}

// A full schema check of a 10,000-guest state costs more than the render; the server builds
// the state from the same contract, so the UI only checks the arrays it iterates exist.
function isStateShape(data: unknown): data is PulseState {
  if (typeof data !== 'object' || data === null) return false;
  const { nodes, vms, containers } = data as Record<string, unknown>;
  return Array.isArray(nodes) && Array.isArray(vms) && Array.isArray(containers);
}
