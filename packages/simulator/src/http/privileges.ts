import type { IdentitySpec } from '../model/types.ts';

/** Whether the identity holds any of `privileges` on `path` (ACLs propagate to sub-paths). */
export function hasPrivilege(identity: IdentitySpec, path: string, privileges: string[]) {
  return identity.acl.some(
    (entry) =>
      covers(entry.path, path) &&
      (entry.privileges.includes('*') || privileges.some((p) => entry.privileges.includes(p))),
  );
}

function covers(aclPath: string, path: string): boolean {
  return aclPath === '/' || path === aclPath || path.startsWith(`${aclPath}/`);
}

/** The privileges an identity holds per ACL path, as `/access/permissions` reports them. */
export function permissionMap(identity: IdentitySpec, all: readonly string[]) {
  const map: Record<string, Record<string, number>> = {};
  for (const entry of identity.acl) {
    const privileges = entry.privileges.includes('*') ? all : entry.privileges;
    map[entry.path] = Object.fromEntries(privileges.map((p) => [p, 1]));
  }
  return map;
}
