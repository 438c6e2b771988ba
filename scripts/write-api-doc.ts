// Rewrites the route table in docs/api.md from the server's live route table; a test
// fails when the document and the server disagree.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../packages/server/src/app.ts';
import { REPO_ROOT } from '../packages/server/src/config/version.ts';
import { apiMarkdownTable } from '../packages/server/src/http/api-doc.ts';

const START = '<!-- api-table:start -->';
const END = '<!-- api-table:end -->';

const dataDir = mkdtempSync(join(tmpdir(), 'pulse-api-doc-'));
const app = await createApp({ env: { PULSE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
const table = apiMarkdownTable(app.routes);
await app.close();
rmSync(dataDir, { recursive: true, force: true });

const path = join(REPO_ROOT, 'docs', 'api.md');
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  process.stderr.write(`docs/api.md has no ${START} ... ${END} block\n`);
  process.exit(1);
}
writeFileSync(path, `${doc.slice(0, start)}${START}\n${table}\n${doc.slice(end)}`);
process.stdout.write('docs/api.md route table updated\n');
