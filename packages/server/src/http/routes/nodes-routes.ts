import {
  NodeConfigRequest,
  NodeListResponse,
  type NodeResponse,
  NodeWriteResponse,
} from '@pulse/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { nodeFromRequest, nodeResponse } from '../../config/nodes-input.ts';
import type { NodeConfig } from '../../config/nodes-model.ts';
import { NodesRepository } from '../../config/nodes-repository.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Monitor } from '../../monitor/monitor.ts';
import type { SecurityService } from '../../security/security-service.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface NodesRouteDeps {
  nodes: NodesRepository;
  monitor: Monitor;
  /** Records node additions and removals in the audit log. */
  security: SecurityService;
}

const IdParams = z.object({ id: z.string().min(1) });

function status(monitor: Monitor, id: string): NodeResponse['status'] {
  const health = monitor.getHealth(id);
  if (!health || health.status === 'pending') return 'pending';
  return health.status === 'error' ? 'disconnected' : 'connected';
}

function assertUniqueName(nodes: NodesRepository, node: NodeConfig): void {
  const clash = nodes.findByName(node.name);
  if (clash && clash.id !== node.id) {
    throw new AppError('conflict', `a node named ${node.name} already exists`);
  }
}

function auditNode(
  security: SecurityService,
  request: FastifyRequest,
  event: 'node_added' | 'node_removed',
  node: NodeConfig,
): void {
  const details = { node: node.name, type: node.type };
  security.audit.record({ ...security.actor(request), event, outcome: 'success', details });
}

/** Node configuration, enough to poll; secrets go in and never come out. */
export function nodesRoutes(deps: NodesRouteDeps): RouteDefinition[] {
  const { nodes, monitor, security } = deps;
  return [
    route({
      method: 'GET',
      url: '/api/config/nodes',
      access: 'read',
      summary: 'Configured PVE and PBS endpoints (without secrets)',
      response: NodeListResponse,
      handler: () => nodes.list().map((node) => nodeResponse(node, status(monitor, node.id))),
    }),
    route({
      method: 'POST',
      url: '/api/config/nodes',
      access: 'admin',
      summary: 'Add a PVE or PBS endpoint to monitor',
      body: NodeConfigRequest,
      response: NodeWriteResponse,
      handler: async ({ body, request, reply }) => {
        const node = nodeFromRequest(NodesRepository.newId(body.type), body);
        assertUniqueName(nodes, node);
        nodes.save(node);
        auditNode(security, request, 'node_added', node);
        await monitor.reloadNodes();
        reply.code(201);
        return { status: 'success' as const, id: node.id };
      },
    }),
    route({
      method: 'PUT',
      url: '/api/config/nodes/:id',
      access: 'admin',
      summary: 'Change a configured endpoint; empty secrets keep the stored ones',
      params: IdParams,
      body: NodeConfigRequest,
      response: NodeWriteResponse,
      handler: async ({ params, body }) => {
        const previous = nodes.get(params.id);
        if (!previous) throw notFound(`node ${params.id} not found`);
        const node = nodeFromRequest(previous.id, body, previous);
        assertUniqueName(nodes, node);
        nodes.save(node);
        await monitor.reloadNodes();
        return { status: 'success' as const, id: node.id };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/config/nodes/:id',
      access: 'admin',
      summary: 'Stop monitoring an endpoint and forget its credentials',
      params: IdParams,
      response: NodeWriteResponse,
      handler: async ({ params, request }) => {
        const node = nodes.get(params.id);
        if (!node || !nodes.delete(params.id)) throw notFound(`node ${params.id} not found`);
        auditNode(security, request, 'node_removed', node);
        await monitor.reloadNodes();
        return { status: 'success' as const, id: params.id };
      },
    }),
  ];
}
