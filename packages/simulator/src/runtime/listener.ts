import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { CertPair } from '../http/certs.ts';
import type { EndpointState } from '../model/world.ts';
import { closeServer, listenServer } from './bind.ts';

/** One HTTP(S) server: a standalone endpoint, a PBS, or one member of a cluster. */
export interface Listener {
  endpoint: EndpointState;
  /** The cluster member (or the standalone node) this listener plays; undefined for PBS. */
  node?: string;
  host: string;
  port: number;
  server: Server;
  cert?: CertPair;
  /** Requests held open by a `hang` fault. */
  hung: Set<ServerResponse>;
  sockets: Set<Socket>;
  /** False while a `down` fault has closed the listening socket. */
  up: boolean;
}

export type RequestHandler = (
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
) => void;

export function createListener(
  endpoint: EndpointState,
  node: string | undefined,
  cert: CertPair | undefined,
  handler: RequestHandler,
) {
  const server: Server = cert
    ? (createHttpsServer({ key: cert.key, cert: cert.cert }) as unknown as Server)
    : createHttpServer();
  const listener: Listener = {
    endpoint,
    node,
    host: '',
    port: 0,
    server,
    cert,
    hung: new Set(),
    sockets: new Set(),
    up: true,
  };
  server.keepAliveTimeout = 5_000;
  server.on('request', (req, res) => handler(listener, req, res));
  server.on(cert ? 'secureConnection' : 'connection', (socket: Socket) => {
    listener.sockets.add(socket);
    socket.on('close', () => listener.sockets.delete(socket));
  });
  return listener;
}

export function urlOf(listener: Listener, https: boolean): string {
  const host = listener.host.includes(':') ? `[${listener.host}]` : listener.host;
  return `${https ? 'https' : 'http'}://${host}:${listener.port}`;
}

/** Drops every open connection, as a host that vanished would. */
export function dropConnections(listener: Listener): void {
  for (const res of listener.hung) res.destroy();
  listener.hung.clear();
  for (const socket of listener.sockets) socket.destroy();
  listener.sockets.clear();
}

/**
 * Stops accepting connections: clients then see "connection refused". Open connections are
 * cut a moment later, so a control call that caused this still gets its answer.
 */
export async function takeDown(listener: Listener): Promise<void> {
  if (!listener.up) return;
  listener.up = false;
  const closing = closeServer(listener.server);
  listener.server.closeIdleConnections();
  setTimeout(() => dropConnections(listener), 100).unref();
  await closing;
}

export async function bringUp(listener: Listener): Promise<void> {
  if (listener.up) return;
  await listenServer(listener.server, listener.host, listener.port);
  listener.up = true;
}

/**
 * Serves a different certificate to new connections (or the original again). Idle kept-alive
 * connections are closed so the next request shakes hands with the new certificate.
 */
export function useCert(listener: Listener, cert: CertPair): void {
  (listener.server as unknown as HttpsServer).setSecureContext({ key: cert.key, cert: cert.cert });
  listener.server.closeIdleConnections();
}
