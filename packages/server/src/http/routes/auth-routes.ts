import { LoginRequest, LoginResponse, SuccessResponse } from '@pulse/contract';
import { AppError } from '../../errors.ts';
import { presentedSession } from '../../security/request-credentials.ts';
import { identityOf } from '../../security/security-hooks.ts';
import type { SecurityService } from '../../security/security-service.ts';
import { clearSessionCookies, setSessionCookies } from '../../security/session-cookies.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface AuthRouteDeps {
  security: SecurityService;
}

/** Password login and logout for the browser; scripts use the API token or Basic auth. */
export function authRoutes({ security }: AuthRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      url: '/api/login',
      access: 'public',
      rateLimit: 'auth',
      // Logging a victim into the one admin account gains an attacker nothing.
      csrfExempt: true,
      summary: 'Log in with user name and password; starts a session (cookies)',
      body: LoginRequest,
      response: LoginResponse,
      handler: async ({ body, request, reply }) => {
        if (!security.credentials.hasPassword) {
          throw new AppError('conflict', 'password login is not configured');
        }
        const actor = security.actor(request);
        const user = await security.passwords.verify(body.username, body.password, actor);

        // A new session on every login: a cookie planted before login is worth nothing.
        const previous = presentedSession(request);
        if (previous) security.sessions.revoke(previous);
        const issued = security.sessions.create(user, { ip: actor.ip, userAgent: actor.userAgent });
        setSessionCookies(reply, issued, security.client(request).isHttps);

        security.audit.record({ ...actor, user, event: 'login', outcome: 'success' });
        return { success: true, user };
      },
    }),
    route({
      method: 'POST',
      url: '/api/logout',
      access: 'read',
      summary: 'End this session and clear its cookies',
      response: SuccessResponse,
      handler: ({ request, reply }) => {
        const identity = identityOf(request);
        const token = presentedSession(request);
        clearSessionCookies(reply, security.client(request).isHttps);
        if (!token) return { success: true, message: 'no session to end' };

        security.sessions.revoke(token);
        const actor = security.actor(request, identity.user);
        security.audit.record({ ...actor, event: 'logout', outcome: 'success' });
        return { success: true, message: 'logged out' };
      },
    }),
  ];
}
