import type { PbsBackup, PbsNamespace } from '@pulse/contract';
import { bool, list, num, optStr, record, str } from '../../proxmox/parse.ts';

/** Namespaces of a datastore; the root (`""`) is always first, even if PBS omits it. */
export function parseNamespaces(data: unknown): PbsNamespace[] {
  const paths = new Set<string>(['']);
  for (const entry of list(data)) paths.add(str(entry.ns ?? entry.path ?? entry.name));
  return [...paths].sort().map((path) => {
    const parts = path ? path.split('/') : [];
    return {
      path,
      ...(parts.length > 0 ? { parent: parts.slice(0, -1).join('/') } : {}),
      depth: parts.length,
    };
  });
}

/** A cheap summary of a namespace's groups: when it changes, its snapshots are re-read. */
export function groupsFingerprint(data: unknown): string {
  return list(data)
    .map((g) => {
      const group = `${str(g['backup-type'])}/${str(g['backup-id'])}`;
      return `${group}@${num(g['last-backup'])}#${num(g['backup-count'])}`;
    })
    .sort()
    .join(',');
}

function fileNames(value: unknown): string[] {
  // The schema says strings; real servers send objects with `filename`.
  return list(
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? { filename: v } : v)) : [],
  )
    .map((file) => str(file.filename))
    .filter(Boolean);
}

function backupType(value: unknown): PbsBackup['backupType'] {
  const type = str(value);
  return type === 'ct' || type === 'host' ? type : 'vm';
}

export interface SnapshotSource {
  instance: string;
  datastore: string;
  namespace: string;
}

/** PBS snapshots of one namespace as backups. */
export function parseSnapshots(source: SnapshotSource, data: unknown): PbsBackup[] {
  return list(data).map((snap) => {
    const type = backupType(snap['backup-type']);
    const id = str(snap['backup-id']);
    const time = num(snap['backup-time']);
    const verification = record(snap.verification);
    const state = optStr(verification.state) ?? optStr(snap.verification);
    const comment = optStr(snap.comment);
    const owner = optStr(snap.owner);
    const files = fileNames(snap.files);
    return {
      id: `pbs-${source.instance}-${source.datastore}-${source.namespace}-${type}-${id}-${time}`,
      instance: source.instance,
      datastore: source.datastore,
      namespace: source.namespace,
      backupType: type,
      vmid: id,
      backupTime: new Date(time * 1000).toISOString(),
      size: num(snap.size),
      protected: bool(snap.protected),
      verified: state === 'ok',
      ...(comment ? { comment } : {}),
      ...(files.length > 0 ? { files } : {}),
      ...(owner ? { owner } : {}),
      ...(state ? { verification: state } : {}),
    };
  });
}
