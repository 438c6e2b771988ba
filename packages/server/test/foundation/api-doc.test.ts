import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/version.ts';
import { apiMarkdownTable } from '../../src/http/api-doc.ts';
import { startTestApp } from '../helpers/test-app.ts';

describe('docs/api.md', () => {
  it('lists exactly the routes the server serves (npm run docs:api)', async () => {
    const t = await startTestApp({}, { listen: false });
    const expected = apiMarkdownTable(t.app.routes);
    await t.close();

    const doc = readFileSync(join(REPO_ROOT, 'docs', 'api.md'), 'utf8');
    const table = doc.match(/<!-- api-table:start -->\n([\s\S]*?)\n<!-- api-table:end -->/);
    expect(table?.[1]).toBe(expected);
  });
});
