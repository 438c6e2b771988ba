import type { IncomingMessage } from 'node:http';
import type { IdentitySpec } from '../model/types.ts';
import { ApiError } from './api-error.ts';
import type { Credentials } from './credentials.ts';

/** Who is calling, and how: tickets need a CSRF token on writes, API tokens do not. */
export interface Caller {
  identity: IdentitySpec;
  via: 'ticket' | 'token';
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** `PVEAPIToken=user@realm!id=secret` (a space may replace the first `=`). */
function pveToken(header: string): [string, string] | undefined {
  const match = /^PVEAPIToken[= ]([^=\s]+![^=\s]+)=(\S+)$/.exec(header.trim());
  return match ? [match[1]!, match[2]!] : undefined;
}

/** `PBSAPIToken=user@realm!name:secret`; the secret may be percent-encoded. */
function pbsToken(header: string): [string, string] | undefined {
  const match = /^PBSAPIToken[= ]([^:\s]+![^:\s]+):(\S+)$/.exec(header.trim());
  return match ? [match[1]!, decodeURIComponent(match[2]!)] : undefined;
}

function ticketFrom(req: IncomingMessage, pve: boolean, pbs4: boolean): string | undefined {
  const name = pve ? 'PVEAuthCookie' : 'PBSAuthCookie';
  const header = req.headers.authorization ?? '';
  if (header.startsWith(`${name}=`)) return decodeURIComponent(header.slice(name.length + 1));
  return cookie(req, name) ?? (pbs4 ? cookie(req, `__Host-${name}`) : undefined);
}

function failed(pve: boolean): ApiError {
  return new ApiError(
    401,
    pve ? 'authentication failure' : 'authentication failed - invalid credentials',
  );
}

/**
 * Identifies the caller of a Proxmox API request, or throws 401 as the product would.
 * `revoked` makes every credential fail, as when a token was deleted or a password changed.
 */
export function authenticate(
  req: IncomingMessage,
  creds: Credentials,
  now: number,
  revoked: boolean,
) {
  const pve = creds.endpoint.type === 'pve';
  const header = req.headers.authorization ?? '';
  const token = pve ? pveToken(header) : pbsToken(header);
  if (token) {
    if (revoked || !creds.checkToken(token[0], token[1])) throw failed(pve);
    return { identity: creds.identity(token[0])!, via: 'token' } satisfies Caller;
  }
  const ticket = ticketFrom(req, pve, creds.endpoint.type === 'pbs' && creds.endpoint.major >= 4);
  if (ticket === undefined)
    throw new ApiError(401, pve ? 'No ticket' : 'no authentication credentials provided.');
  const user = revoked ? undefined : creds.verifyTicket(ticket, now);
  const identity = user ? creds.identity(user) : undefined;
  if (!identity) throw failed(pve);
  return { identity, via: 'ticket' } satisfies Caller;
}

/** Writes sent with a ticket must carry a valid `CSRFPreventionToken` header. */
export function checkCsrf(req: IncomingMessage, caller: Caller, creds: Credentials, now: number) {
  if (caller.via !== 'ticket' || req.method === 'GET') return;
  const token = req.headers.csrfpreventiontoken;
  const value = Array.isArray(token) ? token[0] : token;
  if (!value || !creds.verifyCsrf(value, caller.identity.id, now)) {
    throw new ApiError(401, 'Permission denied - invalid csrf token');
  }
}
