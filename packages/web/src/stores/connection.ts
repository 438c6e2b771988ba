import { type Accessor, createSignal, type Signal } from 'solid-js';
import { type BackoffOptions, reconnectDelay } from './backoff.ts';

/**
 * - `connecting`: the first attempt since start is in flight.
 * - `connected`: the socket is open.
 * - `reconnecting`: the socket was lost or refused; retrying with exponential backoff.
 * - `disconnected`: not trying at all: stopped, or the browser says it is offline.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/**
 * A message in either direction: a JSON object with a string `type`; `data` depends on it.
 * The server adds `timestamp` to some.
 */
export interface SocketMessage<Type extends string = string, Data = unknown> {
  type: Type;
  data?: Data;
  timestamp?: string;
}

export type ServerMessage = SocketMessage;
export type ClientMessage = SocketMessage;

export type WelcomeMessage = SocketMessage<'welcome', { message: string; clientId: string }>;
export type PongMessage = SocketMessage<'pong', { timestamp: number }>;

/**
 * Messages the UI knows by type, for typed {@link Connection.lastMessage} calls. Features add
 * their entries here (`initialState`, `rawData`, ...); messages of other types are still kept.
 */
export interface ServerMessageMap {
  welcome: WelcomeMessage;
  pong: PongMessage;
}

export interface ConnectionOptions {
  /** @default `ws(s)://<page host>/ws?delta=1` */
  url?: string;
  backoff?: BackoffOptions;
  /**
   * How often to send `{"type":"ping"}`. A socket that receives nothing for a whole interval
   * after a ping is treated as dead and replaced.
   * @default 25000
   */
  pingIntervalMs?: number;
}

export interface Connection {
  readonly status: Accessor<ConnectionStatus>;
  /** Failed attempts since the socket was last open; 0 while connected. */
  readonly attempts: Accessor<number>;
  /** When the next attempt is due (epoch ms) while `reconnecting`. */
  readonly retryAt: Accessor<number | undefined>;
  /** The latest message of a type, as a signal that fires on every message, even equal ones. */
  lastMessage<K extends keyof ServerMessageMap>(type: K): Accessor<ServerMessageMap[K] | undefined>;
  lastMessage(type: string): Accessor<ServerMessage | undefined>;
  /** Calls `handler` for every message, in arrival order. Returns the unsubscribe function. */
  onMessage(handler: (message: ServerMessage) => void): () => void;
  /** Sends when connected; returns false (and drops the message) otherwise. */
  send(message: ClientMessage): boolean;
  start(): void;
  stop(): void;
  /** Skips the remaining backoff wait. */
  retryNow(): void;
}

export function createConnection(options: ConnectionOptions = {}): Connection {
  const pingIntervalMs = options.pingIntervalMs ?? 25_000;
  const [status, setStatus] = createSignal<ConnectionStatus>('disconnected');
  const [attempts, setAttempts] = createSignal(0);
  const [retryAt, setRetryAt] = createSignal<number>();
  const latest = new Map<string, Signal<ServerMessage | undefined>>();
  const handlers = new Set<(message: ServerMessage) => void>();

  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastReceivedAt = 0;
  let lastPingAt = 0;
  let pageListeners: AbortController | undefined;

  function latestSignal(type: string): Signal<ServerMessage | undefined> {
    let signal = latest.get(type);
    if (!signal) {
      signal = createSignal<ServerMessage | undefined>(undefined, { equals: false });
      latest.set(type, signal);
    }
    return signal;
  }

  function open(): void {
    clearRetry();
    setStatus(attempts() === 0 ? 'connecting' : 'reconnecting');

    const ws = new WebSocket(options.url ?? defaultUrl());
    socket = ws;
    // Events of a socket we already replaced or dropped are stale and ignored.
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      lastReceivedAt = Date.now();
      setAttempts(0);
      setStatus('connected');
      startPing();
    });
    ws.addEventListener('message', (event) => {
      if (socket === ws) receive(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = undefined;
      stopPing();
      scheduleRetry();
    });
  }

  function scheduleRetry(): void {
    if (!pageListeners || !navigator.onLine) {
      setStatus('disconnected');
      return;
    }

    const attempt = attempts() + 1;
    const delay = reconnectDelay(attempt, options.backoff);
    setAttempts(attempt);
    setRetryAt(Date.now() + delay);
    setStatus('reconnecting');
    retryTimer = setTimeout(open, delay);
  }

  function clearRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    setRetryAt(undefined);
  }

  function drop(): void {
    const ws = socket;
    socket = undefined;
    stopPing();
    ws?.close();
  }

  function startPing(): void {
    lastPingAt = 0;
    pingTimer = setInterval(() => {
      // A link that died without a close frame (a sleeping laptop, a NAT timeout) never
      // fires 'close'; silence after a ping is the only sign.
      if (lastPingAt > lastReceivedAt) {
        drop();
        scheduleRetry();
        return;
      }
      lastPingAt = Date.now();
      send({ type: 'ping' });
    }, pingIntervalMs);
  }

  function stopPing(): void {
    clearInterval(pingTimer);
    pingTimer = undefined;
  }

  function receive(data: unknown): void {
    lastReceivedAt = Date.now();
    const message = parseMessage(data);
    if (!message) return;

    latestSignal(message.type)[1](message);
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (err) {
        console.error('websocket message handler failed', message.type, err);
      }
    }
  }

  function send(message: ClientMessage): boolean {
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function start(): void {
    if (pageListeners) return;
    pageListeners = new AbortController();
    const { signal } = pageListeners;
    window.addEventListener('online', retryNow, { signal });
    window.addEventListener(
      'offline',
      () => {
        drop();
        clearRetry();
        setStatus('disconnected');
      },
      { signal },
    );
    // Background tabs may have backed off to the 30 s cap; coming back should not wait.
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible' && status() === 'reconnecting') retryNow();
      },
      { signal },
    );
    open();
  }

  function stop(): void {
    pageListeners?.abort();
    pageListeners = undefined;
    clearRetry();
    drop();
    setAttempts(0);
    setStatus('disconnected');
  }

  function retryNow(): void {
    if (!pageListeners) start();
    else if (!socket) open();
  }

  return {
    status,
    attempts,
    retryAt,
    // One implementation serves both overloads; the map only narrows the declared type.
    lastMessage: ((type: string) => latestSignal(type)[0]) as Connection['lastMessage'],
    onMessage(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    send,
    start,
    stop,
    retryNow,
  };
}

function defaultUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  // Deltas: after the first full state the server sends only what changed each cycle, which
  // the live-state store applies (docs/websocket.md).
  return `${scheme}//${window.location.host}/ws?delta=1`;
}

function parseMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && 'type' in value) {
      if (typeof value.type === 'string') return value as ServerMessage;
    }
  } catch {
    // Ignored like any message this UI does not understand; the server owns the protocol.
  }
  return undefined;
}

/** The app's one live connection to the Pulse server; started by main.tsx. */
export const connection = createConnection();
