import type { VersionResponse } from '@pulse/contract';
import { apiGet } from './client.ts';

export function getVersion(signal?: AbortSignal): Promise<VersionResponse> {
  return apiGet<VersionResponse>('/api/version', signal);
}
