import { readFileSync } from 'node:fs';
import { type RouteDefinition, route } from '../route.ts';

function asset(name: string): string {
  return readFileSync(new URL(`../static/${name}`, import.meta.url), 'utf8');
}

/**
 * `/simple-stats`: a small live page of guests for quick checks, without the web app. Its
 * script and styles are separate files, so it runs under a policy that forbids inline code.
 */
export function simpleStatsRoutes(): RouteDefinition[] {
  const page = asset('simple-stats.html');
  const script = asset('simple-stats.js');
  const styles = asset('simple-stats.css');

  return [
    route({
      method: 'GET',
      url: '/simple-stats',
      access: 'read',
      summary: 'A minimal live page of guests, fed by the WebSocket',
      produces: 'text/html',
      handler: ({ reply }) => {
        reply.header('Cache-Control', 'no-cache');
        return page;
      },
    }),
    route({
      method: 'GET',
      url: '/simple-stats.js',
      access: 'read',
      summary: 'Script of the simple-stats page',
      handler: ({ reply }) =>
        reply
          .header('Cache-Control', 'no-cache')
          .type('text/javascript; charset=utf-8')
          .send(script),
    }),
    route({
      method: 'GET',
      url: '/simple-stats.css',
      access: 'read',
      summary: 'Styles of the simple-stats page',
      handler: ({ reply }) =>
        reply.header('Cache-Control', 'no-cache').type('text/css; charset=utf-8').send(styles),
    }),
  ];
}
