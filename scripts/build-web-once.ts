import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global setup of the browser project: builds the web app if it is stale, so a
 * browser test never runs against an old bundle when called without `npm test`.
 */
export default function setup(): void {
  const script = join(import.meta.dirname, 'ensure-built.mjs');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app failed');
}
