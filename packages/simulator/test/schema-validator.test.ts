import { describe, expect, it } from 'vitest';
import { MISSING_REFERENCE, returnsOf, toRegExp, validate } from './support/schema.ts';

describe.skipIf(MISSING_REFERENCE)('the schema validator used by the conformance suite', () => {
  // Read lazily: a skipped suite is still collected, and the file may be absent then.
  const resources = MISSING_REFERENCE ? {} : returnsOf('pve8.4', '/cluster/resources');

  it('fails on wrong types, missing required keys and values outside an enum', () => {
    expect(
      validate(resources, [{ id: 'qemu/100', type: 'qemu', cpu: '0.5' }], { product: 'pve' }),
    ).toEqual(['data[0].cpu: expected number, got "0.5"']);
    expect(validate(resources, [{ type: 'qemu' }], { product: 'pve' })).toEqual([
      'data[0].id: required but missing',
    ]);
    expect(validate(resources, [{ id: 'x', type: 'vm' }], { product: 'pve' })[0]).toMatch(
      /not in enum/,
    );
  });

  it('holds PVE booleans to 0/1 and PBS booleans to true/false', () => {
    expect(
      validate(resources, [{ id: 'qemu/1', type: 'qemu', template: true }], { product: 'pve' }),
    ).toHaveLength(1);
    const snapshots = returnsOf('pbs4.x', '/admin/datastore/{store}/snapshots');
    const snap = {
      'backup-type': 'vm',
      'backup-id': '100',
      'backup-time': 1,
      files: [],
      protected: 0,
    };
    expect(validate(snapshots, [snap], { product: 'pbs' })).toEqual([
      'data[0].protected: expected boolean, got 0',
    ]);
  });

  it('refuses keys a closed PBS schema does not list', () => {
    const list = returnsOf('pbs3.4', '/admin/datastore');
    const errors = validate(
      list,
      [{ store: 'main', 'mount-status': 'nonremovable', 'backend-type': 'filesystem' }],
      { product: 'pbs' },
    );
    expect(errors).toEqual(['data[0].backend-type: not allowed by the schema']);
  });

  it('translates PBS patterns, named groups included', () => {
    const upid = returnsOf('pbs4.x', '/nodes/{node}/tasks')?.items?.properties?.upid?.pattern;
    const re = toRegExp(upid!, true)!;
    expect(
      re.test('UPID:pbs:00001234:0000ABCD:00000001:6650A1B2:garbage_collection:main:root@pam:'),
    ).toBe(true);
    expect(re.test('UPID:pbs:1234:garbage_collection')).toBe(false);
  });
});
