import { randomUUID } from 'node:crypto';
import type { WebSocket } from '@fastify/websocket';
import type { Logger } from '../logger.ts';

/** Envelope of every WebSocket message, both directions. */
export interface HubMessage {
  type: string;
  data?: unknown;
  timestamp?: string;
}

export interface HubClient {
  id: string;
  /** Options the client asked for in its URL (e.g. `?delta=1`). */
  query: Record<string, string>;
  send(message: HubMessage): void;
}

export interface HubOptions {
  /** A client whose unsent data exceeds this is dropped instead of growing memory. */
  maxBufferedBytes?: number;
  /** Milliseconds between protocol pings; a client silent for a whole period is closed. */
  heartbeatMs?: number;
}

type MessageHandler = (client: HubClient, message: HubMessage) => void;

/**
 * Keeps the connected WebSocket clients, greets them, answers pings and broadcasts. Other
 * parts add behaviour through `onConnect` and `onMessage` instead of reaching into sockets.
 */
export class WebSocketHub {
  private readonly clients = new Map<
    string,
    { socket: WebSocket; client: HubClient; isAlive: boolean }
  >();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly connectListeners: ((client: HubClient) => void)[] = [];
  private readonly messageHandlers = new Map<string, MessageHandler>();
  private readonly maxBufferedBytes: number;

  constructor(
    private readonly log: Logger,
    options: HubOptions = {},
  ) {
    this.maxBufferedBytes = options.maxBufferedBytes ?? 16 * 1024 * 1024;
    this.onMessage('ping', (client) => client.send({ type: 'pong', data: { timestamp: now() } }));
    this.heartbeat = setInterval(() => this.checkAlive(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  onConnect(listener: (client: HubClient) => void): void {
    this.connectListeners.push(listener);
  }

  onMessage(type: string, handler: MessageHandler): void {
    this.messageHandlers.set(type, handler);
  }

  attach(socket: WebSocket, query: Record<string, string>): HubClient {
    const id = `client-${randomUUID()}`;
    const client: HubClient = { id, query, send: (message) => this.sendTo(id, message) };
    const entry = { socket, client, isAlive: true };
    this.clients.set(id, entry);
    socket.on('pong', () => {
      entry.isAlive = true;
    });
    socket.on('message', (raw) => this.receive(client, raw.toString()));
    socket.on('close', () => this.clients.delete(id));
    socket.on('error', (err) => this.log.debug({ err, client: id }, 'websocket error'));

    this.log.debug({ client: id, clients: this.clients.size }, 'websocket client connected');
    client.send({
      type: 'welcome',
      data: { message: 'Connected to Pulse WebSocket', clientId: id },
    });
    for (const listener of this.connectListeners) listener(client);
    return client;
  }

  broadcast(message: HubMessage): void {
    const text = serialize(message);
    for (const id of this.clients.keys()) this.sendRaw(id, text);
  }

  /** Sends to every client a message built for it (e.g. full state or a delta). */
  broadcastEach(build: (client: HubClient) => HubMessage | undefined): void {
    // Builders return one shared object per variant; serialize each once, not per client,
    // since a full state can be megabytes.
    const texts = new Map<HubMessage, string>();
    for (const { client } of this.clients.values()) {
      const message = build(client);
      if (!message) continue;
      let text = texts.get(message);
      if (text === undefined) {
        text = serialize(message);
        texts.set(message, text);
      }
      this.sendRaw(client.id, text);
    }
  }

  /**
   * A peer that vanished without closing (a sleeping laptop, a dropped network) would hold
   * its slot and buffers forever; one missed pong period ends it.
   */
  private checkAlive(): void {
    for (const [id, entry] of this.clients) {
      if (!entry.isAlive) {
        this.log.debug({ client: id }, 'websocket client stopped answering');
        this.clients.delete(id);
        entry.socket.terminate();
        continue;
      }
      entry.isAlive = false;
      entry.socket.ping();
    }
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const { socket } of this.clients.values()) socket.close(1001, 'server shutting down');
    this.clients.clear();
  }

  private sendTo(id: string, message: HubMessage): void {
    this.sendRaw(id, serialize(message));
  }

  private sendRaw(id: string, text: string): void {
    const entry = this.clients.get(id);
    if (!entry || entry.socket.readyState !== entry.socket.OPEN) return;
    if (entry.socket.bufferedAmount + text.length > this.maxBufferedBytes) {
      this.log.warn({ client: id }, 'dropping slow websocket client');
      this.clients.delete(id);
      entry.socket.terminate();
      return;
    }
    entry.socket.send(text);
  }

  private receive(client: HubClient, raw: string): void {
    let message: HubMessage;
    try {
      message = JSON.parse(raw) as HubMessage;
    } catch {
      return;
    }
    if (typeof message?.type !== 'string') return;
    this.messageHandlers.get(message.type)?.(client, message);
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function serialize(message: HubMessage): string {
  return JSON.stringify({ ...message, timestamp: message.timestamp ?? new Date().toISOString() });
}
