import { describe, expect, it } from 'vitest';
import { parseScenario } from './file.ts';
import { loadScenario } from './load.ts';

describe('scenario files', () => {
  it('gives an endpoint with only type, name, version, host and port sensible content', () => {
    const spec = parseScenario({
      name: 'discovery',
      endpoints: [
        { type: 'pve', name: 'pve-a', version: 8, host: '127.0.0.2', port: 8006 },
        { type: 'pbs', name: 'pbs-a', version: 4, host: '127.0.0.3', port: 8007 },
      ],
    });
    const [pve, pbs] = spec.endpoints;
    expect(pve).toMatchObject({ type: 'pve', major: 8, host: '127.0.0.2', port: 8006 });
    expect(pve?.type === 'pve' && pve.guests.length).toBeGreaterThan(0);
    expect(pve?.type === 'pve' && pve.storages.map((s) => s.storage)).toEqual([
      'local',
      'local-lvm',
    ]);
    expect(pbs?.type === 'pbs' && pbs.datastores[0]?.extraGroups.length).toBeGreaterThan(0);
  });

  it.each([
    [
      { name: 'x', endpoints: [{ type: 'pve', name: 'a', version: 10 }] },
      'scenario.endpoints[0].version: expected one of 7, 8, 9, got 10',
    ],
    [
      { name: 'x', endpoints: [{ type: 'pve', name: 'a', version: 8, colour: 'red' }] },
      'scenario.endpoints[0].colour: unknown field',
    ],
    [
      { name: 'x', endpoints: [{ type: 'pve', name: 'a', version: 8, host: 'localhost' }] },
      'scenario.endpoints[0].host: expected an IP address',
    ],
    [{ name: 'x', endpoints: [] }, 'scenario.endpoints: expected at least one endpoint'],
    [
      {
        name: 'x',
        endpoints: [{ type: 'pve', name: 'a', version: 8, guests: [{ vmid: 100, node: 'nope' }] }],
      },
      'is not a node of this endpoint',
    ],
    [
      {
        name: 'x',
        endpoints: [
          {
            type: 'pve',
            name: 'a',
            version: 8,
            storages: [{ storage: 'p', type: 'pbs', pbs: { endpoint: 'b', datastore: 'd' } }],
          },
        ],
      },
      'points at b/d, which the scenario does not define',
    ],
  ])('refuses %j with a readable message', (json, message) => {
    expect(() => parseScenario(json)).toThrow(message);
  });

  it('resolves built-in names and refuses unknown ones', () => {
    expect(loadScenario('lab').endpoints.map((e) => e.name)).toEqual([
      'homelab',
      'pve-solo',
      'pbs-main',
    ]);
    expect(loadScenario('scale-250').endpoints[0]).toMatchObject({ nodes: expect.any(Array) });
    expect(() => loadScenario('labb')).toThrow('unknown scenario "labb"');
    expect(() => loadScenario('/does/not/exist.json')).toThrow('cannot read scenario file');
  });
});
