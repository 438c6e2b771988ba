import WebSocket from 'ws';

export interface ReceivedMessage {
  type: string;
  data?: unknown;
  seq?: number;
  timestamp?: string;
}

/** A `ws` client that queues what it receives, so a test can await messages in order. */
export interface TestSocket {
  socket: WebSocket;
  /** The next message, whatever its type. */
  next(timeoutMs?: number): Promise<ReceivedMessage>;
  /** Skips messages until one of `type` arrives, and returns it. */
  nextOf(type: string, timeoutMs?: number): Promise<ReceivedMessage>;
  send(message: object): void;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  close(): void;
}

export async function openSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<TestSocket> {
  const socket = new WebSocket(url, { headers });
  const queue: ReceivedMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    queue.push(JSON.parse(raw.toString()) as ReceivedMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  async function next(timeoutMs = 10_000): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no WebSocket message in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return queue.shift()!;
  }

  async function nextOf(type: string, timeoutMs = 10_000): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await next(Math.max(1, deadline - Date.now()));
      if (message.type === type) return message;
    }
  }

  return {
    socket,
    next,
    nextOf,
    send: (message) => socket.send(JSON.stringify(message)),
    closed,
    close: () => socket.close(),
  };
}

/** `ws://` URL of a path on a listening test app. */
export function wsUrl(base: string, path: string): string {
  return `${base.replace(/^http/, 'ws')}${path}`;
}
