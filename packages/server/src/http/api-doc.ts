import type { RouteDefinition } from './route.ts';

const ACCESS_TEXT: Record<RouteDefinition['access'], string> = {
  public: 'public',
  read: 'any login',
  write: 'write',
  admin: 'admin',
};

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The route table of `docs/api.md`, generated from the live route table so the document
 * lists exactly what the server serves, with who may call each route.
 */
export function apiMarkdownTable(routes: RouteDefinition[]): string {
  const sorted = [...routes].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
  const lines = ['| Method | Path | Access | What it does |', '| --- | --- | --- | --- |'];
  for (const route of sorted) {
    const method = route.kind === 'websocket' ? 'GET (WebSocket)' : route.method;
    const extras = [
      route.tokenInQuery ? 'accepts `?token=`' : '',
      route.rateLimit && route.rateLimit !== 'general' ? `limit: ${route.rateLimit}` : '',
    ].filter(Boolean);
    const access = [ACCESS_TEXT[route.access], ...extras].join(', ');
    const cells = [method, `\`${route.url}\``, access, route.summary].map(escapeCell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
