import { connect as connectTcp, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { baseUrl, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { buildState } from './state-factory.ts';
import { openSocket, type TestSocket, wsUrl } from './ws-client.ts';

const apps: TestApp[] = [];
const sockets: TestSocket[] = [];
const tcpSockets: Socket[] = [];

async function start(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const pulse = await startTestApp({ DISABLE_AUTH: 'true', ...env });
  apps.push(pulse);
  return pulse;
}

async function connect(pulse: TestApp, headers: Record<string, string> = {}) {
  const socket = await openSocket(wsUrl(baseUrl(pulse.app), '/ws'), headers);
  sockets.push(socket);
  return socket;
}

/** A WebSocket client that completes the handshake and then never reads a byte. */
function stalledClient(pulse: TestApp): Promise<Socket> {
  const { port } = new URL(baseUrl(pulse.app));
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), '127.0.0.1', () => {
      socket.write(
        'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    tcpSockets.push(socket);
    socket.once('data', (chunk: Buffer) => {
      if (!chunk.toString().startsWith('HTTP/1.1 101')) reject(new Error(chunk.toString()));
      socket.pause();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const socket of tcpSockets.splice(0)) socket.destroy();
  for (const pulse of apps.splice(0)) await pulse.close();
});

describe('/ws policies', () => {
  it('drops a client that stops reading, and keeps serving the others', async () => {
    const pulse = await start();
    const healthy = await connect(pulse);
    await healthy.nextOf('initialState');
    await stalledClient(pulse);
    await waitFor(() => pulse.app.hub.clientCount === 2, 'both clients');

    // About 3 MB per update: the stalled client's unsent data passes the hub's 16 MiB cap.
    const big = buildState({ guests: 5000 });
    for (let cycle = 0; cycle < 40 && pulse.app.hub.clientCount === 2; cycle++) {
      pulse.app.live.publish({ ...big, lastUpdate: new Date(cycle * 1000).toISOString() });
      await healthy.nextOf('rawData', 30_000);
    }

    expect(pulse.app.hub.clientCount).toBe(1);
    expect(pulse.logs()).toContain('dropping slow websocket client');
    pulse.app.live.publish(buildState({ guests: 3 }));
    expect((await healthy.nextOf('rawData')).type).toBe('rawData');
  });

  it('refuses a page from another origin, private networks included', async () => {
    const pulse = await start();
    for (const origin of [
      'http://evil.example',
      'http://192.168.1.20:7655',
      'http://localhost:9',
    ]) {
      const client = await connect(pulse, { Origin: origin });
      expect([origin, await client.closed]).toEqual([origin, 1008]);
    }
    expect(pulse.app.hub.clientCount).toBe(0);
  });

  it('accepts its own origin and the origins ALLOWED_ORIGINS lists', async () => {
    const pulse = await start({ ALLOWED_ORIGINS: 'https://dash.example' });
    for (const origin of [baseUrl(pulse.app), 'https://dash.example']) {
      const client = await connect(pulse, { Origin: origin });
      expect((await client.next()).type).toBe('welcome');
    }
  });
});
