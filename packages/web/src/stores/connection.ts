import { type Accessor, createSignal, type Setter, type Signal } from 'solid-js';
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
  return new SocketConnection(options);
}

class SocketConnection implements Connection {
  readonly status: Accessor<ConnectionStatus>;
  readonly attempts: Accessor<number>;
  readonly retryAt: Accessor<number | undefined>;
  // One implementation serves both overloads; the map only narrows the declared type.
  readonly lastMessage = ((type: string) => this.latest(type)[0]) as Connection['lastMessage'];

  private readonly setStatus: Setter<ConnectionStatus>;
  private readonly setAttempts: Setter<number>;
  private readonly setRetryAt: Setter<number | undefined>;
  private readonly latestByType = new Map<string, Signal<ServerMessage | undefined>>();
  private readonly handlers = new Set<(message: ServerMessage) => void>();
  private readonly pingIntervalMs: number;
  private socket: WebSocket | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastReceivedAt = 0;
  private lastPingAt = 0;
  /** Set while started; aborting it removes the window and document listeners. */
  private pageListeners: AbortController | undefined;

  constructor(private readonly options: ConnectionOptions) {
    this.pingIntervalMs = options.pingIntervalMs ?? 25_000;
    [this.status, this.setStatus] = createSignal<ConnectionStatus>('disconnected');
    [this.attempts, this.setAttempts] = createSignal(0);
    [this.retryAt, this.setRetryAt] = createSignal<number>();
  }

  onMessage(handler: (message: ServerMessage) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  send(message: ClientMessage): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  start(): void {
    if (this.pageListeners) return;
    this.pageListeners = new AbortController();
    const { signal } = this.pageListeners;

    window.addEventListener('online', () => this.retryNow(), { signal });
    window.addEventListener('offline', () => this.goOffline(), { signal });
    // Background tabs may have backed off to the 30 s cap; coming back should not wait.
    document.addEventListener(
      'visibilitychange',
      () => {
        const isVisible = document.visibilityState === 'visible';
        if (isVisible && this.status() === 'reconnecting') this.retryNow();
      },
      { signal },
    );
    this.open();
  }

  stop(): void {
    this.pageListeners?.abort();
    this.pageListeners = undefined;
    this.clearRetry();
    this.drop();
    this.setAttempts(0);
    this.setStatus('disconnected');
  }

  retryNow(): void {
    if (!this.pageListeners) this.start();
    else if (!this.socket) this.open();
  }

  private latest(type: string): Signal<ServerMessage | undefined> {
    let signal = this.latestByType.get(type);
    if (!signal) {
      signal = createSignal<ServerMessage | undefined>(undefined, { equals: false });
      this.latestByType.set(type, signal);
    }
    return signal;
  }

  private open(): void {
    this.clearRetry();
    this.setStatus(this.attempts() === 0 ? 'connecting' : 'reconnecting');

    const ws = new WebSocket(this.options.url ?? defaultUrl());
    this.socket = ws;
    // Events of a socket already replaced or dropped are stale and ignored.
    ws.addEventListener('open', () => {
      if (this.socket === ws) this.onOpen();
    });
    ws.addEventListener('message', (event) => {
      if (this.socket === ws) this.receive(event.data);
    });
    ws.addEventListener('close', () => {
      if (this.socket !== ws) return;
      this.socket = undefined;
      this.stopPing();
      this.scheduleRetry();
    });
  }

  private onOpen(): void {
    this.lastReceivedAt = Date.now();
    this.setAttempts(0);
    this.setStatus('connected');
    this.startPing();
  }

  private receive(data: unknown): void {
    this.lastReceivedAt = Date.now();
    const message = parseMessage(data);
    if (!message) return;

    this.latest(message.type)[1](message);
    for (const handler of this.handlers) {
      try {
        handler(message);
      } catch (err) {
        console.error('websocket message handler failed', message.type, err);
      }
    }
  }

  private scheduleRetry(): void {
    if (!this.pageListeners || !navigator.onLine) {
      this.setStatus('disconnected');
      return;
    }

    const attempt = this.attempts() + 1;
    const delay = reconnectDelay(attempt, this.options.backoff);
    this.setAttempts(attempt);
    this.setRetryAt(Date.now() + delay);
    this.setStatus('reconnecting');
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private clearRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setRetryAt(undefined);
  }

  private goOffline(): void {
    this.drop();
    this.clearRetry();
    this.setStatus('disconnected');
  }

  private drop(): void {
    const ws = this.socket;
    this.socket = undefined;
    this.stopPing();
    ws?.close();
  }

  private startPing(): void {
    this.lastPingAt = 0;
    this.pingTimer = setInterval(() => {
      // A link that died without a close frame (a sleeping laptop, a NAT timeout) never
      // fires 'close'; silence after a ping is the only sign.
      if (this.lastPingAt > this.lastReceivedAt) {
        this.drop();
        this.scheduleRetry();
        return;
      }
      this.lastPingAt = Date.now();
      this.send({ type: 'ping' });
    }, this.pingIntervalMs);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }
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
