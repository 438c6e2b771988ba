import { ApiError } from '../http/api-error.ts';
import type { ParamRule } from '../http/router.ts';
import { guestFigures, nodeFigures } from '../model/figures.ts';
import { counterRate } from '../model/metrics.ts';
import type { PveMajor } from '../model/types.ts';
import type { GuestState } from '../model/world.ts';
import { guestsOn, nodeOf, type PveContext, requirePriv } from './context.ts';

type Row = Record<string, number>;

const ROWS = 70;

/** Seconds per row. PVE 9 changed the RRD layout: finer steps for the long timeframes. */
function stepOf(major: PveMajor, timeframe: string): number {
  const older: Record<string, number> = {
    hour: 60,
    day: 1_800,
    week: 10_800,
    month: 43_200,
    year: 604_800,
  };
  const nine: Record<string, number> = {
    hour: 60,
    day: 1_800,
    week: 10_800,
    month: 21_600,
    year: 21_600,
    decade: 604_800,
  };
  const step = (major >= 9 ? nine : older)[timeframe];
  if (!step)
    throw new ApiError(400, 'Parameter verification failed.', {
      timeframe:
        `value '${timeframe}' does not have a value in the enumeration ` +
        "'hour, day, week, month, year'",
    });
  return step;
}

export const RRD_PARAMS: Record<string, ParamRule> = {
  timeframe: ['hour', 'day', 'week', 'month', 'year', 'decade'],
  cf: ['AVERAGE', 'MAX'],
};

function rowTimes(
  ctx: PveContext,
  query: Record<string, string>,
): { times: number[]; step: number } {
  if (!query.timeframe) {
    throw new ApiError(400, 'Parameter verification failed.', {
      timeframe: 'property is missing and it is not optional',
    });
  }
  const step = stepOf(ctx.pve.spec.major, query.timeframe);
  const last = Math.floor(ctx.world.now() / step) * step - step;
  return { times: Array.from({ length: ROWS }, (_, i) => last - (ROWS - 1 - i) * step), step };
}

/** `/nodes/{node}/rrddata`: averages per step; byte figures are floats, as RRD keeps them. */
export function nodeRrd(ctx: PveContext, node: string, query: Record<string, string>): Row[] {
  requirePriv(ctx, `/nodes/${node}`, ['Sys.Audit']);
  const state = nodeOf(ctx, node);
  const guests = guestsOn(ctx, node);
  const { times, step } = rowTimes(ctx, query);
  const nine = ctx.pve.spec.major >= 9;
  return times.map((time) => {
    const f = nodeFigures(ctx.world, guests, state, time + step / 2);
    const row: Row = {
      time,
      cpu: f.cpu,
      maxcpu: state.spec.cpus,
      iowait: f.iowait,
      loadavg: f.loadavg[0],
      memtotal: f.maxmem,
      memused: f.mem,
      swaptotal: state.spec.swapTotal,
      swapused: f.swapUsed,
      roottotal: f.rootTotal,
      rootused: f.rootUsed,
      netin: f.netin,
      netout: f.netout,
    };
    if (nine)
      Object.assign(row, {
        memavailable: (f.maxmem - f.mem) * 0.96,
        arcsize: f.maxmem * 0.06,
        pressurecpusome: f.cpu * 6,
        pressureiosome: f.iowait * 30,
        pressureiofull: f.iowait * 20,
        pressurememorysome: 0,
        pressurememoryfull: 0,
      });
    return row;
  });
}

function guestRow(ctx: PveContext, guest: GuestState, time: number, step: number): Row {
  const { spec } = guest;
  const f = guestFigures(ctx.world, guest, time + step / 2);
  const base: Row = {
    time,
    maxcpu: spec.cores,
    maxmem: spec.maxmem,
    maxdisk: spec.maxdisk,
    disk: f.disk,
  };
  // Missing samples are dropped, not sent as null: a stopped guest's rows keep only these keys.
  if (!f.running || guest.startedAt > time) return base;
  const since = guest.startedAt;
  const rate = (perSecond: number) => counterRate(perSecond, since, time, time + step);
  const row: Row = {
    ...base,
    cpu: f.cpu,
    mem: f.mem,
    netin: rate(spec.netRate),
    netout: rate(spec.netRate * 0.35),
    diskread: rate(spec.ioRate * 0.6),
    diskwrite: rate(spec.ioRate * 0.4),
  };
  if (ctx.pve.spec.major >= 9) {
    Object.assign(row, {
      pressurecpusome: f.cpu * 5,
      pressureiosome: 0.2,
      pressureiofull: 0.1,
      pressurememorysome: 0,
      pressurememoryfull: 0,
    });
    if (spec.type === 'qemu')
      Object.assign(row, { pressurecpufull: f.cpu * 2, memhost: f.mem * 1.04 });
    else row.pressurecpufull = 0;
  }
  return row;
}

/** `/nodes/{node}/{qemu|lxc}/{vmid}/rrddata`. */
export function guestRrd(ctx: PveContext, guest: GuestState, query: Record<string, string>): Row[] {
  requirePriv(ctx, `/vms/${guest.spec.vmid}`, ['VM.Audit']);
  const { times, step } = rowTimes(ctx, query);
  return times.map((time) => guestRow(ctx, guest, time, step));
}
