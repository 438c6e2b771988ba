import type { BackupEntry } from '../../lib/backups-entries.ts';

/** `VM 100`, `CT 105`, or `host` for a PBS host backup. */
export function guestTypeLabel(entry: BackupEntry): string {
  return entry.guestType === 'host' ? 'host' : `${entry.guestType.toUpperCase()} ${entry.vmid}`;
}

/** File or snapshot name and notes; notes that only repeat the guest's name are left out. */
export function entryDetails(entry: BackupEntry): string {
  const notes = entry.notes === entry.guestName ? undefined : entry.notes;
  return [entry.detail, notes].filter(Boolean).join(' · ');
}
