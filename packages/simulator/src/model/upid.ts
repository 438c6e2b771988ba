import { between } from './random.ts';

function hex8(value: number): string {
  return (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Process id and start tick of a simulated task, derived from its identity. */
export function taskProcess(seed: number, node: string, start: number, type: string, id: string) {
  const pid = between(seed, 1_000, 4_000_000, 'pid', node, start, type, id);
  const pstart = between(seed, 1_000_000, 400_000_000, 'pstart', node, start, type, id);
  return { pid, pstart };
}

/** `UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:` (8 hex digits each). */
export function pveUpid(
  seed: number,
  node: string,
  start: number,
  type: string,
  id: string,
  user: string,
) {
  const { pid, pstart } = taskProcess(seed, node, start, type, id);
  return `UPID:${node}:${hex8(pid)}:${hex8(pstart)}:${hex8(start)}:${type}:${id}:${user}:`;
}

/** systemd-style escaping PBS applies to worker ids inside a UPID. */
export function escapeWorkerId(id: string): string {
  return id.replace(/[^A-Za-z0-9_.]|^\./g, (c) =>
    c === '/' ? '-' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * PBS adds a task counter:
 * `UPID:<node>:<pid>:<pstart>:<task id>:<starttime>:<type>:<id>:<authid>:`.
 */
export function pbsUpid(
  seed: number,
  node: string,
  start: number,
  type: string,
  id: string,
  authid: string,
) {
  const { pid, pstart } = taskProcess(seed, node, start, type, id);
  const counter = between(seed, 0, 4_000, 'task', start, type, id);
  const worker = `${type}:${escapeWorkerId(id)}:${authid}`;
  return `UPID:${node}:${hex8(pid)}:${hex8(pstart)}:${hex8(counter)}:${hex8(start)}:${worker}:`;
}
