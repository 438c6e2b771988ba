import { ApiError } from '../http/api-error.ts';
import { permissionMap } from '../http/privileges.ts';
import type { Route } from '../http/router.ts';
import type { IdentitySpec } from '../model/types.ts';
import { identityOf, type PveContext } from './context.ts';
import { pvePrivileges } from './versions.ts';

type Entry = Record<string, unknown>;

const CAP_CATEGORIES: Record<string, RegExp> = {
  vms: /^VM\./,
  storage: /^Datastore\./,
  nodes: /^Sys\./,
  dc: /^(Sys\.Audit|SDN\.)/,
  access: /^(User\.|Group\.|Realm\.)/,
  sdn: /^SDN\./,
};

/** The `cap` map of a login: what the UI may show, per category. Not in the schema, but sent. */
function capabilities(identity: IdentitySpec, all: string[]): Entry {
  const held = new Set(
    identity.acl.flatMap((e) => (e.privileges.includes('*') ? all : e.privileges)),
  );
  const cap: Entry = {};
  for (const [category, pattern] of Object.entries(CAP_CATEGORIES)) {
    const privileges = [...held].filter((p) => pattern.test(p));
    // Whoever may change permissions sees that in every category but the datacenter one.
    if (held.has('Permissions.Modify') && category !== 'dc') privileges.push('Permissions.Modify');
    cap[category] = Object.fromEntries(privileges.map((p) => [p, 1]));
  }
  return cap;
}

function login(ctx: PveContext): Entry {
  const { body, creds, world } = ctx;
  const realm = body.realm;
  const username =
    body.username && realm && !body.username.includes('@')
      ? `${body.username}@${realm}`
      : body.username;
  if (!username || body.password === undefined) {
    throw new ApiError(400, 'Parameter verification failed.', {
      [username ? 'password' : 'username']: 'property is missing and it is not optional',
    });
  }
  const now = world.now();
  // Renewal: the current ticket is sent as the password.
  const renewed = creds.verifyTicket(body.password, now) === username;
  if (!renewed && !creds.checkPassword(username, body.password))
    throw new ApiError(401, 'authentication failure');
  const identity = creds.identity(username)!;
  const entry: Entry = {
    username,
    ticket: creds.ticket(username, now),
    CSRFPreventionToken: creds.csrfToken(username, now),
    cap: capabilities(identity, pvePrivileges(ctx.pve.spec.major)),
  };
  if (ctx.pve.spec.cluster) entry.clustername = ctx.pve.spec.cluster;
  return entry;
}

function permissions(ctx: PveContext, query: Record<string, string>): Entry {
  const identity = identityOf(ctx);
  const map = permissionMap(identity, pvePrivileges(ctx.pve.spec.major));
  if (!query.path) return map;
  return Object.fromEntries(
    Object.entries(map).filter(([path]) => path === '/' || query.path!.startsWith(path)),
  );
}

export const accessRoutes: Route<PveContext>[] = [
  { method: 'GET', path: '/access/ticket', public: true, handle: () => null },
  { method: 'POST', path: '/access/ticket', public: true, handle: login },
  {
    method: 'GET',
    path: '/access/permissions',
    params: { path: 'string', userid: 'string' },
    handle: (ctx, a) => permissions(ctx, a.query),
  },
];
