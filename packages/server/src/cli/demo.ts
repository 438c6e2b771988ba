import { serveCommand } from './serve.ts';

/** `pulse demo`: Pulse with a simulated Proxmox lab. */
export async function demoCommand(): Promise<number> {
  process.stdout.write(
    'pulse demo: the simulated Proxmox lab is not available yet; starting Pulse without it\n',
  );
  return serveCommand();
}
