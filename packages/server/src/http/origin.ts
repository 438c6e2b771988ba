import type { FastifyRequest } from 'fastify';

/**
 * Whether a browser page at the request's `Origin` may use this server's WebSocket or CORS.
 * No Origin (a script, not a browser) and the server's own origin are allowed; any other
 * origin must be listed in `ALLOWED_ORIGINS` (`*` allows all).
 */
export function isOriginAllowed(request: FastifyRequest, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === `${request.protocol}://${request.host}`) return true;
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin);
}
