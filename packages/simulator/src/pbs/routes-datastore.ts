import type { Route } from '../http/router.ts';
import { filling } from '../model/metrics.ts';
import type { DatastoreSpec } from '../model/types.ts';
import { pbsUpid } from '../model/upid.ts';
import { checkNamespace, datastoreOf, mayPbs, type PbsContext, requirePbs } from './context.ts';
import { allSnapshots, type PbsSnapshot, snapshotsOf } from './snapshots.ts';

type Entry = Record<string, unknown>;

const STORE_PRIVS = ['Datastore.Audit', 'Datastore.Backup', 'Datastore.Read', 'Datastore.Modify'];

function isPbs4(ctx: PbsContext): boolean {
  return ctx.pbs.spec.major >= 4;
}

function visible(ctx: PbsContext): DatastoreSpec[] {
  return ctx.pbs.spec.datastores.filter((d) => mayPbs(ctx, `/datastore/${d.name}`, STORE_PRIVS));
}

function usedAt(ctx: PbsContext, store: DatastoreSpec, t: number): number {
  return filling(
    store.total,
    store.usedFraction,
    store.growthPerDay,
    ctx.world.anchor - 20 * 86_400,
    t,
  );
}

function gcStatus(ctx: PbsContext, store: DatastoreSpec): Entry {
  const day = Math.floor(ctx.world.now() / 86_400) * 86_400;
  const used = usedAt(ctx, store, day);
  return {
    upid: pbsUpid(
      ctx.world.seed,
      ctx.pbs.spec.hostname,
      day - 86_400 + 4 * 3_600,
      'garbage_collection',
      store.name,
      'root@pam',
    ),
    'index-file-count': 214,
    'index-data-bytes': Math.floor(used * 6.5),
    'disk-bytes': used,
    'disk-chunks': Math.floor(used / 2_400_000),
    'removed-bytes': Math.floor(store.growthPerDay * 0.8),
    'removed-chunks': 3_412,
    'pending-bytes': 0,
    'pending-chunks': 0,
    'removed-bad': 0,
    'still-bad': 0,
  };
}

function datastoreList(ctx: PbsContext): Entry[] {
  return visible(ctx).map((d) => {
    const entry: Entry = { store: d.name, 'mount-status': 'nonremovable' };
    if (d.comment) entry.comment = d.comment;
    if (isPbs4(ctx)) entry['backend-type'] = 'filesystem';
    return entry;
  });
}

/** A datastore PBS cannot open is listed with its error and no figures. */
function unavailable(ctx: PbsContext, store: string, error: string): Entry {
  const entry: Entry = { store, error, 'mount-status': 'nonremovable' };
  if (isPbs4(ctx)) entry['backend-type'] = 'filesystem';
  return entry;
}

function usage(ctx: PbsContext): Entry[] {
  const now = ctx.world.now();
  return visible(ctx).map((d) => {
    const error = ctx.datastoreError(d.name);
    if (error) return unavailable(ctx, d.name, error);
    const used = usedAt(ctx, d, now);
    const start = Math.floor(now / 86_400) * 86_400 - 30 * 86_400;
    const history = Array.from(
      { length: 30 },
      (_, i) => usedAt(ctx, d, start + i * 86_400) / d.total,
    );
    const entry: Entry = {
      store: d.name,
      total: d.total,
      used,
      avail: d.total - used,
      history,
      'history-start': start,
      'history-delta': 86_400,
      'estimated-full-date': now + Math.floor(((d.total - used) / d.growthPerDay) * 86_400),
      'gc-status': gcStatus(ctx, d),
      'mount-status': 'nonremovable',
    };
    if (isPbs4(ctx)) entry['backend-type'] = 'filesystem';
    return entry;
  });
}

function counts(snapshots: PbsSnapshot[]): Entry {
  const out: Record<string, { groups: number; snapshots: number }> = {};
  for (const type of ['vm', 'ct', 'host'] as const) {
    const mine = snapshots.filter((s) => s.type === type);
    if (mine.length > 0)
      out[type] = { groups: new Set(mine.map((s) => s.id)).size, snapshots: mine.length };
  }
  return out;
}

function status(ctx: PbsContext, name: string, verbose: boolean): Entry {
  const store = datastoreOf(ctx, name);
  requirePbs(ctx, `/datastore/${name}`, STORE_PRIVS);
  const used = usedAt(ctx, store, ctx.world.now());
  const entry: Entry = {
    total: store.total,
    used,
    avail: store.total - used,
    'gc-status': gcStatus(ctx, store),
  };
  if (verbose) entry.counts = counts(allSnapshots(ctx.world, ctx.pbs, store));
  if (isPbs4(ctx)) entry['backend-type'] = 'filesystem';
  return entry;
}

function namespaces(ctx: PbsContext, name: string, q: Record<string, string>): Entry[] {
  const store = datastoreOf(ctx, name);
  requirePbs(ctx, `/datastore/${name}`, STORE_PRIVS);
  const parent = checkNamespace(store, q.parent);
  const depth = q['max-depth'] === undefined ? 7 : Number(q['max-depth']);
  const levels = (ns: string) => (ns === '' ? 0 : ns.split('/').length);
  const below = ['', ...store.namespaces].filter(
    (ns) => parent === '' || ns === parent || ns.startsWith(`${parent}/`),
  );
  return below.filter((ns) => levels(ns) - levels(parent) <= depth).map((ns) => ({ ns }));
}

function groups(ctx: PbsContext, name: string, q: Record<string, string>): Entry[] {
  const store = datastoreOf(ctx, name);
  requirePbs(ctx, `/datastore/${name}`, STORE_PRIVS);
  const byGroup = new Map<string, PbsSnapshot[]>();
  for (const snap of snapshotsOf(ctx.world, ctx.pbs, store, checkNamespace(store, q.ns))) {
    const key = `${snap.type}/${snap.id}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), snap]);
  }
  return [...byGroup.values()].map((snaps) => {
    const last = snaps.reduce((a, b) => (b.time > a.time ? b : a));
    const entry: Entry = {
      'backup-type': last.type,
      'backup-id': last.id,
      'last-backup': last.time,
      'backup-count': snaps.length,
      files: last.files.map((f) => f.filename),
      owner: last.owner,
    };
    if (last.comment) entry.comment = last.comment;
    return entry;
  });
}

function snapshotEntry(snap: PbsSnapshot): Entry {
  const entry: Entry = {
    'backup-type': snap.type,
    'backup-id': snap.id,
    'backup-time': snap.time,
    files: snap.files,
    size: snap.size,
    owner: snap.owner,
    protected: snap.protected,
  };
  if (snap.comment) entry.comment = snap.comment;
  if (snap.verification) entry.verification = snap.verification;
  return entry;
}

function snapshots(ctx: PbsContext, name: string, q: Record<string, string>): Entry[] {
  const store = datastoreOf(ctx, name);
  requirePbs(ctx, `/datastore/${name}`, STORE_PRIVS);
  return snapshotsOf(ctx.world, ctx.pbs, store, checkNamespace(store, q.ns))
    .filter(
      (s) =>
        (!q['backup-type'] || s.type === q['backup-type']) &&
        (!q['backup-id'] || s.id === q['backup-id']),
    )
    .map(snapshotEntry);
}

const TYPES = ['vm', 'ct', 'host'];

export const datastoreRoutes: Route<PbsContext>[] = [
  { method: 'GET', path: '/admin/datastore', handle: datastoreList },
  { method: 'GET', path: '/status/datastore-usage', handle: usage },
  {
    method: 'GET',
    path: '/admin/datastore/{store}/status',
    params: { verbose: 'boolean' },
    handle: (ctx, a) =>
      status(ctx, a.path.store!, a.query.verbose === '1' || a.query.verbose === 'true'),
  },
  {
    method: 'GET',
    path: '/admin/datastore/{store}/namespace',
    params: { parent: 'string', 'max-depth': 'integer' },
    handle: (ctx, a) => namespaces(ctx, a.path.store!, a.query),
  },
  {
    method: 'GET',
    path: '/admin/datastore/{store}/groups',
    params: { ns: 'string', 'backup-type': TYPES },
    handle: (ctx, a) => groups(ctx, a.path.store!, a.query),
  },
  {
    method: 'GET',
    path: '/admin/datastore/{store}/snapshots',
    params: { ns: 'string', 'backup-type': TYPES, 'backup-id': 'string' },
    handle: (ctx, a) => snapshots(ctx, a.path.store!, a.query),
  },
];
