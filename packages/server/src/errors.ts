/** Stable machine-readable error codes; the HTTP boundary turns them into statuses. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface AppErrorOptions {
  cause?: unknown;
  /** Extra response headers, e.g. `Retry-After` for rate limits. */
  headers?: Record<string, string>;
}

/**
 * The one error type the HTTP boundary knows how to answer. The message is shown to the
 * client, so it names the thing and never carries a secret.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.headers = options.headers ?? {};
  }
}

export function badRequest(message: string): AppError {
  return new AppError('bad_request', message);
}

export function notFound(message: string): AppError {
  return new AppError('not_found', message);
}

/** Thrown at start-up for a setting or environment problem the user must fix. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
