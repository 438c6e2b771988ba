import type { IdentitySpec, PbsMajor, PveMajor } from '../model/types.ts';

/** Privileges of PVE's built-in PVEAuditor role; PVE 9 added guest-agent read access. */
function pveAuditor(major: PveMajor): string[] {
  const base = ['Datastore.Audit', 'Pool.Audit', 'SDN.Audit', 'Sys.Audit', 'VM.Audit'];
  return major >= 9 ? [...base, 'Mapping.Audit', 'VM.GuestAgent.Audit'] : base;
}

/**
 * Who may call a simulated PVE endpoint. The monitoring token gets what Pulse's setup
 * script grants (auditor, plus VM.Monitor before PVE 9 so the guest agent answers); the
 * auditor token has the plain role, which PVE 7/8 refuse guest-agent calls to.
 */
export function pveIdentities(major: PveMajor): IdentitySpec[] {
  const monitor = major >= 9 ? pveAuditor(major) : [...pveAuditor(major), 'VM.Monitor'];
  return [
    { id: 'root@pam', acl: [{ path: '/', privileges: ['*'] }] },
    { id: 'pulse@pve', acl: [{ path: '/', privileges: monitor }] },
    { id: 'pulse@pve!monitor', acl: [{ path: '/', privileges: monitor }] },
    { id: 'pulse@pve!auditor', acl: [{ path: '/', privileges: pveAuditor(major) }] },
    { id: 'pulse@pve!noaccess', acl: [] },
  ];
}

/** Who may call a simulated PBS endpoint: root, an Audit-role token and a token with no ACL. */
export function pbsIdentities(_major: PbsMajor): IdentitySpec[] {
  const audit = ['Sys.Audit', 'Datastore.Audit'];
  return [
    { id: 'root@pam', acl: [{ path: '/', privileges: ['*'] }] },
    { id: 'pulse@pbs', acl: [{ path: '/', privileges: audit }] },
    { id: 'pulse@pbs!monitor', acl: [{ path: '/', privileges: audit }] },
    { id: 'pulse@pbs!noaccess', acl: [] },
  ];
}
