import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { secretsEqual } from './secret-hash.ts';

export interface ProxyAuthSettings {
  proxyAuthSecret: string;
  proxyAuthUserHeader: string;
  proxyAuthRoleHeader: string;
  proxyAuthRoleSeparator: string;
  proxyAuthAdminRole: string;
}

/** A user vouched for by the authenticating reverse proxy. */
export interface ProxyUser {
  user: string;
  isAdmin: boolean;
}

export const PROXY_SECRET_HEADER = 'x-proxy-secret';

function single(request: FastifyRequest, name: string): string {
  const value = request.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/**
 * Reads the identity an authenticating proxy put on the request. The shared secret proves
 * the headers come from the proxy and not from a client that walked around it. Without a
 * role header everyone the proxy lets through is an administrator; with one, only holders
 * of the admin role are, and a missing role header means read-only.
 */
export function readProxyUser(
  request: FastifyRequest,
  settings: ProxyAuthSettings,
): ProxyUser | undefined {
  if (settings.proxyAuthSecret === '') return undefined;
  const presented = single(request, PROXY_SECRET_HEADER);
  if (presented === '') return undefined;
  if (!secretsEqual(presented, settings.proxyAuthSecret)) {
    throw new AppError('unauthorized', 'invalid proxy secret');
  }

  const user = settings.proxyAuthUserHeader ? single(request, settings.proxyAuthUserHeader) : '';
  if (settings.proxyAuthUserHeader && user === '') {
    throw new AppError('unauthorized', 'the proxy did not name the user');
  }
  return { user: user || 'proxy', isAdmin: isAdmin(request, settings) };
}

function isAdmin(request: FastifyRequest, settings: ProxyAuthSettings): boolean {
  if (settings.proxyAuthRoleHeader === '') return true;
  const roles = single(request, settings.proxyAuthRoleHeader)
    .split(settings.proxyAuthRoleSeparator)
    .map((role) => role.trim());
  return roles.includes(settings.proxyAuthAdminRole);
}
