import type { LightMyRequestResponse } from 'fastify';
import type { PulseApp } from '../../src/app.ts';

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'correct-horse-battery-9';
export const API_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a59687';
export const PROXY_SECRET = 'proxy-shared-secret-7f3a9c';

let nextAddress = 1;

/**
 * A fresh loopback address per request (127.x.y.z): every one is its own client for the
 * rate limits, so a long matrix is never throttled, and each still counts as local.
 */
export function freshLoopback(): string {
  nextAddress += 1;
  return `127.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

export interface Cookies {
  session: string;
  csrf: string;
}

function cookieValue(response: LightMyRequestResponse, name: string): string {
  const cookie = response.cookies.find((entry) => entry.name === name);
  if (!cookie) throw new Error(`no ${name} cookie in the response`);
  return cookie.value;
}

/** Logs in over the API and returns the two cookies. */
export async function login(
  app: PulseApp,
  password = ADMIN_PASSWORD,
  remoteAddress = freshLoopback(),
): Promise<Cookies> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/login',
    remoteAddress,
    payload: { username: ADMIN_USER, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return {
    session: cookieValue(response, 'pulse_session'),
    csrf: cookieValue(response, 'pulse_csrf'),
  };
}

export function sessionHeaders(cookies: Cookies, withCsrf = true): Record<string, string> {
  const headers: Record<string, string> = {
    cookie: `pulse_session=${cookies.session}; pulse_csrf=${cookies.csrf}`,
  };
  if (withCsrf) headers['x-csrf-token'] = cookies.csrf;
  return headers;
}

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Fails with the offending text when any secret occurs in it. */
export function findSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => secret !== '' && text.includes(secret));
}
