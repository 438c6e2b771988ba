import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ApiError } from './api-error.ts';
import { Envelope } from './router.ts';

export type Product = 'pve' | 'pbs';

/** Header set and error style of one simulated product. */
export interface Flavor {
  product: Product;
  /** PVE since libpve-http-server 5.2 (8.3+) repeats the error text in a `message` key. */
  messageInBody: boolean;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  status: number,
  body: string,
) {
  const headers: Record<string, string> = {
    'content-type':
      flavor.product === 'pve' ? 'application/json;charset=UTF-8' : 'application/json',
    'cache-control': 'max-age=0',
  };
  if (flavor.product === 'pve') headers.server = 'pve-api-daemon/3.0';
  let payload: Buffer = Buffer.from(body);
  // Like pveproxy, compress bodies over 1 KiB for clients that accept it.
  if (payload.length > 1_024 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    payload = gzipSync(payload, { level: 1 });
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(payload.length);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(payload);
  return payload.length;
}

/** A success: `{"data": ...}`, plus keys such as `total` beside it. */
export function sendData(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  result: unknown,
) {
  const envelope = result instanceof Envelope ? result : new Envelope(result, {});
  for (const [name, value] of Object.entries(envelope.headers)) res.setHeader(name, value);
  const body = JSON.stringify({ data: envelope.data ?? null, ...envelope.extra });
  return send(req, res, flavor, 200, body);
}

/** Reason phrases travel on the wire; they must stay on one line of printable text. */
function reason(message: string): string {
  return message.replace(/[^\x20-\x7e]/g, ' ').slice(0, 200);
}

/**
 * PVE: the message is the status line's reason phrase and the body is `{"data":null}`
 * (with `errors` for bad parameters). PBS: the body is the message as plain text.
 */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  err: ApiError,
) {
  if (flavor.product === 'pbs') {
    const text = err.errors ? `${err.message} ${JSON.stringify(err.errors)}` : err.message;
    return send(req, res, flavor, err.status, text);
  }
  res.statusMessage = reason(err.message);
  const body: Record<string, unknown> = { data: null };
  if (err.errors) body.errors = err.errors;
  if (flavor.messageInBody) body.message = `${err.message}\n`;
  return send(req, res, flavor, err.status, JSON.stringify(body));
}

/** Reads a form-encoded or JSON request body into string fields. */
export async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_048_576) break;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
