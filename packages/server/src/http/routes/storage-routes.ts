import { StorageListResponse, StorageResponse } from '@pulse/contract';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { Monitor } from '../../monitor/monitor.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface StorageRouteDeps {
  monitor: Monitor;
}

const unixNow = () => Math.floor(Date.now() / 1000);

export function storageRoutes(deps: StorageRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/storage',
      access: 'read',
      summary: 'Every storage of every PVE endpoint',
      response: StorageListResponse,
      handler: () => ({ data: deps.monitor.getState().storage, timestamp: unixNow() }),
    }),
    route({
      method: 'GET',
      url: '/api/storage/:id',
      access: 'read',
      summary: 'One storage by ID, or every storage of a node by node ID',
      params: z.object({ id: z.string().min(1) }),
      response: z.union([StorageResponse, StorageListResponse]),
      handler: ({ params }) => {
        const state = deps.monitor.getState();
        const storage = state.storage.find((entry) => entry.id === params.id);
        if (storage) return { data: storage, timestamp: unixNow() };

        const node = state.nodes.find((entry) => entry.id === params.id);
        if (!node) throw notFound(`storage ${params.id} not found`);
        const data = state.storage.filter(
          (entry) => entry.instance === node.instance && entry.nodes.includes(node.name),
        );
        return { data, timestamp: unixNow() };
      },
    }),
  ];
}
