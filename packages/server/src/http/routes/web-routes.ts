import { notFound } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { isOriginAllowed } from '../origin.ts';
import { type RouteDefinition, route } from '../route.ts';
import type { StaticApp } from '../static-app.ts';
import type { WebSocketHub } from '../ws-hub.ts';

export interface WebRouteDeps {
  staticApp: StaticApp;
  hub: WebSocketHub;
  allowedOrigins(): string[];
  log: Logger;
}

/** The browser-facing routes: the live WebSocket and the single-page app itself. */
export function webRoutes(deps: WebRouteDeps): RouteDefinition[] {
  return [
    {
      kind: 'websocket',
      method: 'GET',
      url: '/ws',
      access: 'read',
      tokenInQuery: true,
      summary: 'Live state: welcome, initialState, then updates',
      handler(socket, request) {
        if (!isOriginAllowed(request, deps.allowedOrigins())) {
          deps.log.warn({ origin: request.headers.origin }, 'websocket origin rejected');
          socket.close(1008, 'origin not allowed');
          return;
        }
        deps.hub.attach(socket, request.query as Record<string, string>);
      },
    },
    route({
      method: 'GET',
      url: '/*',
      access: 'public',
      summary: 'The web app (any other path falls back to index.html)',
      produces: 'text/html',
      handler: ({ request, reply }) => {
        const path = request.url.split('?')[0] ?? '/';
        if (path === '/api' || path.startsWith('/api/')) {
          throw notFound(`no route for ${request.method} ${path}`);
        }
        return deps.staticApp.serve(path, reply);
      },
    }),
  ];
}
