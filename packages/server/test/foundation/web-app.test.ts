import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { baseUrl, makeTempDir, startTestApp, type TestApp } from '../helpers/test-app.ts';

function buildFakeWebRoot(): string {
  const root = makeTempDir('pulse-web-');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pulse test shell</title>');
  writeFileSync(join(root, 'assets', 'app-3f2a1b.js'), 'console.log(1)');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('serving the web app', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' }, { webRoot: buildFakeWebRoot() });
    url = baseUrl(t.app);
  });
  afterAll(() => t.close());

  it('serves index.html at the root without long caching', async () => {
    const response = await fetch(`${url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('Pulse test shell');
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${url}/assets/app-3f2a1b.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await fetch(`${url}/storage`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Pulse test shell');
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    expect((await fetch(`${url}/assets/gone-123.js`)).status).toBe(404);
  });

  it('never serves files outside the web root', async () => {
    const response = await fetch(`${url}/..%2f..%2f..%2fetc%2fpasswd`);

    expect(await response.text()).not.toContain('root:');
  });
});

describe('the WebSocket', () => {
  let t: TestApp;
  let wsUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' });
    wsUrl = `${baseUrl(t.app).replace('http', 'ws')}/ws`;
  });
  afterAll(() => t.close());

  function firstMessages(socket: WebSocket, count: number): Promise<{ type: string }[]> {
    const received: { type: string }[] = [];
    return new Promise((resolve, reject) => {
      socket.on('message', (raw) => {
        received.push(JSON.parse(raw.toString()));
        if (received.length === count) resolve(received);
      });
      socket.on('error', reject);
    });
  }

  it('greets a new client with a welcome message and answers ping with pong', async () => {
    const socket = new WebSocket(wsUrl);
    const messages = firstMessages(socket, 1);
    const [welcome] = await messages;
    expect(welcome?.type).toBe('welcome');

    const pong = new Promise<{ type: string }>((resolve) =>
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString());
        if (message.type === 'pong') resolve(message);
      }),
    );
    socket.send(JSON.stringify({ type: 'ping' }));
    expect((await pong).type).toBe('pong');
    socket.close();
  });

  it('refuses a browser page from another origin', async () => {
    const socket = new WebSocket(wsUrl, { headers: { origin: 'https://evil.example' } });
    const code = await new Promise<number>((resolve) => socket.on('close', resolve));

    expect(code).toBe(1008);
  });
});
