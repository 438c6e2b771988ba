import type { Guest } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { compileSearchQuery, parseSearchQuery, tokenize } from './search-query.ts';

const NOW = Date.parse('2025-06-10T12:00:00Z');
const GIB = 1024 ** 3;

function guest(fields: Partial<Guest> & Pick<Guest, 'vmid' | 'name'>): Guest {
  return {
    id: `lab-pve1-${fields.vmid}`,
    node: 'pve1',
    instance: 'lab',
    status: 'running',
    type: 'qemu',
    cpu: 0.1,
    cpus: 2,
    memory: { total: 4 * GIB, used: GIB, free: 3 * GIB, usage: 25 },
    disk: { total: 32 * GIB, used: 8 * GIB, free: 24 * GIB, usage: 25 },
    networkIn: 0,
    networkOut: 0,
    diskRead: 0,
    diskWrite: 0,
    uptime: 86_400,
    template: false,
    lastBackup: '2025-06-10T01:00:00Z',
    lastSeen: '2025-06-10T12:00:00Z',
    diskStatus: { source: 'agent' },
    ...fields,
  };
}

const GUESTS: Guest[] = [
  guest({ vmid: 100, name: 'opnsense', cpu: 0.92, tags: ['network', 'critical'] }),
  guest({ vmid: 101, name: 'nextcloud', node: 'pve2', cpu: 0.55, networkIn: 12_000_000 }),
  guest({
    vmid: 200,
    name: 'pihole',
    type: 'lxc',
    tags: ['dns'],
    memory: { total: GIB, used: 0.95 * GIB, free: 0.05 * GIB, usage: 95 },
    diskWrite: 300_000,
  }),
  guest({
    vmid: 201,
    name: 'web 01',
    type: 'lxc',
    node: 'pve2',
    status: 'stopped',
    cpu: 0,
    uptime: 0,
    disk: { total: 8 * GIB, used: 0.4 * GIB, free: 7.6 * GIB, usage: 5 },
    lastBackup: '2025-05-01T01:00:00Z',
  }),
  guest({ vmid: 300, name: 'no-disk', disk: { total: 0, used: 0, free: 0, usage: 0 } }),
  guest({
    vmid: 301,
    name: 'no-agent',
    disk: { total: 8 * GIB, used: 0, free: 8 * GIB, usage: 0 },
    diskStatus: { source: 'proxmox', reason: 'agent-not-running' },
  }),
];

function names(input: string): string[] {
  const { query, problems } = parseSearchQuery(input);
  expect(problems).toEqual([]);
  const matches = compileSearchQuery(query, NOW);
  return GUESTS.filter(matches).map((g) => g.name);
}

describe('tokenize', () => {
  it('splits on spaces and commas but keeps quoted text and spaced comparisons whole', () => {
    expect(tokenize('node:pve1, cpu > 50  name:"web 01"')).toEqual([
      'node:pve1',
      'cpu>50',
      'name:"web 01"',
    ]);
    expect(tokenize('memory >=90 disk< 10')).toEqual(['memory>=90', 'disk<10']);
  });
});

describe('search query', () => {
  it('matches everything when empty', () => {
    expect(names('  ')).toHaveLength(GUESTS.length);
  });

  it('matches plain text against name, node, VMID and tags', () => {
    expect(names('cloud')).toEqual(['nextcloud']);
    expect(names('pve2')).toEqual(['nextcloud', 'web 01']);
    expect(names('200')).toEqual(['pihole']);
    expect(names('dns')).toEqual(['pihole']);
  });

  it('requires every term, as in node:<name> cpu>50', () => {
    expect(names('node:pve1 cpu>50')).toEqual(['opnsense']);
    expect(names('node:pve2, cpu>50')).toEqual(['nextcloud']);
  });

  it('compares percentages for cpu, memory and disk', () => {
    expect(names('cpu>80')).toEqual(['opnsense']);
    expect(names('memory>=90')).toEqual(['pihole']);
    expect(names('mem>=90%')).toEqual(['pihole']);
    expect(names('disk<10')).toEqual(['web 01']);
    expect(names('cpu=55')).toEqual(['nextcloud']);
  });

  it('never matches a disk comparison for a guest whose disk usage is unknown', () => {
    expect(names('disk<30')).not.toContain('no-disk');
    expect(names('disk>=0')).not.toContain('no-disk');
    expect(names('disk<10')).not.toContain('no-agent');
  });

  it('compares I/O rates in MB/s by default, with units, under every spelling', () => {
    expect(names('netin>10')).toEqual(['nextcloud']);
    expect(names('networkIn>10MB/s')).toEqual(['nextcloud']);
    expect(names('diskWrite>100K')).toEqual(['pihole']);
    expect(names('diskwrite>=0.3')).toEqual(['pihole']);
    expect(names('diskread>0')).toEqual([]);
    expect(names('netout=0')).toHaveLength(GUESTS.length);
  });

  it('compares durations in days by default, with units', () => {
    expect(names('uptime<1h')).toEqual(['web 01']);
    expect(names('backup>7')).toEqual(['web 01']);
    expect(names('backup<12h')).toHaveLength(GUESTS.length - 1);
  });

  it('filters by field, with alternatives and negation', () => {
    expect(names('tags:net')).toEqual(['opnsense']);
    expect(names('type:ct')).toEqual(['pihole', 'web 01']);
    expect(names('type:vm node:pve2')).toEqual(['nextcloud']);
    expect(names('-status:running')).toEqual(['web 01']);
    expect(names('!type:lxc cpu<50')).toEqual(['no-disk', 'no-agent']);
    expect(names('tags:dns|critical')).toEqual(['opnsense', 'pihole']);
    expect(names('name:"web 01"')).toEqual(['web 01']);
    expect(names('vmid:20')).toEqual([]);
    expect(names('vmid>=200 vmid<300')).toEqual(['pihole', 'web 01']);
  });

  it('combines alternatives with OR, which binds looser than AND', () => {
    expect(names('cpu>90 OR memory>90')).toEqual(['opnsense', 'pihole']);
    expect(names('node:pve2 cpu>50 | type:lxc status:running')).toEqual(['nextcloud', 'pihole']);
  });

  it('reports terms it does not understand and leaves them out', () => {
    const { query, problems } = parseSearchQuery('colour:red cpu>lots nextcloud');

    expect(problems.map((p) => p.token)).toEqual(['colour:red', 'cpu>lots']);
    expect(problems[0]?.message).toContain('unknown field');
    expect(GUESTS.filter(compileSearchQuery(query, NOW)).map((g) => g.name)).toEqual(['nextcloud']);
  });
});
