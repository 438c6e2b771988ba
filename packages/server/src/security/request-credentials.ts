import type { FastifyRequest } from 'fastify';
import type { RouteDefinition } from '../http/route.ts';

export const SESSION_COOKIE = 'pulse_session';
export const CSRF_COOKIE = 'pulse_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_HEADER = 'x-api-token';

export interface BasicCredentials {
  user: string;
  password: string;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The API token a request presents: `X-API-Token`, `Authorization: Bearer`, or `?token=`
 * on the few routes that declare `tokenInQuery` (a browser cannot set headers there).
 */
export function presentedToken(
  request: FastifyRequest,
  route: RouteDefinition | undefined,
): string | undefined {
  const fromHeader = header(request, TOKEN_HEADER);
  if (fromHeader) return fromHeader;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  if (bearer?.[1]) return bearer[1];
  if (!route?.tokenInQuery) return undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.token;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
}

/** User and password of an `Authorization: Basic` header, if the request carries one. */
export function presentedBasic(request: FastifyRequest): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header(request, 'authorization') ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function presentedSession(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export function presentedCsrf(request: FastifyRequest): string | undefined {
  return header(request, CSRF_HEADER);
}

export function userAgentOf(request: FastifyRequest): string {
  return header(request, 'user-agent') ?? '';
}

/** The path of a request without its query string, which may hold a token. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/';
}
