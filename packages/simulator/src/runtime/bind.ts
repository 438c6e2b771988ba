import type { Server } from 'node:http';

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) resolve();
    else server.close(() => resolve());
  });
}

const ATTEMPTS = 20;

/**
 * Binds one server per address on one shared port, as cluster members listen on the same
 * port at different IPs. With port 0 the first bind picks a free port; if another address
 * already has it, the whole group retries on a new one.
 */
export async function bindGroup(servers: Server[], hosts: string[], port: number): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const chosen = await listen(servers[0]!, hosts[0]!, port);
      for (let i = 1; i < servers.length; i++) await listen(servers[i]!, hosts[i]!, chosen);
      return chosen;
    } catch (err) {
      await Promise.all(servers.map(close));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port !== 0) throw err;
    }
  }
  throw new Error(`no free port shared by ${hosts.join(', ')} after ${ATTEMPTS} attempts`);
}

export { close as closeServer, listen as listenServer };
