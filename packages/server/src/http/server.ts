import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from '../logger.ts';
import { installErrorBoundary } from './error-boundary.ts';
import { registerRoutes } from './register-routes.ts';
import type { RouteDefinition, RouteGuard } from './route.ts';

export interface HttpServerOptions {
  log: Logger;
  routes: RouteDefinition[];
  guard: RouteGuard;
  /** Hooks that other parts (security headers, CORS, limits) install before the routes. */
  plugins?: ((app: FastifyInstance) => void | Promise<void>)[];
  /** Trust `X-Forwarded-*` from these addresses (Fastify `trustProxy`). */
  trustProxy?: string[];
  bodyLimit?: number;
  /** Serve HTTPS with this certificate and key instead of plain HTTP. */
  https?: { cert: Buffer; key: Buffer };
}

/**
 * Logs each request once, at debug, by path only: a query string may carry a token and
 * must never reach the logs.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(_err: unknown, request: FastifyRequest, reply: FastifyReply): void {
    request.log.debug(
      {
        method: request.method,
        path: pathOf(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  }
}

/** Path without the query string: queries may carry a token and never reach the logs. */
function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  // Fastify's logger type is narrower than pino's; the instance is a pino logger either way.
  const loggerInstance = options.log.child({ module: 'http' }) as FastifyBaseLogger;
  // An HTTPS instance differs from the default only in its raw server type, which no part
  // of Pulse touches; one instance type keeps every route and hook shared.
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    loggerInstance,
    logController: new RequestLogController(),
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;

  installErrorBoundary(app);
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  for (const plugin of options.plugins ?? []) await plugin(app);
  registerRoutes(app, options.routes, options.guard);
  return app;
}
