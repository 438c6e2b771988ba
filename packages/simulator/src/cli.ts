import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { ScenarioError } from './scenario/reader.ts';
import { startSimulator } from './start.ts';

const USAGE =
  'usage: npm run simulator -- [--scenario lab|scale-N|FILE] [--host IP] [--port N] [--http] ' +
  '[--seed N] [--cert-dir DIR]';

class UsageError extends Error {}

function readOptions(argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string', default: 'lab' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        seed: { type: 'string' },
        'cert-dir': { type: 'string' },
        http: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) throw new UsageError(USAGE);
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be 0..65535, got ${v.port}`);
  if (isIP(String(v.host)) === 0)
    throw new UsageError(`--host must be an IP address, got ${v.host}`);
  const seed = v.seed === undefined ? undefined : Number(v.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0))
    throw new UsageError(`--seed must be a non-negative integer, got ${v.seed}`);
  return {
    scenario: String(v.scenario),
    host: String(v.host),
    port,
    seed,
    http: Boolean(v.http),
    certDir: v['cert-dir'] as string | undefined,
  };
}

function log(fields: Record<string, unknown>, msg: string): void {
  process.stderr.write(
    `${JSON.stringify({ time: Date.now(), module: 'simulator', ...fields, msg })}\n`,
  );
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const started = performance.now();
  const handle = await startSimulator(options);
  // Handlers go first: whoever reads the endpoint list may signal us right away.
  const shutdown = (signal: string) => {
    log({ signal }, 'simulator stopping');
    handle.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // The first stdout line is the contract: one JSON object listing every endpoint.
  process.stdout.write(
    `${JSON.stringify({ scenario: options.scenario, endpoints: handle.endpoints })}\n`,
  );
  log(
    {
      scenario: options.scenario,
      endpoints: handle.endpoints.length,
      ms: Math.round(performance.now() - started),
    },
    'simulator started',
  );
}

main().catch((err: unknown) => {
  const known = err instanceof UsageError || err instanceof ScenarioError;
  const code = (err as NodeJS.ErrnoException).code;
  const message = known
    ? (err as Error).message
    : code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL'
      ? `cannot listen: ${(err as Error).message}`
      : String((err as Error).message ?? err);
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(known ? 2 : 1);
});
