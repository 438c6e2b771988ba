import {
  ApplyRestartResponse,
  AuditLogResponse,
  ChangePasswordRequest,
  QuickSetupRequest,
  QuickSetupResponse,
  RecoveryRequest,
  RecoveryStatus,
  RegenerateTokenResponse,
  SecurityStatus,
  SuccessResponse,
} from '@pulse/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { changePassword, quickSetup, regenerateToken } from '../../security/credential-actions.ts';
import { identityOf } from '../../security/security-hooks.ts';
import type { SecurityService } from '../../security/security-service.ts';
import { identifyQuietly, securityStatus } from '../../security/security-status.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface SecurityRouteDeps {
  security: SecurityService;
}

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

function recoveryStatus(security: SecurityService): RecoveryStatus {
  const expiresAt = security.recovery.expiresAt();
  return expiresAt === undefined
    ? { recoveryMode: false, message: 'recovery mode is off' }
    : { recoveryMode: true, expiresAt, message: 'connections from this host need no login' };
}

function assertDirectLoopback(security: SecurityService, request: FastifyRequest): void {
  if (security.client(request).isDirectLoopback) return;
  throw new AppError(
    'forbidden',
    'recovery is only available on a direct connection from the Pulse host',
  );
}

function statusRoutes({ security }: SecurityRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/security/status',
      access: 'public',
      summary: 'Security configuration and how this caller is authenticated',
      response: SecurityStatus,
      handler: async ({ request }) => {
        const identity = await identifyQuietly(security, request, undefined);
        return securityStatus(security, request, identity);
      },
    }),
    route({
      method: 'GET',
      url: '/api/security/audit',
      access: 'admin',
      summary: 'Security audit log, newest first',
      query: AuditQuery,
      response: AuditLogResponse,
      handler: ({ query }) => ({ events: security.audit.list(query.limit, query.before) }),
    }),
  ];
}

function credentialRoutes({ security }: SecurityRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      url: '/api/security/quick-setup',
      access: 'public',
      rateLimit: 'auth',
      summary: 'First-run setup: create the admin and an API token (shown once)',
      body: QuickSetupRequest,
      response: QuickSetupResponse,
      handler: ({ body, request }) => quickSetup(security, request, body),
    }),
    route({
      method: 'POST',
      url: '/api/security/change-password',
      access: 'admin',
      rateLimit: 'auth',
      summary: 'Change the admin password; ends all other sessions',
      body: ChangePasswordRequest,
      response: SuccessResponse,
      handler: async ({ body, request, reply }) => {
        await changePassword(security, request, reply, identityOf(request), body);
        return { success: true, message: 'password changed; other sessions were signed out' };
      },
    }),
    route({
      method: 'POST',
      url: '/api/security/regenerate-token',
      access: 'admin',
      rateLimit: 'auth',
      summary: 'Replace the API token; the new one is shown once',
      response: RegenerateTokenResponse,
      handler: ({ request }) => regenerateToken(security, request, identityOf(request).user),
    }),
    route({
      method: 'POST',
      url: '/api/security/apply-restart',
      access: 'admin',
      rateLimit: 'auth',
      summary: 'Kept for compatibility: security settings apply without a restart',
      response: ApplyRestartResponse,
      handler: () => ({
        success: true,
        requiresRestart: false,
        message: 'security settings are already in effect; no restart is needed',
      }),
    }),
  ];
}

function recoveryRoutes({ security }: SecurityRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/security/recovery',
      access: 'admin',
      rateLimit: 'auth',
      summary: 'Recovery mode state (direct connections from the Pulse host only)',
      response: RecoveryStatus,
      handler: ({ request }) => {
        assertDirectLoopback(security, request);
        return recoveryStatus(security);
      },
    }),
    route({
      method: 'POST',
      url: '/api/security/recovery',
      access: 'admin',
      rateLimit: 'auth',
      summary: 'Turn recovery mode on (disable_auth) or off (enable_auth), from the host only',
      body: RecoveryRequest,
      response: RecoveryStatus,
      handler: ({ body, request }) => {
        assertDirectLoopback(security, request);
        if (body.action === 'disable_auth') security.recovery.enable();
        else security.recovery.disable();

        const actor = security.actor(request, identityOf(request).user);
        const details = { action: body.action };
        security.audit.record({ ...actor, event: 'recovery', outcome: 'success', details });
        return recoveryStatus(security);
      },
    }),
  ];
}

/** Everything under `/api/security/`: status, first-run setup, credentials, recovery, audit. */
export function securityRoutes(deps: SecurityRouteDeps): RouteDefinition[] {
  return [...statusRoutes(deps), ...credentialRoutes(deps), ...recoveryRoutes(deps)];
}
