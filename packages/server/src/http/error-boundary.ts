import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** What Fastify itself throws for a bad request (malformed JSON, wrong content type). */
function isClientError(err: FastifyError): boolean {
  return typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500;
}

function clientMessage(err: FastifyError): string {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return 'request body is not valid JSON';
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'request body is empty';
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request body is too large';
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported content type';
  return err.message;
}

/**
 * The one place errors become responses: AppError keeps its status and message, Fastify's
 * own client errors become `400 {"error"}`, and anything else is logged and answered 500
 * with the request id so the log line can be found.
 */
export function installErrorBoundary(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply
        .code(err.status)
        .headers(err.headers)
        .send({ error: err.message, code: err.code });
    }
    if (isClientError(err)) {
      const status = err.statusCode === 413 || err.statusCode === 415 ? err.statusCode : 400;
      return reply.code(status).send({ error: clientMessage(err), code: 'bad_request' });
    }

    request.log.error({ err }, 'unexpected error');
    return reply
      .code(500)
      .send({ error: 'internal error', code: 'internal', requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `no route for ${request.method} ${request.url.split('?')[0]}` });
  });
}
