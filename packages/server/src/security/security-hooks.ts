import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isOriginAllowed } from '../http/origin.ts';
import type { RouteDefinition, RouteGuard } from '../http/route.ts';
import { authorize, isStateChanging, requiredAccess } from './access-policy.ts';
import { ANONYMOUS, type Identity } from './identity.ts';
import { presentedCsrf } from './request-credentials.ts';
import { allowedCorsOrigin, applyCorsHeaders, applySecurityHeaders } from './security-headers.ts';
import type { SecurityService } from './security-service.ts';

/** The identity each request was granted, once its access has been decided. */
const decided = new WeakMap<FastifyRequest, Identity>();

function routeOf(request: FastifyRequest): RouteDefinition | undefined {
  return request.routeOptions.config?.pulseRoute;
}

function isPreflight(request: FastifyRequest): boolean {
  return (
    request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined
  );
}

function applyHeaders(security: SecurityService, request: FastifyRequest, reply: FastifyReply) {
  const settings = security.settings;
  applySecurityHeaders(reply, settings, security.client(request).isHttps);
  applyCorsHeaders(reply, allowedCorsOrigin(request, settings.allowedOrigins));
  if (security.mode === 'disabled') reply.header('X-Auth-Disabled', 'true');
}

function enforceRateLimit(security: SecurityService, request: FastifyRequest): void {
  const bucket = routeOf(request)?.rateLimit ?? 'general';
  if (bucket === 'none') return;
  const decision = security.limiter.take(bucket, security.client(request).ip);
  if (decision.allowed) return;

  if (bucket === 'auth') {
    security.audit.record({ ...security.actor(request), event: 'rate_limit', outcome: 'failure' });
  }
  throw new AppError('rate_limited', 'too many requests; wait before trying again', {
    headers: { 'Retry-After': String(decision.retryAfterSeconds) },
  });
}

/**
 * A browser acting on a cookie must show it means it: a session needs its matching CSRF
 * token. Recovery mode has no session, so there a foreign Origin is refused instead (it is
 * a direct loopback connection, so no proxy can have rewritten the Origin or Host). Token
 * and Basic callers are scripts that a third-party page cannot make a browser imitate.
 */
function enforceBrowserIntent(
  security: SecurityService,
  request: FastifyRequest,
  identity: Identity,
): void {
  if (!isStateChanging(request.method)) return;
  if (identity.method !== 'session' && identity.method !== 'recovery') return;
  if (routeOf(request)?.csrfExempt) return;

  const foreignOrigin =
    identity.method === 'recovery' && !isOriginAllowed(request, security.settings.allowedOrigins);
  const presented = presentedCsrf(request);
  const csrfOk =
    identity.method === 'recovery' ||
    (presented !== undefined &&
      identity.session !== undefined &&
      security.sessions.csrfMatches(identity.session, presented));
  if (csrfOk && !foreignOrigin) return;

  security.audit.record({
    ...security.actor(request, identity.user),
    event: 'csrf_failure',
    outcome: 'failure',
    details: { reason: foreignOrigin ? 'foreign origin' : presented ? 'mismatch' : 'missing' },
  });
  throw new AppError('csrf_failed', 'CSRF token missing or invalid');
}

/** Decides whether a request may reach its route, and remembers the identity it used. */
async function decide(security: SecurityService, request: FastifyRequest): Promise<Identity> {
  const known = decided.get(request);
  if (known) return known;
  const route = routeOf(request);
  const access = requiredAccess(route, request.url);
  if (access === 'public') {
    decided.set(request, ANONYMOUS);
    return ANONYMOUS;
  }

  const identity = await security.identify(request, route);
  if (security.mode === 'setup' && identity.role === 'none') {
    throw new AppError(
      'unauthorized',
      'Pulse is not set up yet: open the web UI to create the admin',
    );
  }
  authorize(identity, access);
  enforceBrowserIntent(security, request, identity);
  decided.set(request, identity);
  return identity;
}

/**
 * Installs the security hooks ahead of every route, the 404 handler included: headers and
 * CORS on every response, preflights answered, rate limits, then authentication, access
 * and CSRF. Runs at `onRequest`, before a body is even read.
 */
export function securityPlugin(security: SecurityService) {
  return (app: FastifyInstance): void => {
    app.addHook('onRequest', async (request, reply) => {
      applyHeaders(security, request, reply);
      if (isPreflight(request)) return reply.code(204).send();
      enforceRateLimit(security, request);
      await decide(security, request);
    });
  };
}

/**
 * The route guard: the same decision, made again if the hook did not run for this request
 * (a route registered in some other way), so no handler runs without it.
 */
export function securityGuard(security: SecurityService): RouteGuard {
  return async (request) => {
    await decide(security, request);
  };
}

/** The identity a protected route's request was granted (anonymous on public routes). */
export function identityOf(request: FastifyRequest): Identity {
  return decided.get(request) ?? ANONYMOUS;
}
