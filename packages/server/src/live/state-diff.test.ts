import { applyStateDelta, type ObjectPatch, type PulseState } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { buildState, nextCycle, seededRandom } from '../../test/live/state-factory.ts';
import { diffEntities, diffObject } from './state-diff.ts';

type Json = Record<string, unknown>;

/** What a client holds: the state as JSON carries it. */
function wire(state: object): Json {
  return JSON.parse(JSON.stringify(state)) as Json;
}

function roundTrip(before: Json, after: Json): Json {
  const changes = diffObject(before, after) ?? {};
  return applyStateDelta(before, { seq: 2, baseSeq: 1, changes });
}

describe('state delta', () => {
  it('reproduces the next state of many real poll cycles exactly', () => {
    const random = seededRandom(7);
    let state: PulseState = buildState({ guests: 300, instances: 2, seed: 7 });

    for (let cycle = 0; cycle < 25; cycle++) {
      const next = nextCycle(state, random, { moving: 0.6, churn: cycle % 3 });
      expect(roundTrip(wire(state), wire(next))).toEqual(wire(next));
      state = next;
    }
  });

  it('sends only the fields that changed, by entity id', () => {
    const before = wire(buildState({ guests: 50 }));
    const after = structuredClone(before) as { vms: { id: string; cpu: number }[] };
    const guest = after.vms[3]!;
    guest.cpu = 0.987;

    const changes = diffObject(before, after as unknown as Json);

    expect(changes).toEqual({
      entities: { vms: { update: { [guest.id]: { set: { cpu: 0.987 } } } } },
    });
  });

  it('is empty when nothing changed', () => {
    const state = wire(buildState({ guests: 20 }));
    expect(diffObject(state, structuredClone(state))).toBeUndefined();
  });

  it('keeps the server order when an entity moves, is added in the middle or removed', () => {
    const a = { id: 'a', v: 1 };
    const b = { id: 'b', v: 2 };
    const c = { id: 'c', v: 3 };
    const cases = [
      [
        [a, b, c],
        [c, a, b],
      ],
      [
        [a, c],
        [a, b, c],
      ],
      [
        [a, b, c],
        [a, c],
      ],
      [[a, b], []],
      [[], [b, a]],
    ];
    for (const [before, after] of cases) {
      const patch = diffEntities(before!, after!) ?? {};
      const result = applyStateDelta(
        { list: before },
        {
          seq: 1,
          baseSeq: 0,
          changes: { entities: { list: patch } },
        },
      );
      expect(result.list).toEqual(after);
    }
  });

  it('omits the order list when survivors keep their order and new ids come last', () => {
    const patch = diffEntities([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]);
    expect(patch).toEqual({ remove: ['a'], upsert: [{ id: 'c' }] });
  });

  it('replaces arrays that are not id-keyed entities, and handles added and removed keys', () => {
    const before: Json = { loadAverage: [1, 2, 3], dup: [{ id: 'x' }, { id: 'x' }], gone: 1 };
    const after: Json = { loadAverage: [1, 2, 4], dup: [{ id: 'x' }], added: { deep: true } };

    const changes = diffObject(before, after) as ObjectPatch;

    expect(changes.unset).toEqual(['gone']);
    expect(changes.set).toEqual({
      loadAverage: [1, 2, 4],
      dup: [{ id: 'x' }],
      added: { deep: true },
    });
    expect(roundTrip(before, after)).toEqual(after);
  });

  it('switches between null and an array, and between an object and a scalar', () => {
    const before: Json = { datastores: null, performance: { a: 1 }, x: [{ id: 'a' }] };
    const after: Json = { datastores: [{ id: 'd' }], performance: 3, x: null };
    expect(roundTrip(before, after)).toEqual(after);
    expect(roundTrip(after, before)).toEqual(before);
  });

  it('never modifies the state it applies to', () => {
    const before = wire(buildState({ guests: 30 }));
    const copy = structuredClone(before);
    const after = wire(nextCycle(buildState({ guests: 30 }), seededRandom(3), { churn: 2 }));

    roundTrip(before, after);

    expect(before).toEqual(copy);
  });

  it('is much smaller than the full state when a tenth of the guests change', () => {
    const state = buildState({ guests: 1000 });
    const next = nextCycle(state, seededRandom(9), { moving: 0.1 });

    const delta = JSON.stringify(diffObject(wire(state), wire(next)));

    expect(delta.length).toBeLessThan(JSON.stringify(next).length / 5);
  });
});
