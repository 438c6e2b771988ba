import type { NodeConfig } from '../config/nodes-model.ts';
import type { Credentials } from '../proxmox/auth.ts';
import { type Member, ProxmoxClient } from '../proxmox/client.ts';
import type { TlsPolicy } from '../proxmox/tls.ts';

function credentials(config: NodeConfig): Credentials {
  if (config.tokenName && config.tokenValue) {
    // A token name without a user part belongs to the configured user.
    const tokenId =
      config.tokenName.includes('!') || !config.user
        ? config.tokenName
        : `${config.user}!${config.tokenName}`;
    return { kind: 'token', tokenId, secret: config.tokenValue };
  }
  return { kind: 'password', username: config.user ?? '', password: config.password ?? '' };
}

/** TLS for an address: the pin if there is one, else verification unless switched off. */
export function tlsPolicy(config: NodeConfig, fingerprint = config.fingerprint): TlsPolicy {
  if (fingerprint) return { mode: 'pin', fingerprint };
  return config.verifySSL ? { mode: 'verify' } : { mode: 'insecure' };
}

/**
 * Failover addresses of a cluster. With a pinned certificate, a member can be used only
 * once its own fingerprint is known (members have different certificates).
 */
export function clusterMembers(config: NodeConfig): Member[] {
  const primary = config.host.replace(/\/+$/, '');
  const members: Member[] = [];
  for (const endpoint of config.cluster?.endpoints ?? []) {
    const url = endpoint.Host.replace(/\/+$/, '');
    if (url === primary) continue;
    if (config.fingerprint && !endpoint.Fingerprint) continue;
    members.push({
      baseUrl: url,
      node: endpoint.NodeName,
      tls: tlsPolicy(config, endpoint.Fingerprint),
    });
  }
  return members;
}

export interface ClientSettings {
  timeoutMs: number;
}

/** The Proxmox client for a configured node: the configured address first, then members. */
export function createClient(config: NodeConfig, settings: ClientSettings): ProxmoxClient {
  const primary: Member = { baseUrl: config.host, tls: tlsPolicy(config) };
  return new ProxmoxClient({
    product: config.type,
    endpoint: config.name,
    members: [primary, ...(config.type === 'pve' ? clusterMembers(config) : [])],
    credentials: credentials(config),
    timeoutMs: settings.timeoutMs,
  });
}

/**
 * Closes a replaced client once the cycle still using it has settled, however it ended,
 * so a reconfiguration never cuts a running poll short.
 */
export function closeWhenSettled(
  client: ProxmoxClient,
  inProgress: Promise<unknown> | undefined,
): void {
  void Promise.resolve(inProgress)
    .catch(() => undefined)
    .then(() => client.close());
}
