import type { IncomingMessage } from 'node:http';
import { ApiError, forbidden } from '../http/api-error.ts';
import type { Caller } from '../http/authenticate.ts';
import type { Credentials } from '../http/credentials.ts';
import { hasPrivilege } from '../http/privileges.ts';
import type { IdentitySpec } from '../model/types.ts';
import type { GuestState, NodeState, PveState, World } from '../model/world.ts';

export interface PbsAddress {
  host: string;
  port: number;
  /** `AB:CD:...`; empty over plain HTTP. */
  fingerprint: string;
}

/** Everything a PVE route handler may look at. */
export interface PveContext {
  world: World;
  pve: PveState;
  creds: Credentials;
  /** Undefined only on routes that need no authentication. */
  caller?: Caller;
  /** The cluster member that received the request. */
  local: string;
  /** Whether a node of this endpoint is down (by fault). */
  isDown(node: string): boolean;
  /** Whether an agent-gone fault covers this guest. */
  isAgentGone(guest: GuestState): boolean;
  /** The IP a member listens on, as `/cluster/status` reports it. */
  nodeAddress(node: string): string;
  /** SHA-256 fingerprint of a member's certificate, as `/nodes` reports it. */
  nodeFingerprint(node: string): string;
  /** Where a simulated PBS listens and its certificate, as a PVE storage pointing at it records. */
  pbsAddress(endpoint: string): PbsAddress | undefined;
  body: Record<string, string>;
  req: IncomingMessage;
}

export function identityOf(ctx: PveContext): IdentitySpec {
  if (!ctx.caller) throw new ApiError(401, 'No ticket');
  return ctx.caller.identity;
}

export function may(ctx: PveContext, path: string, privileges: string[]): boolean {
  return hasPrivilege(identityOf(ctx), path, privileges);
}

export function requirePriv(ctx: PveContext, path: string, privileges: string[]): void {
  if (!may(ctx, path, privileges)) throw forbidden(path, privileges);
}

export function nodeOf(ctx: PveContext, name: string): NodeState {
  const node = ctx.pve.nodes.get(name);
  if (!node)
    throw new ApiError(
      500,
      `hostname lookup '${name}' failed - ` +
        `failed to get address info for: ${name}: Name or service not known`,
    );
  return node;
}

/** A guest of the given type on the given node, or PVE's missing-config error. */
export function guestOf(ctx: PveContext, node: string, vmidText: string, type: 'qemu' | 'lxc') {
  const vmid = Number(vmidText);
  if (!Number.isInteger(vmid) || vmid < 100) {
    throw new ApiError(400, 'Parameter verification failed.', {
      vmid: `value '${vmidText}' does not look like a valid VM ID`,
    });
  }
  const guest = ctx.pve.guests.get(vmid);
  if (!guest || guest.node !== node || guest.spec.type !== type) {
    const dir = type === 'qemu' ? 'qemu-server' : 'lxc';
    throw new ApiError(
      500,
      `Configuration file 'nodes/${node}/${dir}/${vmid}.conf' does not exist`,
    );
  }
  return guest;
}

export function guestsOn(ctx: PveContext, node: string): GuestState[] {
  return ctx.world.guestsOn(ctx.pve, node);
}

/** PVE's 0/1 booleans. */
export function bit(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
