import { Envelope, type ParamRule } from '../http/router.ts';
import { backupRuns } from '../model/backups.ts';
import { between } from '../model/random.ts';
import { pveUpid } from '../model/upid.ts';
import type { TaskRecord } from '../model/world.ts';
import { may, nodeOf, type PveContext } from './context.ts';

type Entry = Record<string, unknown>;

/** A task as its node's log lists it. */
type Task = Omit<TaskRecord, 'node'>;

export const TASK_PARAMS: Record<string, ParamRule> = {
  start: 'integer',
  limit: 'integer',
  since: 'integer',
  until: 'integer',
  errors: 'boolean',
  typefilter: 'string',
  statusfilter: 'string',
  userfilter: 'string',
  vmid: 'integer',
  source: ['archive', 'active', 'all'],
};

function dailyTasks(ctx: PveContext, node: string, now: number): Task[] {
  const today = Math.floor(now / 86_400);
  const out: Task[] = [];
  for (let day = today - 7; day <= today; day++) {
    const start = day * 86_400 + 3 * 3_600 + between(ctx.world.seed, 0, 3_000, 'apt', node, day);
    if (start <= now)
      out.push({
        type: 'aptupdate',
        id: '',
        user: 'root@pam',
        start,
        end: start + 4,
        status: 'OK',
      });
  }
  return out;
}

function backupTasks(ctx: PveContext, node: string, now: number): Task[] {
  return ctx.world.guestsOn(ctx.pve, node).flatMap((guest) =>
    backupRuns(ctx.world, ctx.pve, guest, now).map((run) => ({
      type: 'vzdump',
      id: String(guest.spec.vmid),
      user: 'root@pam',
      start: run.start,
      end: run.end,
      // A failed vzdump run ends its task log with "TASK ERROR: job errors".
      status: run.ok ? 'OK' : 'job errors',
    })),
  );
}

function allTasks(ctx: PveContext, node: string, now: number): Task[] {
  const logged = ctx.pve.tasks.filter((t) => t.node === node && t.start <= now);
  return [...dailyTasks(ctx, node, now), ...backupTasks(ctx, node, now), ...logged].sort(
    (a, b) => b.start - a.start,
  );
}

function statusClass(status: string): string {
  if (status === 'OK') return 'ok';
  return status.startsWith('WARNINGS') ? 'warning' : 'error';
}

function keep(task: Task, q: Record<string, string>, now: number): boolean {
  const running = now < task.end;
  const source = q.source ?? 'archive';
  if ((source === 'archive' && running) || (source === 'active' && !running)) return false;
  if (q.since && task.start < Number(q.since)) return false;
  if (q.until && task.start > Number(q.until)) return false;
  if ((q.errors === '1' || q.errors === 'true') && (running || task.status === 'OK')) return false;
  if (q.typefilter && task.type !== q.typefilter) return false;
  if (q.userfilter && !task.user.includes(q.userfilter)) return false;
  if (q.vmid && task.id !== q.vmid) return false;
  if (q.statusfilter && !running && !q.statusfilter.split(',').includes(statusClass(task.status)))
    return false;
  return true;
}

function entry(ctx: PveContext, node: string, task: Task, now: number): Entry {
  const upid = pveUpid(ctx.world.seed, node, task.start, task.type, task.id, task.user);
  const fields = upid.split(':');
  const base: Entry = {
    upid,
    node,
    pid: Number.parseInt(fields[2]!, 16),
    pstart: Number.parseInt(fields[3]!, 16),
    starttime: task.start,
    type: task.type,
    id: task.id,
    user: task.user,
  };
  return now < task.end ? base : { ...base, status: task.status, endtime: task.end };
}

/** `/nodes/{node}/tasks`: newest first, filtered and paged, with the match count in `total`. */
export function nodeTasks(ctx: PveContext, node: string, q: Record<string, string>) {
  nodeOf(ctx, node);
  const now = ctx.world.now();
  const user = ctx.caller?.identity.id.split('!')[0];
  const seesAll = may(ctx, `/nodes/${node}`, ['Sys.Audit']);
  const matched = allTasks(ctx, node, now).filter(
    (t) => keep(t, q, now) && (seesAll || t.user === user),
  );
  const start = Number(q.start ?? 0);
  const limit = Number(q.limit ?? 50);
  const page = matched.slice(start, limit > 0 ? start + limit : undefined);
  return new Envelope(
    page.map((t) => entry(ctx, node, t, now)),
    { total: matched.length },
  );
}
