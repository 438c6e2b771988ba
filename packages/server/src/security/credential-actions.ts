import type { QuickSetupResponse } from '@pulse/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isOriginAllowed } from '../http/origin.ts';
import type { RouteDefinition } from '../http/route.ts';
import { isPrivateAddress } from './client-address.ts';
import type { Identity } from './identity.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { generateApiToken } from './secret-hash.ts';
import type { SecurityService } from './security-service.ts';
import { identifyQuietly } from './security-status.ts';
import { setSessionCookies } from './session-cookies.ts';

export interface QuickSetupInput {
  username: string;
  password: string;
  generateApiToken: boolean;
}

export interface ChangePasswordInput {
  currentPassword?: string;
  newPassword: string;
}

/**
 * Who may run the first-run setup: before any credential exists, a browser on a private
 * network (the person installing Pulse); afterwards only a holder of the current API token,
 * or someone on the host in recovery mode.
 */
async function assertMaySetUp(
  security: SecurityService,
  request: FastifyRequest,
  route: RouteDefinition | undefined,
): Promise<void> {
  if (!isOriginAllowed(request, security.settings.allowedOrigins)) {
    throw new AppError('forbidden', 'setup from another site is not allowed');
  }
  if (security.mode === 'setup') {
    if (isPrivateAddress(security.client(request).ip)) return;
    throw new AppError(
      'forbidden',
      'first-run setup is accepted only from a private network; set PULSE_AUTH_PASS instead',
    );
  }
  const identity = await identifyQuietly(security, request, route);
  if (['token', 'disabled', 'recovery'].includes(identity.method)) return;
  throw new AppError(
    'conflict',
    'security is already configured; send the current API token to replace it',
  );
}

/** `POST /api/security/quick-setup`: creates the admin and, by default, a new API token. */
export async function quickSetup(
  security: SecurityService,
  request: FastifyRequest,
  input: QuickSetupInput,
): Promise<QuickSetupResponse> {
  await assertMaySetUp(security, request, request.routeOptions.config?.pulseRoute);
  const { credentials } = security;
  if (credentials.passwordSource === 'env') {
    throw new AppError('conflict', 'the password is set by PULSE_AUTH_PASS; change it there');
  }
  assertPasswordAcceptable(input.password);

  credentials.savePassword(input.username, await hashPassword(input.password));
  const apiToken =
    input.generateApiToken && credentials.tokenSource !== 'env' ? generateApiToken() : undefined;
  if (apiToken) credentials.saveToken(apiToken);
  security.sessions.revokeAll();
  security.passwords.forget();

  const actor = security.actor(request, input.username);
  security.audit.record({ ...actor, event: 'security_setup', outcome: 'success' });
  return { success: true, username: input.username, apiToken };
}

async function verifyCurrent(
  security: SecurityService,
  request: FastifyRequest,
  identity: Identity,
  currentPassword: string | undefined,
): Promise<string> {
  const user = security.credentials.user ?? 'admin';
  if (identity.method === 'recovery') return user;
  if (!currentPassword) throw new AppError('validation_failed', 'currentPassword is required');
  try {
    return await security.passwords.verify(user, currentPassword, security.actor(request, user));
  } catch (err) {
    // 401 would tell the UI the session ended; the session is fine, the password is not.
    if (err instanceof AppError && err.code === 'unauthorized') {
      throw new AppError('forbidden', 'the current password is not correct');
    }
    throw err;
  }
}

/**
 * `POST /api/security/change-password`: checks the current password, stores the new hash
 * and ends every session of the user; a browser that asked gets a fresh session.
 */
export async function changePassword(
  security: SecurityService,
  request: FastifyRequest,
  reply: FastifyReply,
  identity: Identity,
  input: ChangePasswordInput,
): Promise<void> {
  const { credentials } = security;
  if (credentials.passwordSource === 'env') {
    throw new AppError('conflict', 'the password is set by PULSE_AUTH_PASS; change it there');
  }
  if (!credentials.hasPassword) {
    throw new AppError('conflict', 'no password is configured; run the first-run setup');
  }
  const user = await verifyCurrent(security, request, identity, input.currentPassword);
  assertPasswordAcceptable(input.newPassword);

  credentials.savePassword(user, await hashPassword(input.newPassword));
  security.passwords.forget();
  const revoked = security.sessions.revokeUser(user);
  if (identity.method === 'session') {
    const actor = security.actor(request, user);
    const issued = security.sessions.create(user, { ip: actor.ip, userAgent: actor.userAgent });
    setSessionCookies(reply, issued, security.client(request).isHttps);
  }

  const actor = security.actor(request, user);
  security.audit.record({
    ...actor,
    event: 'password_change',
    outcome: 'success',
    details: { revoked },
  });
}

/** `POST /api/security/regenerate-token`: a new token replaces the old one at once. */
export function regenerateToken(security: SecurityService, request: FastifyRequest, user?: string) {
  if (security.credentials.tokenSource === 'env') {
    throw new AppError('conflict', 'the API token is set by API_TOKEN; change it there');
  }
  const token = generateApiToken();
  security.credentials.saveToken(token);
  security.audit.record({
    ...security.actor(request, user),
    event: 'token_regenerated',
    outcome: 'success',
  });
  return { success: true as const, token };
}
