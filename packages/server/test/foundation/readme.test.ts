import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsMarkdownTable } from '../../src/config/settings.ts';
import { REPO_ROOT } from '../../src/config/version.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('opens with the two commands a newcomer runs', () => {
    const firstBlock = readme.slice(0, readme.indexOf('```', readme.indexOf('```') + 3));

    expect(firstBlock).toContain('npm install && npm run demo');
    expect(firstBlock).toContain('npm test');
  });

  it('has the configuration table of the current settings (npm run docs:config)', () => {
    const block = readme.match(
      /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/,
    );

    expect(block?.[1]).toBe(settingsMarkdownTable());
  });
});
