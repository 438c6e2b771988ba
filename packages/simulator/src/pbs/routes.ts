import { Router } from '../http/router.ts';
import type { PbsContext } from './context.ts';
import { datastoreRoutes } from './routes-datastore.ts';
import { pbsNodeRoutes } from './routes-node.ts';

/** Every PBS API path the simulator serves. */
export const pbsRouter = new Router<PbsContext>([...pbsNodeRoutes, ...datastoreRoutes]);
