import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyReply } from 'fastify';
import { notFound } from '../errors.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite puts content-hashed files under `assets/`: their name changes whenever they do. */
const IMMUTABLE_PREFIX = `assets${sep}`;

const NOT_BUILT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Pulse</title></head>
<body><h1>Pulse</h1><p>The web app is not built yet. Run <code>npm run build</code>, or start
Pulse with <code>npm start</code>, which builds it.</p></body></html>`;

/**
 * Serves the built single-page app: files that exist are sent with caching suited to them,
 * every other path gets `index.html` so client-side routes survive a reload.
 */
export class StaticApp {
  constructor(private readonly root: string) {}

  get isBuilt(): boolean {
    return existsSync(join(this.root, 'index.html'));
  }

  serve(urlPath: string, reply: FastifyReply): FastifyReply {
    const file = this.resolveFile(urlPath);
    if (file) {
      const relative = file.slice(this.root.length + 1);
      const cache = relative.startsWith(IMMUTABLE_PREFIX)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      return reply
        .header('Cache-Control', cache)
        .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
        .send(readFileSync(file));
    }
    if (extname(urlPath) !== '' && urlPath.includes('/assets/')) {
      throw notFound(`asset ${urlPath} not found`);
    }
    return this.serveIndex(reply);
  }

  private serveIndex(reply: FastifyReply): FastifyReply {
    const index = join(this.root, 'index.html');
    const body = existsSync(index) ? readFileSync(index) : NOT_BUILT_PAGE;
    return reply.header('Cache-Control', 'no-cache').type(CONTENT_TYPES['.html']!).send(body);
  }

  private resolveFile(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
    } catch {
      return undefined;
    }
    const candidate = normalize(join(this.root, decoded));
    if (!candidate.startsWith(this.root + sep)) return undefined;
    if (!existsSync(candidate) || !statSync(candidate).isFile()) return undefined;
    return candidate;
  }
}
