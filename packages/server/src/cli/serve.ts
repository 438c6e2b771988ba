import { createApp, type PulseApp } from '../app.ts';

export interface ServeOptions {
  /** Runs after Pulse listens, e.g. to configure the demo lab. */
  afterStart?(app: PulseApp, url: string): Promise<void>;
  /** Runs after Pulse has stopped, e.g. to stop the demo simulator. */
  afterStop?(): Promise<void>;
}

/** Runs Pulse until SIGINT or SIGTERM, then shuts down cleanly and resolves the exit code. */
export async function serveCommand(options: ServeOptions = {}): Promise<number> {
  const app = await createApp();
  const url = await app.listen();
  await options.afterStart?.(app, url);

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        app.log.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      app
        .close()
        .then(() => options.afterStop?.())
        .then(() => resolve(0))
        .catch((err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          resolve(1);
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
