/** PVE and PBS differ only in names: cookie, header prefix and the token separator. */
export type Product = 'pve' | 'pbs';

export type Credentials =
  | { kind: 'token'; tokenId: string; secret: string }
  | { kind: 'password'; username: string; password: string };

/** What `POST /access/ticket` returned. */
export interface TicketGrant {
  ticket: string;
  csrfToken: string;
}

/** Sends the login form through whichever member is in use; supplied by the transport. */
export type LoginRequest = (form: Record<string, string>) => Promise<TicketGrant>;

/** Tickets last two hours; renewing well before that keeps a slow cycle from crossing it. */
const TICKET_RENEW_AFTER_MS = 90 * 60 * 1000;

/** Adds credentials to requests: a token header, or a ticket cookie kept fresh. */
export interface Authenticator {
  headers(method: string, login: LoginRequest): Promise<Record<string, string>>;
  /** Forgets the ticket after a 401 so the next call logs in again; false for tokens. */
  invalidate(): boolean;
}

class TokenAuthenticator implements Authenticator {
  private readonly header: string;

  constructor(product: Product, tokenId: string, secret: string) {
    // PVE separates the token ID from its secret with `=`, PBS with `:`.
    this.header =
      product === 'pve' ? `PVEAPIToken=${tokenId}=${secret}` : `PBSAPIToken=${tokenId}:${secret}`;
  }

  async headers(): Promise<Record<string, string>> {
    return { authorization: this.header };
  }

  invalidate(): boolean {
    return false;
  }
}

class TicketAuthenticator implements Authenticator {
  private grant: (TicketGrant & { at: number }) | undefined;
  private pending: Promise<TicketGrant & { at: number }> | undefined;

  constructor(
    private readonly product: Product,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async headers(method: string, login: LoginRequest): Promise<Record<string, string>> {
    const grant = await this.current(login);
    const cookie = this.product === 'pve' ? 'PVEAuthCookie' : 'PBSAuthCookie';
    const headers: Record<string, string> = {
      cookie: `${cookie}=${encodeURIComponent(grant.ticket)}`,
    };
    if (method !== 'GET') headers.csrfpreventiontoken = grant.csrfToken;
    return headers;
  }

  invalidate(): boolean {
    this.grant = undefined;
    return true;
  }

  /** One login at a time, however many requests are waiting for it. */
  private current(login: LoginRequest): Promise<TicketGrant & { at: number }> {
    if (this.grant && Date.now() - this.grant.at < TICKET_RENEW_AFTER_MS) {
      return Promise.resolve(this.grant);
    }
    this.pending ??= this.obtain(login).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async obtain(login: LoginRequest): Promise<TicketGrant & { at: number }> {
    const previous = this.grant;
    let grant: TicketGrant | undefined;
    if (previous) {
      // Renewal: a valid ticket stands in for the password.
      grant = await login({ username: this.username, password: previous.ticket }).catch(
        () => undefined,
      );
    }
    grant ??= await login({ username: this.username, password: this.password });
    this.grant = { ...grant, at: Date.now() };
    return this.grant;
  }
}

export function createAuthenticator(product: Product, credentials: Credentials): Authenticator {
  return credentials.kind === 'token'
    ? new TokenAuthenticator(product, credentials.tokenId, credentials.secret)
    : new TicketAuthenticator(product, credentials.username, credentials.password);
}
