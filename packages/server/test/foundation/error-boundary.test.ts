import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/errors.ts';
import { route } from '../../src/http/route.ts';
import { buildHttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';

describe('the HTTP error boundary', () => {
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const routes = [
      route({
        method: 'POST',
        url: '/api/echo',
        access: 'public',
        summary: 'echo',
        body: z.object({ name: z.string().min(1, 'is required') }),
        handler: ({ body }) => ({ hello: body.name }),
      }),
      route({
        method: 'GET',
        url: '/api/missing-thing',
        access: 'public',
        summary: 'known error',
        handler: () => {
          throw new AppError('not_found', 'node pve-9 not found');
        },
      }),
      route({
        method: 'GET',
        url: '/api/boom',
        access: 'public',
        summary: 'unexpected error',
        handler: () => {
          throw new Error('database exploded');
        },
      }),
    ];
    const log = createLogger({ level: 'info', destination: stream });
    app = await buildHttpServer({ log, routes, guard: () => {} });
  });
  afterAll(() => app.close());

  it('answers malformed JSON with 400 and a readable message', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'request body is not valid JSON',
      code: 'bad_request',
    });
  });

  it('answers a body that fails its schema with 400 naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/echo', payload: { name: '' } });

    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('body.name: is required');
  });

  it('passes valid input to the handler', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/echo', payload: { name: 'x' } });

    expect(response.json()).toEqual({ hello: 'x' });
  });

  it('keeps the status and message of an AppError', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/missing-thing' });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'node pve-9 not found', code: 'not_found' });
  });

  it('hides unexpected errors behind a 500 with a request id that is in the log', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/boom' });
    const body = response.json();

    expect(response.statusCode).toBe(500);
    expect(body.error).toBe('internal error');
    expect(body.error).not.toContain('exploded');
    const logged = lines.map((line) => JSON.parse(line)).find((e) => e.msg === 'unexpected error');
    expect(logged?.reqId).toBe(body.requestId);
    expect(logged?.err?.message).toBe('database exploded');
  });
});
