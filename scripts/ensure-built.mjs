// Builds the web app when its output is missing or older than any of its sources, so
// `npm start`, `npm run demo` and `npm test` always serve the current UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'packages', 'web');
const OUTPUT = join(WEB, 'dist', 'index.html');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'];
const CONTRACT = join(ROOT, 'packages', 'contract', 'src');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  const sources = [...SOURCES.map((name) => join(WEB, name)), CONTRACT];
  return sources.some((path) => newestMtime(path) > built);
}

if (!existsSync(join(WEB, 'package.json'))) process.exit(0);
if (isStale()) {
  process.stderr.write('building the web app...\n');
  const result = spawnSync('npm', ['run', 'build', '-w', '@pulse/web'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('web app build failed\n');
    process.exit(result.status ?? 1);
  }
}
