import { demoCommand } from './cli/demo.ts';
import { hashPasswordCommand } from './cli/hash-password.ts';
import { serveCommand } from './cli/serve.ts';
import { readVersionInfo } from './config/version.ts';
import { ConfigError } from './errors.ts';

const HELP = `Usage: pulse [command]

Commands:
  serve            run Pulse (default)
  demo             run Pulse together with a simulated Proxmox lab
  version          print the version
  hash-password    read a password on stdin and print its bcrypt hash
                   (for PULSE_AUTH_PASS)

Configuration comes from environment variables; see README.md.
`;

async function run(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'serve';
  switch (command) {
    case 'serve':
      return serveCommand();
    case 'demo':
      return demoCommand();
    case 'version':
      process.stdout.write(`Pulse ${readVersionInfo().version}\n`);
      return 0;
    case 'hash-password':
      return hashPasswordCommand();
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`pulse: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`pulse: ${err.message}\n`);
  process.exitCode = 2;
}
