import { PulseState } from '@pulse/contract';
import type { Monitor } from '../../monitor/monitor.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface StateRouteDeps {
  monitor: Monitor;
}

export function stateRoutes(deps: StateRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/state',
      access: 'read',
      summary: 'Everything monitored right now: nodes, guests, storage, PBS, backups, health',
      response: PulseState,
      handler: ({ reply }) => {
        reply.type('application/json; charset=utf-8');
        return deps.monitor.getStateJson();
      },
    }),
  ];
}
