import { isIPv4 } from 'node:net';
import type { EndpointSpec } from '../model/types.ts';

/** Where the listeners of one endpoint go: one address per cluster member, one shared port. */
export interface AddressPlan {
  hosts: string[];
  port: number;
  /** Members on distinct ports of one address, when the host is not a loopback range. */
  separatePorts: boolean;
}

function isLoopbackV4(host: string): boolean {
  return isIPv4(host) && host.startsWith('127.');
}

function offset(host: string, by: number): string {
  const parts = host.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + by;
  return parts.join('.');
}

/**
 * Plans addresses for every endpoint. Cluster members get their own loopback IPs
 * (127.0.<cluster>.<member>, or consecutive IPs from the endpoint's own host) so that
 * `/cluster/status` IPs plus the port reach each member, as on a real cluster.
 */
export function planAddresses(
  endpoints: EndpointSpec[],
  host: string,
  port: number,
): AddressPlan[] {
  let clusterIndex = 0;
  const taken = new Set<string>();
  return endpoints.map((endpoint) => {
    const members = endpoint.type === 'pve' && endpoint.cluster ? endpoint.nodes.length : 1;
    const base = endpoint.host ?? host;
    let hosts = [base];
    let separatePorts = false;
    if (members > 1 && isLoopbackV4(base)) {
      clusterIndex += 1;
      hosts = Array.from({ length: members }, (_, i) =>
        endpoint.host ? offset(base, i) : `127.0.${clusterIndex}.${i + 1}`,
      );
    } else if (members > 1) {
      // LIMITATION: outside 127/8 there is one address to share, so members differ by port and
      // /cluster/status IPs do not lead to each member; loopback (the default) has no such gap.
      hosts = Array.from({ length: members }, () => base);
      separatePorts = true;
    }
    let chosen = endpoint.port ?? port;
    while (chosen !== 0 && hosts.some((h) => taken.has(`${h}:${chosen}`))) chosen += 1;
    for (const h of hosts) if (chosen !== 0) taken.add(`${h}:${chosen}`);
    return { hosts, port: chosen, separatePorts };
  });
}
