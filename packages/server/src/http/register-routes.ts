import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { HttpRoute, RouteDefinition, RouteGuard } from './route.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route-table entry, read by hooks that enforce access, CSRF and limits. */
    pulseRoute?: RouteDefinition;
  }
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, part: string) {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${part}.${issue.path.join('.')}: ` : `${part}: `;
  throw new AppError('validation_failed', `${where}${issue?.message ?? 'invalid'}`);
}

function httpHandler(definition: HttpRoute) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const body = parsePart(definition.body, request.body, 'body');
    const query = parsePart(definition.query, request.query, 'query');
    const params = parsePart(definition.params, request.params, 'params');
    const result = await definition.handler({ body, query, params, request, reply });

    if (definition.produces && definition.produces !== 'application/json') {
      reply.type(`${definition.produces}; charset=utf-8`);
    }
    return result === undefined && !reply.sent ? reply.code(204).send() : result;
  };
}

/**
 * Registers every route of the table. The guard runs first for each of them, so access
 * rules live in one place and no route can be added without a decision about it.
 */
export function registerRoutes(
  app: FastifyInstance,
  routes: RouteDefinition[],
  guard: RouteGuard,
): void {
  app.addHook('preHandler', async (request) => {
    const definition = request.routeOptions.config.pulseRoute;
    if (definition) await guard(request, definition);
  });

  for (const definition of routes) {
    const config = { pulseRoute: definition };
    if (definition.kind === 'websocket') {
      app.get(definition.url, { websocket: true, config }, definition.handler);
    } else {
      app.route({
        method: definition.method,
        url: definition.url,
        config,
        handler: httpHandler(definition),
      });
    }
  }
}
