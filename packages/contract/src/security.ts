import { z } from 'zod';

/** `POST /api/login`: password login that starts a browser session. */
export const LoginRequest = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  success: z.literal(true),
  user: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** How this installation authenticates; `setup` means the first-run setup is still due. */
export const SecurityMode = z.enum([
  'disabled',
  'setup',
  'password',
  'token',
  'password+token',
  'proxy',
]);
export type SecurityMode = z.infer<typeof SecurityMode>;

/** `GET /api/security/status` (public): the security configuration, and this caller's view. */
export const SecurityStatus = z.object({
  mode: SecurityMode,
  /** Nothing is configured: the UI must show the mandatory first-run setup. */
  setupRequired: z.boolean(),
  /** `DISABLE_AUTH` is on: everyone may do everything. */
  disabled: z.boolean(),
  /** Whether this request carries valid credentials (or needs none). */
  authenticated: z.boolean(),
  /** Whether this request may change things. */
  canWrite: z.boolean(),
  user: z.string().optional(),
  hasAuthentication: z.boolean(),
  apiTokenConfigured: z.boolean(),
  /** Last four characters of a token created in the UI; never the token. */
  apiTokenHint: z.string().optional(),
  /** Password or token come from environment variables and cannot be changed in the UI. */
  passwordFromEnv: z.boolean(),
  tokenFromEnv: z.boolean(),
  /** Anyone may read without logging in (API-only mode); changes need the token. */
  apiOnly: z.boolean(),
  requiresAuth: z.boolean(),
  exportProtected: z.boolean(),
  unprotectedExportAllowed: z.boolean(),
  configuredButPendingRestart: z.boolean(),
  hasAuditLogging: z.boolean(),
  credentialsEncrypted: z.boolean(),
  hasHTTPS: z.boolean(),
  clientIP: z.string(),
  isPrivateNetwork: z.boolean(),
  isTrustedNetwork: z.boolean(),
  publicAccess: z.boolean(),
  recoveryMode: z.boolean(),
  hasProxyAuth: z.boolean(),
  proxyAuthLogoutURL: z.string().optional(),
  proxyAuthUsername: z.string().optional(),
  proxyAuthIsAdmin: z.boolean().optional(),
});
export type SecurityStatus = z.infer<typeof SecurityStatus>;

/** `POST /api/security/change-password`. */
export const ChangePasswordRequest = z.object({
  /** Required, except in recovery mode on the Pulse host itself. */
  currentPassword: z.string().max(1000).optional(),
  newPassword: z.string().max(1000),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** `POST /api/security/quick-setup`: creates the admin (and an API token) on first run. */
export const QuickSetupRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().max(1000),
  /** Create an API token and return it once. @default true */
  generateApiToken: z.boolean().default(true),
});
export type QuickSetupRequest = z.input<typeof QuickSetupRequest>;

export const QuickSetupResponse = z.object({
  success: z.literal(true),
  username: z.string(),
  /** The new API token: shown this once, stored only as a hash. */
  apiToken: z.string().optional(),
});
export type QuickSetupResponse = z.infer<typeof QuickSetupResponse>;

/** `POST /api/security/regenerate-token`: the new token, shown this once. */
export const RegenerateTokenResponse = z.object({
  success: z.literal(true),
  token: z.string(),
});
export type RegenerateTokenResponse = z.infer<typeof RegenerateTokenResponse>;

export const SuccessResponse = z.object({
  success: z.boolean(),
  message: z.string().optional(),
});
export type SuccessResponse = z.infer<typeof SuccessResponse>;

/** `POST /api/security/apply-restart`: settings apply at once, no restart is needed. */
export const ApplyRestartResponse = z.object({
  success: z.literal(true),
  requiresRestart: z.literal(false),
  message: z.string(),
});
export type ApplyRestartResponse = z.infer<typeof ApplyRestartResponse>;

/** `GET/POST /api/security/recovery` (only on a direct connection from the Pulse host). */
export const RecoveryRequest = z.object({ action: z.enum(['disable_auth', 'enable_auth']) });
export type RecoveryRequest = z.infer<typeof RecoveryRequest>;

export const RecoveryStatus = z.object({
  recoveryMode: z.boolean(),
  /** When recovery mode ends by itself (milliseconds since the epoch). */
  expiresAt: z.number().optional(),
  message: z.string(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

/** One entry of the security audit log. */
export const AuditRecord = z.object({
  id: z.number().int(),
  /** Milliseconds since the epoch. */
  at: z.number(),
  event: z.string(),
  outcome: z.enum(['success', 'failure']),
  user: z.string().optional(),
  ip: z.string(),
  userAgent: z.string(),
  path: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** `GET /api/security/audit?limit=&before=`: newest first. */
export const AuditLogResponse = z.object({ events: z.array(AuditRecord) });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
