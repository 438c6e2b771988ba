/**
 * An error answer of the simulated Proxmox API. PVE puts the message in the status line
 * (and, since 8.3, in the body); PBS sends it as the plain-text body.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    /** PVE's per-parameter reasons for a 400 "Parameter verification failed." */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}

export function forbidden(path: string, privileges: string[]): ApiError {
  return new ApiError(403, `Permission check failed (${path}, ${privileges.join('|')})`);
}
