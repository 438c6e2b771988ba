import { describe, expect, it } from 'vitest';
import { type PbsIdentity, targetMatches } from './backup-attribution.ts';
import type { PbsTarget } from './slices.ts';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);

const target = (change: Partial<PbsTarget> = {}): PbsTarget => ({
  storage: 'pbs-main',
  server: '192.0.2.10',
  port: 8007,
  datastore: 'main',
  namespace: '',
  ...change,
});

const pbs = (change: Partial<PbsIdentity> = {}): PbsIdentity => ({
  name: 'backup-box',
  hostname: '192.0.2.10',
  port: 8007,
  ...change,
});

describe('which PBS a PVE storage points at', () => {
  it('goes by certificate fingerprint first, whatever the address', () => {
    expect(
      targetMatches(target({ fingerprint: FP_A }), pbs({ fingerprint: FP_A, hostname: 'x' })),
    ).toBe(true);
    // Same address and port, other certificate: another server behind the same address.
    expect(targetMatches(target({ fingerprint: FP_A }), pbs({ fingerprint: FP_B }))).toBe(false);
  });

  it('goes by address and port when a fingerprint is missing on either side', () => {
    expect(targetMatches(target({ fingerprint: FP_A }), pbs())).toBe(true);
    expect(targetMatches(target(), pbs({ fingerprint: FP_A }))).toBe(true);
    expect(targetMatches(target({ port: 8008 }), pbs())).toBe(false);
    expect(targetMatches(target({ server: 'fd00::5' }), pbs({ hostname: '[fd00::5]' }))).toBe(true);
  });

  it('falls back to the name given in Pulse when the storage names a host', () => {
    expect(targetMatches(target({ server: 'Backup-Box' }), pbs())).toBe(true);
    expect(targetMatches(target({ server: 'other-pbs' }), pbs())).toBe(false);
  });
});
