import { HealthResponse, VersionResponse } from '@pulse/contract';
import type { VersionInfo } from '../../config/version.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface SystemRouteDeps {
  version: VersionInfo;
  startedAt: number;
  /** The OpenAPI document, built lazily from the full route table. */
  openApi(): unknown;
}

export function systemRoutes(deps: SystemRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      access: 'public',
      summary: 'Liveness: the service is up',
      response: HealthResponse,
      handler: () => ({
        status: 'healthy',
        timestamp: Math.floor(Date.now() / 1000),
        uptime: (Date.now() - deps.startedAt) / 1000,
      }),
    }),
    route({
      method: 'GET',
      url: '/api/version',
      access: 'public',
      summary: 'Running version and installation type',
      response: VersionResponse,
      handler: () => deps.version,
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      access: 'public',
      summary: 'This API as an OpenAPI 3.1 document',
      handler: () => deps.openApi(),
    }),
  ];
}
