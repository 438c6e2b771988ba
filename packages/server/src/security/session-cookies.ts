import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from './request-credentials.ts';
import { type IssuedSession, SESSION_TTL_MS } from './session-store.ts';

/**
 * Sets the session cookie (script-proof) and the CSRF cookie (read by the UI's scripts and
 * echoed in `X-CSRF-Token`). `Secure` whenever the browser reached us over HTTPS.
 */
export function setSessionCookies(reply: FastifyReply, issued: IssuedSession, secure: boolean) {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  };
  reply.setCookie(SESSION_COOKIE, issued.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, issued.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean) {
  const common = { path: '/', sameSite: 'lax' as const, secure };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...common, httpOnly: false });
}
