import { createHmac, timingSafeEqual } from 'node:crypto';
import { uuidFromHex } from '../model/random.ts';
import type { EndpointSpec, IdentitySpec } from '../model/types.ts';

/** Ticket and CSRF token lifetime on both PVE and PBS. */
export const TICKET_LIFETIME = 7_200;

/** Secrets of one simulated endpoint, derived from the scenario's key so they survive restarts. */
export class Credentials {
  readonly password: string;
  private readonly key: Buffer;
  private readonly tokens = new Map<string, string>();
  private readonly prefix: 'PVE' | 'PBS';

  constructor(
    scenarioKey: Buffer,
    readonly endpoint: EndpointSpec,
  ) {
    this.key = createHmac('sha256', scenarioKey).update(`endpoint:${endpoint.name}`).digest();
    this.password = this.derive('password').toString('base64url').slice(0, 20);
    this.prefix = endpoint.type === 'pve' ? 'PVE' : 'PBS';
    for (const identity of endpoint.identities) {
      if (identity.id.includes('!'))
        this.tokens.set(identity.id, uuidFromHex(this.derive(identity.id).toString('hex')));
    }
  }

  private derive(label: string): Buffer {
    return createHmac('sha256', this.key).update(label).digest();
  }

  tokenSecret(tokenId: string): string | undefined {
    return this.tokens.get(tokenId);
  }

  identity(id: string): IdentitySpec | undefined {
    return this.endpoint.identities.find((i) => i.id === id);
  }

  checkPassword(user: string, password: string): boolean {
    return (
      !user.includes('!') && this.identity(user) !== undefined && same(password, this.password)
    );
  }

  checkToken(tokenId: string, secret: string): boolean {
    const expected = this.tokens.get(tokenId);
    return expected !== undefined && same(secret, expected);
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64').replace(/=+$/, '');
  }

  /** `PVE:<user>:<hex time>::<signature>` (PBS: `PBS:`). */
  ticket(user: string, now: number): string {
    const body = `${this.prefix}:${user}:${hexTime(now)}`;
    return `${body}::${this.sign(body)}`;
  }

  /** The user a ticket was issued to, if it is genuine and not expired at `now`. */
  verifyTicket(ticket: string, now: number): string | undefined {
    const match = /^(PVE|PBS):([^:]+):([0-9A-F]{8})::(.+)$/.exec(ticket);
    if (!match || match[1] !== this.prefix) return undefined;
    const body = `${match[1]}:${match[2]}:${match[3]}`;
    if (!same(match[4]!, this.sign(body))) return undefined;
    const age = now - Number.parseInt(match[3]!, 16);
    return age >= -300 && age < TICKET_LIFETIME ? match[2] : undefined;
  }

  csrfToken(user: string, now: number): string {
    const time = hexTime(now);
    return `${time}:${this.sign(`${time}:${user}`)}`;
  }

  verifyCsrf(token: string, user: string, now: number): boolean {
    const [time, signature] = token.split(':');
    if (!time || !signature || !/^[0-9A-F]{8}$/.test(time)) return false;
    const age = now - Number.parseInt(time, 16);
    return same(signature, this.sign(`${time}:${user}`)) && age >= -300 && age < TICKET_LIFETIME;
  }
}

function hexTime(t: number): string {
  return t.toString(16).toUpperCase().padStart(8, '0');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
