import type { IncomingMessage } from 'node:http';
import { ApiError } from '../http/api-error.ts';
import type { Caller } from '../http/authenticate.ts';
import type { Credentials } from '../http/credentials.ts';
import { hasPrivilege } from '../http/privileges.ts';
import type { DatastoreSpec } from '../model/types.ts';
import type { PbsState, World } from '../model/world.ts';

/** Everything a PBS route handler may look at. */
export interface PbsContext {
  world: World;
  pbs: PbsState;
  creds: Credentials;
  caller?: Caller;
  fingerprint: string;
  /** Why a datastore cannot be opened, while a fault says so. */
  datastoreError(store: string): string | undefined;
  body: Record<string, string>;
  req: IncomingMessage;
}

export function mayPbs(ctx: PbsContext, path: string, privileges: string[]): boolean {
  if (!ctx.caller) return false;
  return hasPrivilege(ctx.caller.identity, path, privileges);
}

export function requirePbs(ctx: PbsContext, path: string, privileges: string[]): void {
  if (!mayPbs(ctx, path, privileges)) throw new ApiError(403, 'permission check failed');
}

export function datastoreOf(ctx: PbsContext, name: string): DatastoreSpec {
  const store = ctx.pbs.spec.datastores.find((d) => d.name === name);
  if (!store) throw new ApiError(404, `datastore '${name}' does not exist`);
  return store;
}

/** A namespace of the datastore; the root namespace is the empty string. */
export function checkNamespace(store: DatastoreSpec, ns: string | undefined): string {
  const name = ns ?? '';
  if (name !== '' && !store.namespaces.includes(name)) {
    throw new ApiError(404, `namespace '${name}' does not exist`);
  }
  return name;
}
