import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_ENDPOINTS, NOT_APPLICABLE, TARGETS } from './conformance-cases.ts';
import { compareWithCapture, readCapture } from './support/captures.ts';
import { api, login } from './support/client.ts';
import { MISSING_REFERENCE, returnsOf, validate } from './support/schema.ts';
import { useSimulator } from './support/simulator.ts';

const byName = useSimulator({
  scenario: join(import.meta.dirname, 'support/conformance.scenario.json'),
});

describe.skipIf(MISSING_REFERENCE)('coverage', () => {
  it('checks every endpoint of the issue for every modelled version', () => {
    for (const target of TARGETS) {
      const exempt = NOT_APPLICABLE[target.endpoint] ?? {};
      const covered = new Set([...target.cases.map((c) => c.endpoint), ...Object.keys(exempt)]);
      const expected = ISSUE_ENDPOINTS[target.schema.startsWith('pve') ? 'pve' : 'pbs'];
      expect(
        [...expected].filter((e) => !covered.has(e)),
        `${target.schema} lacks`,
      ).toEqual([]);
    }
  });

  it('lists the covered endpoints', () => {
    const listing = TARGETS.map((t) => {
      const endpoints = new Set(t.cases.map((c) => c.endpoint)).size;
      return `${t.schema}: ${endpoints} endpoints, ${t.cases.length} requests`;
    });
    console.info(`conformance coverage\n${listing.join('\n')}`);
    expect(listing).toHaveLength(5);
  });
});

for (const target of TARGETS) {
  describe.skipIf(MISSING_REFERENCE)(`${target.schema} (${target.endpoint})`, () => {
    for (const c of target.cases) {
      const andCapture = c.capture ? ` and ${c.capture}` : '';
      it(`${c.endpoint} as ${c.url} matches the official schema${andCapture}`, async () => {
        const endpoint = byName(target.endpoint);
        const answer = c.login ? await login(endpoint) : await api(endpoint, c.url);
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        const data = (answer.json as { data: unknown }).data;
        const [method, path] = c.endpoint.split(' ') as [string, string];
        const product = target.schema.startsWith('pve') ? 'pve' : 'pbs';
        expect(
          validate(returnsOf(target.schema, path, method), data, { product, tolerate: c.tolerate }),
        ).toEqual([]);
        if (c.capture)
          expect(compareWithCapture(data, readCapture(c.capture), c.ignore)).toEqual([]);
      });
    }
  });
}
