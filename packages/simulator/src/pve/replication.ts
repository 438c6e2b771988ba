import { ApiError, forbidden } from '../http/api-error.ts';
import type { Route } from '../http/router.ts';
import { replicationJobId, replicationRun } from '../model/replication.ts';
import type { ReplicationSpec } from '../model/types.ts';
import { may, nodeOf, type PveContext } from './context.ts';

type Entry = Record<string, unknown>;

const JOB_ID = /^[1-9][0-9]{2,8}-\d{1,9}$/;

/** The job as `/cluster/replication` lists it: its configuration only. */
function configEntry(ctx: PveContext, job: ReplicationSpec): Entry {
  return {
    id: replicationJobId(job),
    type: 'local',
    guest: job.guest,
    jobnum: job.jobnum,
    target: job.target,
    schedule: job.schedule,
    source: ctx.pve.guests.get(job.guest)?.node,
  };
}

function volumeOf(ctx: PveContext, job: ReplicationSpec): string {
  const isVm = ctx.pve.guests.get(job.guest)?.spec.type !== 'lxc';
  return `local-zfs:${isVm ? 'vm' : 'subvol'}-${job.guest}-disk-0`;
}

/** The text PVE keeps of a run that could not reach the target node over SSH. */
function failureText(ctx: PveContext, job: ReplicationSpec, lastSync: number): string {
  const id = replicationJobId(job);
  return (
    `command '/usr/bin/ssh -e none -o 'BatchMode=yes' -o 'HostKeyAlias=${job.target}' ` +
    `root@${ctx.nodeAddress(job.target)} -- pvesr prepare-local-job ${id} ` +
    `${volumeOf(ctx, job)} --last_sync ${lastSync}' failed: exit code 255`
  );
}

/**
 * The job with its state, as `/nodes/{node}/replication` gives it: the configuration, the
 * guest type, and the last result (`error` only while the job is failing).
 */
function statusEntry(ctx: PveContext, job: ReplicationSpec): Entry {
  const run = replicationRun(ctx.world.seed, job, ctx.world.anchor, ctx.world.now());
  const entry: Entry = {
    ...configEntry(ctx, job),
    vmtype: ctx.pve.guests.get(job.guest)?.spec.type,
    last_sync: run.lastSync,
    last_try: run.lastTry,
    next_sync: run.nextSync,
    duration: run.duration,
    fail_count: run.failCount,
  };
  if (run.failing) entry.error = failureText(ctx, job, run.lastSync);
  return entry;
}

/** Jobs run on the node that holds the guest; other nodes do not list them. */
function jobsOn(ctx: PveContext, node: string): ReplicationSpec[] {
  nodeOf(ctx, node);
  return ctx.pve.spec.replication.filter((job) => ctx.pve.guests.get(job.guest)?.node === node);
}

function clusterJobs(ctx: PveContext): Entry[] {
  return ctx.pve.spec.replication
    .filter((job) => may(ctx, `/vms/${job.guest}`, ['VM.Audit']))
    .map((job) => configEntry(ctx, job));
}

function nodeJobs(ctx: PveContext, node: string, query: Record<string, string>): Entry[] {
  return jobsOn(ctx, node)
    .filter((job) => query.guest === undefined || job.guest === Number(query.guest))
    .filter((job) => may(ctx, `/vms/${job.guest}`, ['VM.Audit']))
    .map((job) => statusEntry(ctx, job));
}

function jobStatus(ctx: PveContext, node: string, id: string): Entry {
  if (!JOB_ID.test(id))
    throw new ApiError(400, 'Parameter verification failed.', {
      id: 'value does not match the regex pattern',
    });
  const job = jobsOn(ctx, node).find((j) => replicationJobId(j) === id);
  if (!job) throw new ApiError(500, 'no such replication job');
  if (!may(ctx, `/vms/${job.guest}`, ['VM.Audit']))
    throw forbidden(`/vms/${job.guest}`, ['VM.Audit']);
  return statusEntry(ctx, job);
}

export const replicationRoutes: Route<PveContext>[] = [
  { method: 'GET', path: '/cluster/replication', params: {}, handle: clusterJobs },
  {
    method: 'GET',
    path: '/nodes/{node}/replication',
    params: { guest: 'integer' },
    handle: (ctx, a) => nodeJobs(ctx, a.path.node!, a.query),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/replication/{id}/status',
    handle: (ctx, a) => jobStatus(ctx, a.path.node!, a.path.id!),
  },
];
