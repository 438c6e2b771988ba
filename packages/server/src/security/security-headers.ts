import type { FastifyReply, FastifyRequest } from 'fastify';

export interface HeaderSettings {
  allowEmbedding: boolean;
  allowedEmbedOrigins: string[];
  allowedOrigins: string[];
}

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_HEADERS = 'Content-Type, Authorization, X-API-Token, X-CSRF-Token';

/**
 * The page may load scripts only from Pulse itself: no inline script, no eval. Inline
 * styles stay allowed because the UI sets element styles (bar widths) from data.
 */
export function contentSecurityPolicy(settings: HeaderSettings): string {
  const ancestors = settings.allowEmbedding
    ? ["'self'", ...settings.allowedEmbedOrigins].join(' ')
    : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** Headers every response carries, errors and the web app's files included. */
export function applySecurityHeaders(
  reply: FastifyReply,
  settings: HeaderSettings,
  isHttps: boolean,
): void {
  reply.header('Content-Security-Policy', contentSecurityPolicy(settings));
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  reply.header('Permissions-Policy', PERMISSIONS_POLICY);
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  // X-Frame-Options cannot list origins; with embedding on, frame-ancestors says who may.
  if (!settings.allowEmbedding) reply.header('X-Frame-Options', 'DENY');
  if (isHttps) reply.header('Strict-Transport-Security', 'max-age=31536000');
}

/** The request's Origin when `ALLOWED_ORIGINS` lists it (or holds `*`). */
export function allowedCorsOrigin(
  request: FastifyRequest,
  allowedOrigins: string[],
): string | undefined {
  const origin = request.headers.origin;
  if (!origin) return undefined;
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin) ? origin : undefined;
}

/**
 * CORS for a listed origin: the one matching origin is echoed (a list is not a valid header
 * value). Credentials are not allowed cross-origin; such callers use the API token.
 */
export function applyCorsHeaders(reply: FastifyReply, origin: string | undefined): void {
  reply.header('Vary', 'Origin');
  if (!origin) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Methods', CORS_METHODS);
  reply.header('Access-Control-Allow-Headers', CORS_HEADERS);
  reply.header('Access-Control-Max-Age', '600');
}
