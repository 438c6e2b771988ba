import { csrfToken } from '../components/security/csrf.ts';

/** An API call that failed; `message` is the server's `{error}` text when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    /** The server's stable error code, when it sent one. */
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the Pulse API on the same origin and returns the parsed JSON body. */
export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // A session's state-changing requests must echo the CSRF cookie; reads need nothing.
  const csrf = method === 'GET' ? undefined : csrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'cannot reach the Pulse server', undefined, { cause: err });
  }

  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { signal });
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body)) return new ApiError(response.status, body.error, body.code);
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line is all there is.
  }
  return new ApiError(response.status, fallback);
}

function isErrorBody(body: unknown): body is { error: string; code?: string } {
  if (typeof body !== 'object' || body === null) return false;
  const { error, code } = body as Record<string, unknown>;
  return typeof error === 'string' && (code === undefined || typeof code === 'string');
}
