import { Router } from '../http/router.ts';
import type { PveContext } from './context.ts';
import { replicationRoutes } from './replication.ts';
import { accessRoutes } from './routes-access.ts';
import { clusterRoutes } from './routes-cluster.ts';
import { guestRoutesAll } from './routes-guest.ts';
import { nodeRoutes } from './routes-node.ts';

/** Every PVE API path the simulator serves. */
export const pveRouter = new Router<PveContext>([
  ...accessRoutes,
  ...clusterRoutes,
  ...nodeRoutes,
  ...guestRoutesAll,
  ...replicationRoutes,
]);

/**
 * Calls under `/nodes/{node}/` are forwarded by the receiving member to the node they name
 * (the schema's `proxyto: node`); rrddata is read from the local copy of the cluster's RRD.
 */
export function isProxied(path: string): boolean {
  return path.startsWith('/nodes/{node}/') && !path.endsWith('/rrddata');
}
