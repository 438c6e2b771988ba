import type { PulseState, StateDelta } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC, reduceLiveMessage, type SyncState } from './live-sync.ts';

function fullState(cpu: number): PulseState {
  return {
    nodes: [],
    vms: [{ id: 'lab-pve1-100', cpu }],
    containers: [],
  } as unknown as PulseState;
}

function delta(baseSeq: number, seq: number, cpu: number): StateDelta {
  return {
    seq,
    baseSeq,
    changes: { entities: { vms: { update: { 'lab-pve1-100': { set: { cpu } } } } } },
  };
}

function synced(seq: number, cpu = 0.1): SyncState {
  return reduceLiveMessage(INITIAL_SYNC, { type: 'initialState', data: fullState(cpu), seq }).sync;
}

describe('reduceLiveMessage', () => {
  it('takes a full state with its sequence number', () => {
    const step = reduceLiveMessage(INITIAL_SYNC, {
      type: 'initialState',
      data: fullState(0.5),
      seq: 7,
    });

    expect(step.requestData).toBe(false);
    expect(step.sync.seq).toBe(7);
    expect(step.sync.state?.vms[0]?.cpu).toBe(0.5);
  });

  it('applies a delta that starts from the state held', () => {
    const step = reduceLiveMessage(synced(7), { type: 'stateDelta', data: delta(7, 8, 0.9) });

    expect(step.requestData).toBe(false);
    expect(step.sync.seq).toBe(8);
    expect(step.sync.state?.vms[0]?.cpu).toBe(0.9);
  });

  it('asks for a full state once on a gap and drops deltas until it arrives', () => {
    const gap = reduceLiveMessage(synced(7), { type: 'stateDelta', data: delta(8, 9, 0.9) });
    expect(gap.requestData).toBe(true);
    expect(gap.sync.state?.vms[0]?.cpu).toBe(0.1);

    const next = reduceLiveMessage(gap.sync, { type: 'stateDelta', data: delta(9, 10, 0.3) });
    expect(next.requestData).toBe(false);
    expect(next.sync.seq).toBe(7);

    const full = reduceLiveMessage(next.sync, { type: 'rawData', data: fullState(0.4), seq: 10 });
    expect(full.sync).toMatchObject({ seq: 10, resyncing: false });
    const after = reduceLiveMessage(full.sync, { type: 'stateDelta', data: delta(10, 11, 0.6) });
    expect(after.sync.state?.vms[0]?.cpu).toBe(0.6);
  });

  it('asks for a full state when a delta arrives before any state', () => {
    const step = reduceLiveMessage(INITIAL_SYNC, { type: 'stateDelta', data: delta(0, 1, 0.2) });

    expect(step.requestData).toBe(true);
    expect(step.sync.state).toBeUndefined();
  });

  it('ignores other messages and malformed full states', () => {
    const held = synced(3);

    expect(reduceLiveMessage(held, { type: 'pong', data: {} }).sync).toBe(held);
    expect(reduceLiveMessage(held, { type: 'rawData', data: { nodes: 'x' } }).sync).toBe(held);
  });
});
