import { z } from 'zod';

/** `GET /api/health`: the service is up. */
export const HealthResponse = z.object({
  status: z.literal('healthy'),
  /** Unix seconds at the server. */
  timestamp: z.number().int(),
  /** Seconds since the process started. */
  uptime: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `GET /api/version`: what is running and how it was installed. */
export const VersionResponse = z.object({
  /** From the root `package.json`, e.g. `0.1.0`. */
  version: z.string(),
  build: z.enum(['release', 'development']),
  runtime: z.literal('node'),
  channel: z.enum(['stable', 'rc']),
  isDocker: z.boolean(),
  isDevelopment: z.boolean(),
  deploymentType: z.enum(['docker', 'systemd', 'development', 'manual']),
  nodeVersion: z.string(),
});
export type VersionResponse = z.infer<typeof VersionResponse>;

/** Body of every error response. */
export const ErrorResponse = z.object({
  error: z.string(),
  code: z.string().optional(),
  requestId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
