import type {
  AuditLogResponse,
  LoginResponse,
  QuickSetupRequest,
  QuickSetupResponse,
  RegenerateTokenResponse,
  SecurityStatus,
  SuccessResponse,
} from '@pulse/contract';
import { apiGet, apiRequest } from '../../api/client.ts';

export function getSecurityStatus(): Promise<SecurityStatus> {
  return apiGet<SecurityStatus>('/api/security/status');
}

export function login(username: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/login', { body: { username, password } });
}

export function logout(): Promise<SuccessResponse> {
  return apiRequest<SuccessResponse>('POST', '/api/logout');
}

export function quickSetup(request: QuickSetupRequest): Promise<QuickSetupResponse> {
  return apiRequest<QuickSetupResponse>('POST', '/api/security/quick-setup', { body: request });
}

export function changePassword(
  currentPassword: string | undefined,
  newPassword: string,
): Promise<SuccessResponse> {
  return apiRequest<SuccessResponse>('POST', '/api/security/change-password', {
    body: { currentPassword, newPassword },
  });
}

export function regenerateToken(): Promise<RegenerateTokenResponse> {
  return apiRequest<RegenerateTokenResponse>('POST', '/api/security/regenerate-token');
}

export function getAuditLog(limit = 100): Promise<AuditLogResponse> {
  return apiGet<AuditLogResponse>(`/api/security/audit?limit=${limit}`);
}
