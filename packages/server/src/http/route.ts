import type { WebSocket } from '@fastify/websocket';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * Who may call a route. `read` needs any authenticated identity (a read-only one included),
 * `write` an identity allowed to change things, `admin` the administrator.
 */
export type Access = 'public' | 'read' | 'write' | 'admin';

/** Named request budgets; the security layer maps each to a limit. */
export type RateLimitBucket = 'general' | 'auth' | 'export' | 'test' | 'none';

interface RouteBase {
  url: string;
  access: Access;
  /** One line for the OpenAPI document. */
  summary: string;
  rateLimit?: RateLimitBucket;
  /** Accepts the API token as `?token=` (export/import and WebSocket only). */
  tokenInQuery?: boolean;
  /** State-changing route that a session may call without a CSRF token (none by default). */
  csrfExempt?: boolean;
}

export interface HandlerContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface HttpRoute<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> extends RouteBase {
  kind?: 'http';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: B;
  query?: Q;
  params?: P;
  /** Response schema, used for the OpenAPI document. */
  response?: z.ZodType;
  /** `text/html` routes return a string page; default is JSON. */
  produces?: 'application/json' | 'text/html' | 'text/plain';
  handler(ctx: HandlerContext<z.output<B>, z.output<Q>, z.output<P>>): unknown;
}

export interface SocketRoute extends RouteBase {
  kind: 'websocket';
  method: 'GET';
  handler(socket: WebSocket, request: FastifyRequest): void;
}

export type RouteDefinition = HttpRoute | SocketRoute;

/** Declares an HTTP route with its schemas, keeping the handler's types tied to them. */
export function route<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(definition: HttpRoute<B, Q, P>): HttpRoute {
  return definition as unknown as HttpRoute;
}

/** Decides, before the handler runs, whether a request may use a route; throws AppError. */
export type RouteGuard = (request: FastifyRequest, route: RouteDefinition) => void | Promise<void>;
