import { apiGet } from './client.ts';

/**
 * `GET /api/version`.
 * LIMITATION: declared here rather than imported from @pulse/contract, which has no version
 * schema yet; move it there once the server publishes one.
 */
export interface VersionInfo {
  /** Semantic version of the running Pulse, from the root package.json. */
  version: string;
  /** Build identifier; free-form. */
  build: string;
  /** `"node"` for this implementation. */
  runtime: string;
  /** Release channel, e.g. `"stable"` or `"rc"`. */
  channel: string;
  isDocker: boolean;
  isDevelopment: boolean;
}

export function getVersion(signal?: AbortSignal): Promise<VersionInfo> {
  return apiGet<VersionInfo>('/api/version', signal);
}
