import { AppError } from '../errors.ts';
import type { Access, RouteDefinition } from '../http/route.ts';
import type { Identity } from './identity.ts';

/** The catch-all route that serves the web app; only its files are public. */
export const WEB_APP_ROUTE = '/*';

const PROTECTED_PREFIXES = ['/api', '/ws', '/socket.io', '/simple-stats', '/metrics'];

/**
 * The path as a server might interpret it, whatever the client's spelling: decoded,
 * lower-case, `;params` and repeated slashes removed. Used only to decide, never to route.
 */
export function canonicalPath(url: string): string {
  let path = url.split('?')[0] ?? '/';
  for (let round = 0; round < 3 && path.includes('%'); round += 1) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  return path
    .replace(/;[^/]*/g, '')
    .replace(/[\\/]+/g, '/')
    .toLowerCase();
}

/** Whether a canonical path belongs to the API side rather than the web app's files. */
export function isApiPath(path: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The access a request needs. A route's own declaration decides, except for the web app's
 * catch-all: it is public only for paths outside the API, so an unknown or oddly spelt API
 * path (`/API/state`, `/api/state;.js`) asks for authentication before it can 404. A
 * request that matched no route at all needs authentication too.
 */
export function requiredAccess(route: RouteDefinition | undefined, url: string): Access {
  if (!route) return 'read';
  if (route.url !== WEB_APP_ROUTE) return route.access;
  return isApiPath(canonicalPath(url)) ? 'read' : 'public';
}

/** Throws unless the identity may use a route of the given access level. */
export function authorize(identity: Identity, access: Access): void {
  if (access === 'public') return;
  if (identity.role === 'none') {
    throw new AppError('unauthorized', 'authentication required');
  }
  if (access !== 'read' && identity.role !== 'admin') {
    if (identity.method === 'anonymous') {
      throw new AppError('unauthorized', 'authentication required to make changes');
    }
    throw new AppError('forbidden', 'this account is read-only');
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
