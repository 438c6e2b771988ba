import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = join(HERE, '..', 'results');

async function loadSuites(filter: string | undefined): Promise<BenchSuite[]> {
  const dir = join(HERE, 'suites');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const suites: BenchSuite[] = [];
  for (const file of files.sort()) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite?: BenchSuite };
    if (mod.suite && (!filter || mod.suite.name === filter)) suites.push(mod.suite);
  }
  return suites;
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.suite, r.name, `${round(r.value)} ${r.unit}`, r.note ?? '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), 5));
  for (const row of rows) {
    const cells = row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell));
    process.stdout.write(`${cells.join('  ')}\n`);
  }
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

const filter = process.argv[2];
const suites = await loadSuites(filter);
const results: BenchResult[] = [];
for (const suite of suites) {
  const progress = (message: string) => process.stderr.write(`[${suite.name}] ${message}\n`);
  progress('starting');
  results.push(...(await suite.run(progress)));
}

printTable(results);
mkdirSync(RESULTS_DIR, { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, results };
writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`wrote ${join(RESULTS_DIR, 'latest.json')}\n`);
