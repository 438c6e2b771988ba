import { ApiError } from '../http/api-error.ts';
import { Envelope, type ParamRule, type Route } from '../http/router.ts';
import { pbsRuns } from '../model/backups.ts';
import { clamp, filling, sampleTime } from '../model/metrics.ts';
import { wave } from '../model/random.ts';
import { pbsUpid } from '../model/upid.ts';
import type { TaskRecord } from '../model/world.ts';
import { mayPbs, type PbsContext, requirePbs } from './context.ts';

type Entry = Record<string, unknown>;

const GIB = 1024 ** 3;

function release(ctx: PbsContext) {
  return ctx.pbs.spec.major >= 4
    ? {
        version: '4.1',
        release: '2',
        repoid: '5b0dd9a3f4c6e1d2',
        kernel: '6.17.2-1-pve',
        kdate: '#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-10-21T11:55Z)',
      }
    : {
        version: '3.4',
        release: '2',
        repoid: 'c5b2a1f0e9d8c7b6',
        kernel: '6.8.12-11-pve',
        kdate: '#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-11 (2025-05-22T09:39Z)',
      };
}

function version(ctx: PbsContext): Entry {
  const { version, release: rel, repoid } = release(ctx);
  return { version, release: rel, repoid };
}

function checkNode(ctx: PbsContext, node: string): void {
  if (node !== 'localhost' && node !== ctx.pbs.spec.hostname)
    throw new ApiError(400, `no such node '${node}'`);
}

function nodeStatus(ctx: PbsContext, node: string): Entry {
  checkNode(ctx, node);
  requirePbs(ctx, '/system/status', ['Sys.Audit']);
  const t = sampleTime(ctx.world.now());
  const cpu = clamp(0.04 + 0.03 * wave(t, 900, ctx.world.seed, 'pbs-cpu'), 0.001, 1);
  const memTotal = 16 * GIB;
  const memUsed = Math.floor(memTotal * (0.3 + 0.05 * wave(t, 7_200, ctx.world.seed, 'pbs-mem')));
  const rootTotal = 60 * GIB;
  const rootUsed = filling(rootTotal, 0.12, 10 * 1024 ** 2, ctx.world.anchor, t);
  const rel = release(ctx);
  return {
    cpu,
    wait: 0.002,
    loadavg: [cpu * 4, cpu * 3.8, cpu * 3.5].map((l) => Math.round(l * 100) / 100),
    memory: { total: memTotal, used: memUsed, free: memTotal - memUsed },
    swap: { total: 4 * GIB, used: 0, free: 4 * GIB },
    root: { total: rootTotal, used: rootUsed, avail: rootTotal - rootUsed },
    uptime: t - ctx.pbs.bootAt,
    kversion: `Linux ${rel.kernel} ${rel.kdate}`,
    'current-kernel': {
      sysname: 'Linux',
      release: rel.kernel,
      version: rel.kdate,
      machine: 'x86_64',
    },
    cpuinfo: { model: 'Intel(R) Xeon(R) E-2236 CPU @ 3.40GHz', sockets: 1, cpus: 4 },
    info: { fingerprint: ctx.fingerprint },
    'boot-info': { mode: 'efi', secureboot: false },
  };
}

/** A task as its node's log lists it. */
type Task = Omit<TaskRecord, 'node'>;

function jobTasks(ctx: PbsContext, now: number): Task[] {
  const today = Math.floor(now / 86_400);
  const out: Task[] = [];
  for (let day = today - 7; day <= today; day++) {
    for (const store of ctx.pbs.spec.datastores) {
      const base = day * 86_400;
      out.push({
        type: 'garbage_collection',
        id: store.name,
        user: 'root@pam',
        start: base + 4 * 3_600,
        end: base + 4 * 3_600 + 310,
        status: 'OK',
      });
      out.push({
        type: 'verificationjob',
        id: `${store.name}:v-daily`,
        user: 'root@pam',
        start: base + 6 * 3_600,
        end: base + 6 * 3_600 + 900,
        status: 'OK',
      });
    }
  }
  return out.filter((t) => t.start <= now);
}

function backupTasks(ctx: PbsContext, now: number): Task[] {
  return ctx.pbs.spec.datastores
    .flatMap((store) =>
      ['', ...store.namespaces].flatMap((ns) =>
        pbsRuns(ctx.world, ctx.pbs.spec.name, store.name, ns).map((run) => {
          const type = run.guest.spec.type === 'qemu' ? 'vm' : 'ct';
          return {
            type: 'backup',
            id: `${store.name}:${ns ? `${ns}:` : ''}${type}/${run.guest.spec.vmid}`,
            user: `backup@pbs!${run.pve.spec.name}`,
            start: run.start + 2,
            end: run.end - 1,
            status: 'OK',
          };
        }),
      ),
    )
    .filter((t) => t.start <= now);
}

const TASK_PARAMS: Record<string, ParamRule> = {
  start: 'integer',
  limit: 'integer',
  since: 'integer',
  until: 'integer',
  errors: 'boolean',
  running: 'boolean',
  store: 'string',
  typefilter: 'string',
  statusfilter: 'string',
  userfilter: 'string',
};

function keep(task: Task, q: Record<string, string>, now: number): boolean {
  const running = now < task.end;
  if ((q.running === '1' || q.running === 'true') && !running) return false;
  if ((q.errors === '1' || q.errors === 'true') && (running || task.status === 'OK')) return false;
  if (q.since && task.start < Number(q.since)) return false;
  if (q.until && task.start > Number(q.until)) return false;
  if (q.typefilter && !task.type.includes(q.typefilter)) return false;
  if (q.store && !task.id.startsWith(q.store)) return false;
  if (q.userfilter && !task.user.includes(q.userfilter)) return false;
  return true;
}

function tasks(ctx: PbsContext, node: string, q: Record<string, string>): Envelope {
  checkNode(ctx, node);
  const now = ctx.world.now();
  const all = mayPbs(ctx, '/system/tasks', ['Sys.Audit']);
  const user = ctx.caller?.identity.id;
  const matched = [...jobTasks(ctx, now), ...backupTasks(ctx, now)]
    .filter((t) => keep(t, q, now) && (all || t.user === user))
    .sort((a, b) => b.start - a.start);
  const start = Number(q.start ?? 0);
  const limit = Number(q.limit ?? 50);
  const page = matched.slice(start, limit > 0 ? start + limit : undefined);
  return new Envelope(
    page.map((t) => taskEntry(ctx, t, now)),
    { total: matched.length },
  );
}

function taskEntry(ctx: PbsContext, task: Task, now: number): Entry {
  const node = ctx.pbs.spec.hostname;
  const upid = pbsUpid(ctx.world.seed, node, task.start, task.type, task.id, task.user);
  const fields = upid.split(':');
  const entry: Entry = {
    upid,
    node,
    pid: Number.parseInt(fields[2]!, 16),
    pstart: Number.parseInt(fields[3]!, 16),
    starttime: task.start,
    worker_type: task.type,
    worker_id: task.id,
    user: task.user,
  };
  return now < task.end ? entry : { ...entry, endtime: task.end, status: task.status };
}

function login(ctx: PbsContext): Entry | Envelope {
  const { body, creds, world } = ctx;
  const username = body.username;
  if (!username || body.password === undefined)
    throw new ApiError(
      400,
      "parameter verification failed - 'username': property is missing and it is not optional",
    );
  const now = world.now();
  const renewed = creds.verifyTicket(body.password, now) === username;
  if (!renewed && !creds.checkPassword(username, body.password))
    throw new ApiError(401, 'authentication failed - invalid credentials');
  const ticket = creds.ticket(username, now);
  const csrf = creds.csrfToken(username, now);
  if (ctx.pbs.spec.major >= 4 && (body['http-only'] === '1' || body['http-only'] === 'true')) {
    // The HttpOnly flow keeps the ticket in a cookie the browser's scripts cannot read.
    const data = {
      username,
      'ticket-info': ticket.replace(/::.*$/, '::'),
      CSRFPreventionToken: csrf,
    };
    const cookie =
      `__Host-PBSAuthCookie=${encodeURIComponent(ticket)}; ` +
      'Secure; HttpOnly; SameSite=Lax; Path=/';
    return new Envelope(data, {}, { 'set-cookie': cookie });
  }
  return { username, ticket, CSRFPreventionToken: csrf };
}

export const pbsNodeRoutes: Route<PbsContext>[] = [
  { method: 'GET', path: '/version', handle: version },
  { method: 'GET', path: '/nodes', handle: (ctx) => [{ node: ctx.pbs.spec.hostname }] },
  {
    method: 'GET',
    path: '/nodes/{node}/status',
    handle: (ctx, a) => nodeStatus(ctx, a.path.node!),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/tasks',
    params: TASK_PARAMS,
    handle: (ctx, a) => tasks(ctx, a.path.node!, a.query),
  },
  { method: 'POST', path: '/access/ticket', public: true, handle: login },
];
