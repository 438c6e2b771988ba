import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CredentialCrypto } from './config/credential-crypto.ts';
import { NodesRepository } from './config/nodes-repository.ts';
import { type ResolvedSettings, resolveSettings } from './config/settings.ts';
import { readTlsFiles } from './config/tls.ts';
import { REPO_ROOT, readVersionInfo, type VersionInfo } from './config/version.ts';
import { MetricsHistory } from './history/metrics-history.ts';
import { buildOpenApi } from './http/openapi.ts';
import type { RouteDefinition } from './http/route.ts';
import { authRoutes } from './http/routes/auth-routes.ts';
import { backupRoutes } from './http/routes/backup-routes.ts';
import { chartRoutes } from './http/routes/chart-routes.ts';
import { nodesRoutes } from './http/routes/nodes-routes.ts';
import { securityRoutes } from './http/routes/security-routes.ts';
import { simpleStatsRoutes } from './http/routes/simple-stats-routes.ts';
import { stateRoutes } from './http/routes/state-routes.ts';
import { storageRoutes } from './http/routes/storage-routes.ts';
import { systemRoutes } from './http/routes/system-routes.ts';
import { webRoutes } from './http/routes/web-routes.ts';
import { buildHttpServer } from './http/server.ts';
import { StaticApp } from './http/static-app.ts';
import { WebSocketHub } from './http/ws-hub.ts';
import { LiveFeed } from './live/live-feed.ts';
import { createLogger, type Logger } from './logger.ts';
import { Monitor } from './monitor/monitor.ts';
import { securityGuard, securityPlugin } from './security/security-hooks.ts';
import { SecurityService } from './security/security-service.ts';
import { lockDataDir, prepareDataDir } from './store/data-dir.ts';
import { type Database, openDatabase } from './store/database.ts';
import { SettingsRepository } from './store/settings-repository.ts';

export interface AppOptions {
  /** Environment to read settings from; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** Where log lines go; tests capture them to check that no secret is logged. */
  logDestination?: NodeJS.WritableStream;
  /** Folder of the built web app; defaults to `packages/web/dist`. */
  webRoot?: string;
}

export interface PulseApp {
  settings: ResolvedSettings;
  dataDir: string;
  db: Database;
  log: Logger;
  http: FastifyInstance;
  hub: WebSocketHub;
  /** Credentials, sessions and the audit log (`security.audit.record` for other parts). */
  security: SecurityService;
  /** Polls every configured Proxmox endpoint; `onCycle` fires after each poll is merged. */
  monitor: Monitor;
  /** Metrics history behind the chart routes. */
  history: MetricsHistory;
  /** The `/ws` protocol: full states or deltas after every cycle. */
  live: LiveFeed;
  /** Configured Proxmox endpoints, credentials encrypted at rest. */
  nodes: NodesRepository;
  version: VersionInfo;
  routes: RouteDefinition[];
  /** Starts listening; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting work, closes sockets and the database, releases the data folder. */
  close(): Promise<void>;
}

interface Services {
  settings: ResolvedSettings;
  log: Logger;
  version: VersionInfo;
  hub: WebSocketHub;
  security: SecurityService;
  nodes: NodesRepository;
  monitor: Monitor;
  history: MetricsHistory;
  live: LiveFeed;
}

/** The long-lived services, each created once; a config change updates them in place. */
function createServices(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  db: Database,
  options: AppOptions,
): Services {
  const settings = resolveSettings({ env, stored: new SettingsRepository(db).all() });
  const log = createLogger({
    level: settings.values.logLevel,
    destination: options.logDestination,
  });
  const version = readVersionInfo(env);
  const hub = new WebSocketHub(log.child({ module: 'ws' }));
  const security = new SecurityService({ db, dataDir, log, settings: () => settings.values });
  const nodes = new NodesRepository(db, CredentialCrypto.forDataDir(dataDir));

  const monitor = new Monitor({
    log,
    loadNodes: () => nodes.list(),
    pollingInterval: settings.values.pollingInterval,
    connectionTimeout: settings.values.connectionTimeout,
    version: version.version,
    webSocketClients: () => hub.clientCount,
    onClusterMembership: (id, cluster) => {
      const node = nodes.get(id);
      if (node) nodes.save({ ...node, cluster });
    },
  });
  const history = new MetricsHistory(db, {
    log: log.child({ module: 'history' }),
    retentionDays: () => settings.values.metricsRetentionDays,
  });
  const live = new LiveFeed({
    hub,
    log: log.child({ module: 'live' }),
    initialState: () => monitor.getState(),
  });

  // Two listeners, so a history write failure never holds back the live update.
  monitor.onCycle((state, info) => history.record(state, { endpoint: info.endpoint }));
  monitor.onCycle((state) => live.publish(state));
  return { settings, log, version, hub, security, nodes, monitor, history, live };
}

/** Every HTTP route, in one table: the guard, validation and OpenAPI all read it. */
function createRoutes(services: Services, staticApp: StaticApp, startedAt: number) {
  const { settings, log, version, hub, security, nodes, monitor, history } = services;
  const routes: RouteDefinition[] = [];
  routes.push(
    ...systemRoutes({ version, startedAt, openApi: () => buildOpenApi(routes, version.version) }),
    ...webRoutes({ staticApp, hub, allowedOrigins: () => settings.values.allowedOrigins, log }),
    ...authRoutes({ security }),
    ...securityRoutes({ security }),
    ...stateRoutes({ monitor }),
    ...storageRoutes({ monitor }),
    ...backupRoutes({ monitor }),
    ...nodesRoutes({ nodes, monitor, security }),
    ...chartRoutes({ history, state: () => monitor.getState() }),
    ...simpleStatsRoutes(),
  );
  return routes;
}

async function assemble(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  db: Database,
  options: AppOptions,
): Promise<Omit<PulseApp, 'close'> & { shutdown(): Promise<void> }> {
  const startedAt = Date.now();
  const services = createServices(env, dataDir, db, options);
  const { settings, log, version, hub, security, monitor, history } = services;
  const staticApp = new StaticApp(options.webRoot ?? join(REPO_ROOT, 'packages', 'web', 'dist'));
  const routes = createRoutes(services, staticApp, startedAt);

  const http = await buildHttpServer({
    log,
    routes,
    guard: securityGuard(security),
    plugins: [securityPlugin(security)],
    trustProxy: settings.values.trustedProxies,
    https: readTlsFiles(settings.values),
  });

  async function listen(): Promise<string> {
    const { frontendPort, backendHost } = settings.values;
    const address = await http.listen({ port: frontendPort, host: backendHost });
    monitor.start();
    history.start();
    log.info({ address, version: version.version, dataDir }, 'pulse started');
    if (!staticApp.isBuilt) log.warn('web app not built: run npm run build');
    return address;
  }

  async function shutdown(): Promise<void> {
    hub.closeAll();
    await http.close();
    await monitor.stop();
    history.stop();
  }

  return { ...services, dataDir, db, http, routes, listen, shutdown };
}

/**
 * Assembles the service: settings, data folder, database, HTTP routes and WebSocket hub.
 * This is the only place where parts are wired together.
 */
export async function createApp(options: AppOptions = {}): Promise<PulseApp> {
  const env = options.env ?? process.env;
  const dataDir = prepareDataDir(resolveSettings({ env }).values.dataDir);
  const lock = lockDataDir(dataDir);
  let db: Database | undefined;
  try {
    db = openDatabase(dataDir);
    const { shutdown, ...app } = await assemble(env, dataDir, db, options);
    const openDb = db;

    async function close(): Promise<void> {
      await shutdown();
      openDb.close();
      lock.release();
      app.log.info('pulse stopped');
    }
    return { ...app, close };
  } catch (err) {
    // Whatever failed, the next start must find the folder unlocked and the database closed.
    db?.close();
    lock.release();
    throw err;
  }
}
