import { Agent, fetch } from 'undici';
import type { SimulatedEndpoint } from '../../src/index.ts';

/** Self-signed simulator certificates: tests trust them the way `verifySSL=false` would. */
export const insecure = new Agent({ connect: { rejectUnauthorized: false } });

export function tokenHeader(
  endpoint: SimulatedEndpoint,
  tokenId = endpoint.tokenId,
  secret = endpoint.tokenSecret,
) {
  return endpoint.type === 'pve'
    ? `PVEAPIToken=${tokenId}=${secret}`
    : `PBSAPIToken=${tokenId}:${secret}`;
}

export interface ApiAnswer {
  status: number;
  reason: string;
  text: string;
  json: unknown;
}

/** Calls the simulated API the way any HTTPS client would. */
export async function api(
  endpoint: SimulatedEndpoint,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; base?: string } = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${init.base ?? endpoint.url}/api2/json${path}`, {
    method: init.method ?? 'GET',
    dispatcher: insecure,
    headers: { authorization: tokenHeader(endpoint), ...init.headers },
    body: init.body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, reason: res.statusText, text, json };
}

/** `data` of a successful call, or a thrown error with the status and reason. */
export async function data(endpoint: SimulatedEndpoint, path: string): Promise<unknown> {
  const answer = await api(endpoint, path);
  if (answer.status !== 200)
    throw new Error(`${path}: ${answer.status} ${answer.reason} ${answer.text.slice(0, 200)}`);
  return (answer.json as { data: unknown }).data;
}

export async function login(
  endpoint: SimulatedEndpoint,
  username = endpoint.user,
  password = endpoint.password,
) {
  const body = new URLSearchParams({ username, password }).toString();
  return api(endpoint, '/access/ticket', {
    method: 'POST',
    body,
    headers: { authorization: '', 'content-type': 'application/x-www-form-urlencoded' },
  });
}
