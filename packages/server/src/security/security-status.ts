import type { SecurityStatus } from '@pulse/contract';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { RouteDefinition } from '../http/route.ts';
import { AddressSet, isPrivateAddress } from './client-address.ts';
import { ANONYMOUS, type Identity } from './identity.ts';
import type { SecurityService } from './security-service.ts';

/** Who the caller is, for a public route: wrong credentials just mean anonymous here. */
export async function identifyQuietly(
  security: SecurityService,
  request: FastifyRequest,
  route: RouteDefinition | undefined,
): Promise<Identity> {
  try {
    return await security.identify(request, route);
  } catch (err) {
    if (err instanceof AppError && err.code !== 'rate_limited') return ANONYMOUS;
    throw err;
  }
}

function isTrusted(security: SecurityService, ip: string): boolean {
  const networks = security.settings.trustedNetworks;
  if (networks.length === 0) return isPrivateAddress(ip);
  return new AddressSet(networks, 'PULSE_TRUSTED_NETWORKS').has(ip);
}

/** The security status as this caller sees it; it names no secret. */
export function securityStatus(
  security: SecurityService,
  request: FastifyRequest,
  identity: Identity,
): SecurityStatus {
  const { mode, credentials, settings } = security;
  const client = security.client(request);
  const isPrivate = isPrivateAddress(client.ip);
  const isProxy = identity.method === 'proxy';

  return {
    mode,
    setupRequired: mode === 'setup',
    disabled: mode === 'disabled',
    authenticated: identity.method !== 'anonymous',
    canWrite: identity.role === 'admin',
    user: identity.user,
    hasAuthentication: credentials.hasPassword || mode === 'proxy',
    apiTokenConfigured: credentials.hasToken,
    apiTokenHint: credentials.tokenHint,
    passwordFromEnv: credentials.passwordSource === 'env',
    tokenFromEnv: credentials.tokenSource === 'env',
    apiOnly: security.isApiOnly,
    requiresAuth: mode !== 'disabled',
    exportProtected: mode !== 'disabled' || !settings.allowUnprotectedExport,
    unprotectedExportAllowed: settings.allowUnprotectedExport,
    configuredButPendingRestart: false,
    hasAuditLogging: true,
    credentialsEncrypted: true,
    hasHTTPS: client.isHttps,
    clientIP: client.ip,
    isPrivateNetwork: isPrivate,
    isTrustedNetwork: isTrusted(security, client.ip),
    publicAccess: !isPrivate,
    recoveryMode: security.recovery.isActive,
    hasProxyAuth: mode === 'proxy',
    proxyAuthLogoutURL: settings.proxyAuthLogoutUrl || undefined,
    proxyAuthUsername: isProxy ? identity.user : undefined,
    proxyAuthIsAdmin: isProxy ? identity.role === 'admin' : undefined,
  };
}
