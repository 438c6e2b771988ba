import { z } from 'zod';
import type { RouteDefinition } from './route.ts';

type JsonObject = Record<string, unknown>;

function toSchema(schema: z.ZodType | undefined): JsonObject | undefined {
  if (!schema) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
}

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operation(route: RouteDefinition): JsonObject {
  const op: JsonObject = {
    summary: route.summary,
    'x-access': route.access,
    security: route.access === 'public' ? [] : [{ apiToken: [] }, { session: [] }],
  };
  if (route.kind === 'websocket') {
    return { ...op, responses: { '101': { description: 'WebSocket upgrade' } } };
  }
  const body = toSchema(route.body);
  if (body) op.requestBody = { content: { 'application/json': { schema: body } } };
  const query = toSchema(route.query) as { properties?: JsonObject } | undefined;
  if (query?.properties) {
    op.parameters = Object.entries(query.properties).map(([name, schema]) => ({
      name,
      in: 'query',
      schema,
    }));
  }
  const type = route.produces ?? 'application/json';
  const response = toSchema(route.response) ?? {};
  op.responses = { '200': { description: 'OK', content: { [type]: { schema: response } } } };
  return op;
}

/** The OpenAPI 3.1 document, generated from the route table so it cannot drift. */
export function buildOpenApi(routes: RouteDefinition[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Pulse API', version },
    components: {
      securitySchemes: {
        apiToken: { type: 'apiKey', in: 'header', name: 'X-API-Token' },
        session: { type: 'apiKey', in: 'cookie', name: 'pulse_session' },
      },
    },
    paths,
  };
}
