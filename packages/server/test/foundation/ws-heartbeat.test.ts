import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildHttpServer } from '../../src/http/server.ts';
import { WebSocketHub } from '../../src/http/ws-hub.ts';
import { createLogger } from '../../src/logger.ts';

describe('WebSocket heartbeat', () => {
  let app: FastifyInstance;
  let hub: WebSocketHub;
  let url: string;

  beforeAll(async () => {
    const log = createLogger({ level: 'silent' });
    hub = new WebSocketHub(log, { heartbeatMs: 50 });
    app = await buildHttpServer({
      log,
      guard: () => {},
      routes: [
        {
          kind: 'websocket',
          method: 'GET',
          url: '/ws',
          access: 'public',
          summary: 'test',
          handler: (socket) => hub.attach(socket, {}),
        },
      ],
    });
    url = `${(await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/ws`;
  });
  afterAll(async () => {
    hub.closeAll();
    await app.close();
  });

  function connect(options: WebSocket.ClientOptions): Promise<WebSocket> {
    const socket = new WebSocket(url, options);
    return new Promise((resolve) => socket.once('message', () => resolve(socket)));
  }

  it('ends a peer that stops answering pings and keeps one that answers', async () => {
    const silent = await connect({ autoPong: false });
    const healthy = await connect({});
    const closed = new Promise<void>((resolve) => silent.once('close', () => resolve()));

    await closed;
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(healthy.readyState).toBe(WebSocket.OPEN);
    expect(hub.clientCount).toBe(1);
    healthy.close();
  });
});
