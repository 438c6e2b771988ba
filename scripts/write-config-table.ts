// Rewrites the configuration table in README.md from the settings definitions, so the
// documentation cannot drift from what the code reads. A test checks that it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsMarkdownTable } from '../packages/server/src/config/settings.ts';
import { REPO_ROOT } from '../packages/server/src/config/version.ts';

export const TABLE_START = '<!-- config-table:start -->';
export const TABLE_END = '<!-- config-table:end -->';

const readmePath = join(REPO_ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < start) {
  process.stderr.write(`README.md has no ${TABLE_START} ... ${TABLE_END} block\n`);
  process.exit(1);
}
const table = `${TABLE_START}\n${settingsMarkdownTable()}\n${TABLE_END}`;
writeFileSync(readmePath, readme.slice(0, start) + table + readme.slice(end + TABLE_END.length));
process.stdout.write('README.md configuration table updated\n');
