import { z } from 'zod';

const booleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])])
  .transform((value) => value === true || ['true', '1', 'yes', 'on'].includes(String(value)));

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const seconds = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean),
  );

/**
 * One setting: its environment variable, its validator, its default and what it does.
 * `stored` settings may also be changed at runtime and persisted in the database.
 */
export interface SettingDefinition<T extends z.ZodType = z.ZodType> {
  env: string;
  schema: T;
  default: z.input<T>;
  doc: string;
  stored: boolean;
  /** The value is a credential: never shown, logged or exported. */
  secret?: boolean;
}

function setting<T extends z.ZodType>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

/** Every environment variable and persisted setting Pulse reads, in one place. */
export const SETTINGS = {
  frontendPort: setting({
    env: 'FRONTEND_PORT',
    schema: port,
    default: 7655,
    doc: 'TCP port of the web UI, API and WebSocket (`0` picks a free port).',
    stored: false,
  }),
  backendHost: setting({
    env: 'BACKEND_HOST',
    schema: z.string().min(1, 'must not be empty'),
    default: '0.0.0.0',
    doc: 'Address to listen on; `127.0.0.1` keeps Pulse local to this machine.',
    stored: false,
  }),
  dataDir: setting({
    env: 'PULSE_DATA_DIR',
    schema: z.string().min(1, 'must not be empty'),
    default: './data',
    doc: 'Folder for the database, encryption key and lock file (created `0700`).',
    stored: false,
  }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    schema: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      error: 'must be one of trace, debug, info, warn, error, fatal, silent',
    }),
    default: 'info',
    doc: 'Log verbosity; logs are JSON lines on stdout.',
    stored: true,
  }),
  pollingInterval: setting({
    env: 'POLLING_INTERVAL',
    schema: seconds(2, 3600),
    default: 10,
    doc: 'Seconds between two polls of each Proxmox endpoint.',
    stored: true,
  }),
  connectionTimeout: setting({
    env: 'CONNECTION_TIMEOUT',
    schema: seconds(1, 300),
    default: 10,
    doc: 'Seconds before a request to a Proxmox endpoint is abandoned.',
    stored: true,
  }),
  metricsRetentionDays: setting({
    env: 'METRICS_RETENTION_DAYS',
    schema: z.coerce.number().int('must be a whole number').min(1).max(3650),
    default: 30,
    doc: 'Days of metrics history kept (raw points first, then downsampled).',
    stored: true,
  }),
  allowedOrigins: setting({
    env: 'ALLOWED_ORIGINS',
    schema: commaList,
    default: '',
    doc: 'Comma-separated origins allowed for CORS and WebSocket; empty means same-origin only.',
    stored: true,
  }),
  discoveryEnabled: setting({
    env: 'DISCOVERY_ENABLED',
    schema: booleanFlag,
    default: false,
    doc: 'Scan `DISCOVERY_SUBNET` for Proxmox servers. Off unless you turn it on.',
    stored: true,
  }),
  discoverySubnet: setting({
    env: 'DISCOVERY_SUBNET',
    schema: z.string(),
    default: '',
    doc: 'CIDR to scan when discovery is on; nothing is scanned while it is empty.',
    stored: true,
  }),
  apiToken: setting({
    env: 'API_TOKEN',
    schema: z.string(),
    default: '',
    doc: 'API token for scripts (`X-API-Token` header); hashed with SHA3-256 at load.',
    stored: false,
    secret: true,
  }),
  authUser: setting({
    env: 'PULSE_AUTH_USER',
    schema: z.string(),
    default: '',
    doc: 'Admin user name for password login.',
    stored: false,
  }),
  authPass: setting({
    env: 'PULSE_AUTH_PASS',
    schema: z.string(),
    default: '',
    doc: 'Admin password, plain or a bcrypt hash (`npx pulse hash-password`).',
    stored: false,
    secret: true,
  }),
  disableAuth: setting({
    env: 'DISABLE_AUTH',
    schema: booleanFlag,
    default: false,
    doc: 'Turns authentication off entirely. Only for a trusted, isolated network.',
    stored: false,
  }),
  httpsEnabled: setting({
    env: 'HTTPS_ENABLED',
    schema: booleanFlag,
    default: false,
    doc:
      'Serve HTTPS with `TLS_CERT_FILE` and `TLS_KEY_FILE`; ' +
      'start-up fails if they are unreadable.',
    stored: false,
  }),
  tlsCertFile: setting({
    env: 'TLS_CERT_FILE',
    schema: z.string(),
    default: '',
    doc: 'PEM certificate (with its chain) for HTTPS.',
    stored: false,
  }),
  tlsKeyFile: setting({
    env: 'TLS_KEY_FILE',
    schema: z.string(),
    default: '',
    doc: 'PEM private key for HTTPS.',
    stored: false,
  }),
  trustedProxies: setting({
    env: 'PULSE_TRUSTED_PROXIES',
    schema: commaList,
    default: '',
    doc: 'Comma-separated proxy addresses/CIDRs whose `X-Forwarded-For` is believed.',
    stored: false,
  }),
  proxyAuthSecret: setting({
    env: 'PROXY_AUTH_SECRET',
    schema: z.string(),
    default: '',
    doc: 'Turns on proxy authentication: the proxy sends this value in `X-Proxy-Secret`.',
    stored: false,
    secret: true,
  }),
  proxyAuthUserHeader: setting({
    env: 'PROXY_AUTH_USER_HEADER',
    schema: z.string(),
    default: '',
    doc: 'Header in which the authenticating proxy names the user (e.g. `Remote-User`).',
    stored: false,
  }),
  proxyAuthRoleHeader: setting({
    env: 'PROXY_AUTH_ROLE_HEADER',
    schema: z.string(),
    default: '',
    doc: 'Header listing the user roles; when set, only the admin role may change things.',
    stored: false,
  }),
  proxyAuthRoleSeparator: setting({
    env: 'PROXY_AUTH_ROLE_SEPARATOR',
    schema: z.string().min(1, 'must not be empty'),
    default: '|',
    doc: 'Separator between roles in the role header.',
    stored: false,
  }),
  proxyAuthAdminRole: setting({
    env: 'PROXY_AUTH_ADMIN_ROLE',
    schema: z.string().min(1, 'must not be empty'),
    default: 'admin',
    doc: 'Role that makes a proxy-authenticated user an administrator; others are read-only.',
    stored: false,
  }),
  proxyAuthLogoutUrl: setting({
    env: 'PROXY_AUTH_LOGOUT_URL',
    schema: z.string(),
    default: '',
    doc: 'Where the UI sends the browser to log out when proxy authentication is used.',
    stored: false,
  }),
  allowEmbedding: setting({
    env: 'ALLOW_EMBEDDING',
    schema: booleanFlag,
    default: false,
    doc: 'Allow Pulse inside a frame on the origins of `ALLOWED_EMBED_ORIGINS` (and itself).',
    stored: true,
  }),
  allowedEmbedOrigins: setting({
    env: 'ALLOWED_EMBED_ORIGINS',
    schema: commaList,
    default: '',
    doc: 'Comma-separated origins that may frame Pulse when embedding is allowed.',
    stored: true,
  }),
  allowUnprotectedExport: setting({
    env: 'ALLOW_UNPROTECTED_EXPORT',
    schema: booleanFlag,
    default: false,
    doc: 'With authentication disabled, allow export/import from public addresses too.',
    stored: false,
  }),
  trustedNetworks: setting({
    env: 'PULSE_TRUSTED_NETWORKS',
    schema: commaList,
    default: '',
    doc: 'Comma-separated CIDRs the security status calls trusted; default: private ones.',
    stored: false,
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;

/** The resolved value of every setting. */
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };
