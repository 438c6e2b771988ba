import type { GuestDiskStatus } from '@pulse/contract';
import type { ProxmoxClient } from '../../proxmox/client.ts';
import { isProxmoxError } from '../../proxmox/errors.ts';
import { num, optNum, optStr, record } from '../../proxmox/parse.ts';
import { aggregateFilesystems, type DiskTotals } from './guest-disk.ts';

/** What only the per-VM calls tell: balloon, QEMU's own status, the agent's disk view. */
export interface VmDetail {
  fetchedAt: number;
  balloon?: number;
  freemem?: number;
  qmpstatus?: string;
  disk?: DiskTotals;
  diskStatus: GuestDiskStatus;
}

function permissionMessage(pveMajor: number): string {
  return pveMajor >= 9
    ? 'the credentials lack VM.GuestAgent.Audit (PVEAuditor has it on PVE 9), ' +
        'so the guest agent cannot be asked'
    : 'the credentials lack VM.Monitor, which PVE 7 and 8 require for guest agent calls; ' +
        'grant it to the token itself when privilege separation is on';
}

function agentFailure(err: unknown, pveMajor: number): GuestDiskStatus {
  if (!isProxmoxError(err)) return { source: 'proxmox', reason: 'error', message: String(err) };
  if (err.kind === 'permission') {
    return { source: 'proxmox', reason: 'permission', message: permissionMessage(pveMajor) };
  }
  const text = err.message.toLowerCase();
  if (text.includes('not running') && text.includes('agent')) {
    return {
      source: 'proxmox',
      reason: 'agent-not-running',
      message: 'the guest agent is not running inside the VM',
    };
  }
  if (text.includes('no qemu guest agent configured') || text.includes('agent is not enabled')) {
    return {
      source: 'proxmox',
      reason: 'agent-disabled',
      message: 'the guest agent is not enabled for this VM',
    };
  }
  if (err.kind === 'timeout') {
    return {
      source: 'proxmox',
      reason: 'agent-not-running',
      message: 'the guest agent did not answer in time',
    };
  }
  return { source: 'proxmox', reason: 'error', message: err.message };
}

async function readAgentDisk(
  client: ProxmoxClient,
  path: string,
  pveMajor: number,
  signal: AbortSignal,
): Promise<Pick<VmDetail, 'disk' | 'diskStatus'>> {
  try {
    const data = record(await client.get(`${path}/agent/get-fsinfo`, { signal }));
    const error = record(record(data.result).error);
    if (Object.keys(error).length > 0) {
      return {
        diskStatus: {
          source: 'proxmox',
          reason: 'agent-unsupported',
          message: `the guest agent refused: ${optStr(error.desc) ?? 'unsupported command'}`,
        },
      };
    }
    const disk = aggregateFilesystems(data.result);
    if (!disk) {
      return {
        diskStatus: {
          source: 'proxmox',
          reason: 'no-filesystems',
          message: 'the guest agent reported no local file systems',
        },
      };
    }
    return { disk, diskStatus: { source: 'agent' } };
  } catch (err) {
    if (isProxmoxError(err) && err.isConnectionFailure) throw err;
    return { diskStatus: agentFailure(err, pveMajor) };
  }
}

/** Reads `status/current` of a running VM and, when its agent is enabled, `get-fsinfo`. */
export async function fetchVmDetail(
  client: ProxmoxClient,
  node: string,
  vmid: number,
  pveMajor: number,
  signal: AbortSignal,
): Promise<VmDetail> {
  const path = `/nodes/${encodeURIComponent(node)}/qemu/${vmid}`;
  const status = record(await client.get(`${path}/status/current`, { signal }));
  const detail: VmDetail = {
    fetchedAt: Date.now(),
    balloon: optNum(status.balloon),
    freemem: optNum(status.freemem),
    qmpstatus: optStr(status.qmpstatus),
    diskStatus: { source: 'proxmox' },
  };

  // `agent` is present since PVE 7 when the option is set; without it, asking still tells.
  const agent = status.agent === undefined ? 1 : num(status.agent);
  if (!agent) {
    detail.diskStatus = {
      source: 'proxmox',
      reason: 'agent-disabled',
      message: 'the guest agent is not enabled for this VM',
    };
    return detail;
  }
  return { ...detail, ...(await readAgentDisk(client, path, pveMajor, signal)) };
}
