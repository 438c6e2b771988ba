import type { ConnectionHealth, PollErrorKind } from '@pulse/contract';
import type { NodeConfig } from '../config/nodes-model.ts';
import type { Logger } from '../logger.ts';
import { isProxmoxError, ProxmoxError } from '../proxmox/errors.ts';
import type { Collector, CollectResult } from './collector.ts';
import type { LiveState } from './live-state.ts';

/** Reported after each poll of an endpoint. */
export interface CycleInfo {
  /** Endpoint key: the PVE name, or `pbs-<name>`. */
  endpoint: string;
  configId: string;
  durationMs: number;
  apiCalls: number;
  ok: boolean;
}

export interface PollerDeps {
  state: LiveState;
  log: Logger;
  intervalMs(): number;
  timeoutMs(): number;
  createCollector(config: NodeConfig): Collector;
  emit(info: CycleInfo): void;
}

/** Slow parts (backups, snapshots, tasks) are read about once a minute. */
const SLOW_PERIOD_MS = 60_000;

function endpointKey(config: NodeConfig): string {
  return config.type === 'pbs' ? `pbs-${config.name}` : config.name;
}

function errorKind(err: ProxmoxError): PollErrorKind {
  return err.kind === 'node-unreachable' ? 'unreachable' : err.kind;
}

/**
 * Polls one configured endpoint for the life of the process. A config change swaps the
 * collector's client in place; the poller, its schedule and its health history stay.
 * Cycles never overlap, and each has a deadline after which it is abandoned, so one
 * hanging endpoint can neither stop its own polling nor delay any other endpoint.
 */
export class EndpointPoller {
  private collector: Collector;
  private cycle = 0;
  private lastSlowAt = 0;
  private running: Promise<CycleInfo> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private health: ConnectionHealth;

  constructor(
    private config: NodeConfig,
    private readonly deps: PollerDeps,
  ) {
    this.collector = deps.createCollector(config);
    this.health = this.initialHealth();
    deps.state.setHealth(config.id, this.health);
  }

  get key(): string {
    return endpointKey(this.config);
  }

  get lastHealth(): ConnectionHealth {
    return this.health;
  }

  /**
   * Applies a changed config. The collector keeps its history and only swaps its client;
   * a new name or type changes every ID, so that starts the endpoint's data afresh.
   */
  async update(config: NodeConfig): Promise<void> {
    const previous = this.config;
    this.config = config;
    if (previous.name === config.name && previous.type === config.type) {
      this.collector.reconfigure(config, this.running);
      return;
    }
    this.deps.state.remove(config.id);
    const old = this.collector;
    this.collector = this.deps.createCollector(config);
    this.cycle = 0;
    this.health = this.initialHealth();
    this.deps.state.setHealth(config.id, this.health);
    await this.running?.catch(() => undefined);
    await old.close();
  }

  start(initialDelayMs: number): void {
    this.stopped = false;
    this.schedule(initialDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.collector.close();
  }

  /** Reschedules the next cycle, e.g. after the polling interval changed. */
  reschedule(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.schedule(this.deps.intervalMs());
  }

  /**
   * Runs one cycle now, or waits for the one in progress. `slow` also reads the slow parts
   * (backups, snapshots, tasks) whenever they were last read.
   */
  pollNow(options: { slow?: boolean } = {}): Promise<CycleInfo> {
    this.running ??= this.runCycle(options.slow ?? false).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const started = Date.now();
      void this.pollNow().finally(() => {
        if (this.stopped) return;
        const elapsed = Date.now() - started;
        this.schedule(Math.max(250, this.deps.intervalMs() - elapsed));
      });
    }, delayMs);
    this.timer.unref();
  }

  private deadlineMs(): number {
    return this.deps.intervalMs() + this.deps.timeoutMs() * 4;
  }

  private async runCycle(forceSlow: boolean): Promise<CycleInfo> {
    const started = Date.now();
    const now = new Date(started);
    const collector = this.collector;
    const slow = forceSlow || this.cycle === 0 || started - this.lastSlowAt >= SLOW_PERIOD_MS;
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(), this.deadlineMs());
    collector.counter.calls = 0;
    collector.counter.failed = 0;

    let result: CollectResult | undefined;
    let failure: ProxmoxError | undefined;
    try {
      const context = { cycle: this.cycle, slow, signal: controller.signal, now };
      result = await this.withDeadline(collector.collect(context), controller.signal);
      if (slow) this.lastSlowAt = started;
    } catch (err) {
      failure = this.asProxmoxError(err, controller.signal.aborted);
    } finally {
      clearTimeout(deadline);
    }

    if (collector !== this.collector) return this.info(started, false);
    this.cycle += 1;
    this.apply(now, Date.now() - started, result, failure);
    this.deps.state.recordPoll(collector.counter.calls, collector.counter.failed);
    const info = this.info(started, !failure);
    this.deps.emit(info);
    return info;
  }

  private withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    // The signal aborts requests; this also ends the cycle if some step ignores it.
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.timeoutError());
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private apply(
    now: Date,
    durationMs: number,
    result: CollectResult | undefined,
    failure: ProxmoxError | undefined,
  ): void {
    const { state, log } = this.deps;
    const slice = result
      ? result.slice
      : this.collector.failed(failure ?? this.timeoutError(), now);
    state.setSlice(this.config.id, slice);

    const partial = result?.partialErrors[0];
    const problem = failure ?? partial;
    const wasFailing = this.health.status === 'error';
    this.health = {
      ...this.health,
      status: failure ? 'error' : partial ? 'degraded' : 'healthy',
      lastPoll: now.toISOString(),
      lastSuccess: failure ? this.health.lastSuccess : now.toISOString(),
      lastError: problem
        ? { kind: errorKind(problem), message: problem.message, at: now.toISOString() }
        : this.health.lastError,
      lastPollDurationMs: durationMs,
      apiCalls: this.collector.counter.calls,
      consecutiveFailures: failure ? this.health.consecutiveFailures + 1 : 0,
    };
    state.setHealth(this.config.id, this.health);

    if (failure && !wasFailing)
      log.warn(
        { endpoint: this.key, err: failure.message, kind: failure.kind },
        'endpoint unreachable',
      );
    if (!failure && wasFailing) log.info({ endpoint: this.key }, 'endpoint reachable again');
    if (partial) log.debug({ endpoint: this.key, err: partial.message }, 'poll partly failed');
  }

  private info(started: number, ok: boolean): CycleInfo {
    return {
      endpoint: this.key,
      configId: this.config.id,
      durationMs: Date.now() - started,
      apiCalls: this.collector.counter.calls,
      ok,
    };
  }

  private timeoutError(): ProxmoxError {
    return new ProxmoxError(
      `${this.config.name}: poll did not finish within ${this.deadlineMs()} ms`,
      {
        kind: 'timeout',
        endpoint: this.config.name,
      },
    );
  }

  private asProxmoxError(err: unknown, aborted: boolean): ProxmoxError {
    if (isProxmoxError(err))
      return aborted && err.kind !== 'tls-mismatch' ? this.timeoutError() : err;
    this.deps.log.error({ endpoint: this.key, err }, 'poll crashed');
    return new ProxmoxError(`${this.config.name}: ${(err as Error)?.message ?? 'poll failed'}`, {
      kind: 'bad-response',
      endpoint: this.config.name,
      cause: err,
    });
  }

  private initialHealth(): ConnectionHealth {
    return {
      id: this.key,
      configId: this.config.id,
      name: this.config.name,
      type: this.config.type,
      status: 'pending',
      lastSuccess: null,
      lastPoll: null,
      lastError: null,
      lastPollDurationMs: 0,
      apiCalls: 0,
      consecutiveFailures: 0,
    };
  }
}
