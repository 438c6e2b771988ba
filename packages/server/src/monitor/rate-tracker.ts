/** The four cumulative byte counters PVE reports per guest. */
export interface IoCounters {
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
}

export type IoRates = IoCounters;

interface Sample {
  counters: IoCounters;
  /** Guest uptime in seconds, the clock the counters were sampled on. */
  uptime: number;
  /** Wall-clock milliseconds, used only when uptime cannot say how much time passed. */
  at: number;
  rates: IoRates;
}

const ZERO: IoRates = { netin: 0, netout: 0, diskread: 0, diskwrite: 0 };
const KEYS = ['netin', 'netout', 'diskread', 'diskwrite'] as const;

/**
 * Turns cumulative counters into bytes per second. Time is measured with the guest's own
 * uptime where possible: it comes in the same answer as the counters, so the rate stays
 * right whatever the delay between Pulse's polls and PVE's sampling. Identical counters
 * mean PVE served a cached sample: the previous rates stand. A counter that went
 * backwards was reset (the guest restarted); its bytes since the restart count over the
 * restarted guest's uptime.
 */
export class RateTracker {
  private readonly samples = new Map<string, Sample>();

  update(id: string, counters: IoCounters, uptime: number, at: number): IoRates {
    const previous = this.samples.get(id);
    if (!previous) {
      this.samples.set(id, { counters, uptime, at, rates: ZERO });
      return ZERO;
    }
    if (KEYS.every((key) => counters[key] === previous.counters[key])) return previous.rates;

    // Counters start from zero when a guest (re)starts: a running guest whose uptime went
    // down, or that was stopped at the previous sample.
    const restarted = uptime > 0 && (uptime < previous.uptime || previous.uptime === 0);
    const seconds = restarted
      ? uptime
      : uptime > previous.uptime
        ? uptime - previous.uptime
        : (at - previous.at) / 1000;
    if (seconds <= 0) return previous.rates;

    const rates = { ...ZERO };
    for (const key of KEYS) {
      const delta = counters[key] - previous.counters[key];
      const bytes = restarted ? counters[key] : Math.max(0, delta);
      rates[key] = Math.round(bytes / seconds);
    }
    this.samples.set(id, { counters, uptime, at, rates });
    return rates;
  }

  /** Forgets guests not seen in the last poll, so memory follows the fleet. */
  retain(ids: Set<string>): void {
    for (const id of this.samples.keys()) if (!ids.has(id)) this.samples.delete(id);
  }
}
