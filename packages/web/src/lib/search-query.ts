import type { Guest } from '@pulse/contract';
import { knownDiskUsage } from './guest-view.ts';

/*
 * The guest search language. Terms are separated by spaces or commas and must all match;
 * `OR` (or a lone `|`) between terms starts an alternative. A term is one of:
 *
 *   text             name, node, VMID or tag contains it          nextcloud
 *   field:value      that field contains value (a|b: either)      node:pve1  tags:web|db
 *   metric<op>value  a number compared, op one of > >= < <= = !=   cpu>80  netin>=5MB
 *
 * A leading `-` or `!` negates a term: `-status:running`. Values with spaces go in double
 * quotes: `name:"web 01"`. Unlike the original Pulse, `=` is a comparison (not text), and
 * camelCase names (`diskRead`, `networkIn`) work as well as short ones (`diskread`, `netin`).
 */

export type Comparison = '>' | '>=' | '<' | '<=' | '=' | '!=';

export type TextField = 'name' | 'node' | 'tags' | 'type' | 'status' | 'vmid' | 'instance' | 'pool';

export type Metric =
  | 'cpu'
  | 'memory'
  | 'disk'
  | 'diskread'
  | 'diskwrite'
  | 'netin'
  | 'netout'
  | 'uptime'
  | 'vmid'
  | 'cores'
  | 'backup';

export type Term =
  | { kind: 'text'; value: string }
  | { kind: 'field'; field: TextField; values: string[] }
  | { kind: 'metric'; metric: Metric; op: Comparison; value: number };

export interface Clause {
  term: Term;
  negated: boolean;
}

/** Alternatives (OR) of clause lists that must all hold (AND). Empty: everything matches. */
export interface SearchQuery {
  alternatives: Clause[][];
}

export interface QueryProblem {
  /** The piece of input at fault, as typed. */
  token: string;
  message: string;
}

export interface ParsedQuery {
  query: SearchQuery;
  /** Terms that were not understood; they are left out of the query, never guessed at. */
  problems: QueryProblem[];
}

type Unit = 'percent' | 'rate' | 'duration' | 'count';

const METRIC_ALIASES: Record<string, Metric> = {
  cpu: 'cpu',
  memory: 'memory',
  mem: 'memory',
  ram: 'memory',
  disk: 'disk',
  diskread: 'diskread',
  dread: 'diskread',
  diskwrite: 'diskwrite',
  dwrite: 'diskwrite',
  netin: 'netin',
  networkin: 'netin',
  netout: 'netout',
  networkout: 'netout',
  uptime: 'uptime',
  vmid: 'vmid',
  cores: 'cores',
  cpus: 'cores',
  backup: 'backup',
  lastbackup: 'backup',
};

const METRIC_UNITS: Record<Metric, Unit> = {
  cpu: 'percent',
  memory: 'percent',
  disk: 'percent',
  diskread: 'rate',
  diskwrite: 'rate',
  netin: 'rate',
  netout: 'rate',
  uptime: 'duration',
  backup: 'duration',
  vmid: 'count',
  cores: 'count',
};

const TEXT_ALIASES: Record<string, TextField> = {
  name: 'name',
  node: 'node',
  tag: 'tags',
  tags: 'tags',
  type: 'type',
  status: 'status',
  vmid: 'vmid',
  id: 'vmid',
  instance: 'instance',
  cluster: 'instance',
  pool: 'pool',
};

/** Every metric and field name the language knows, for help text and suggestions. */
export const KNOWN_METRICS = Object.keys(METRIC_UNITS) as Metric[];
export const KNOWN_FIELDS = [...new Set(Object.values(TEXT_ALIASES))];

const OPERATORS: readonly Comparison[] = ['>=', '<=', '!=', '>', '<', '='];
const OPERATOR_CHARS = /[<>=!]/;

/** Bytes per second of each rate unit; a bare number is MB/s, the unit the table shows most. */
const RATE_FACTORS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
  '': 1e6,
};

/** Seconds of each duration unit; a bare number is days (`backup>7`, `uptime<1`). */
const DURATION_FACTORS: Record<string, number> = {
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  '': 86_400,
};

/** Splits on spaces and commas outside double quotes; `cpu > 80` stays one token. */
export function tokenize(input: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of input) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ' ' || char === ',' || char === '\t')) {
      if (current) pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) pieces.push(current);
  return joinOperators(pieces);
}

function joinOperators(pieces: string[]): string[] {
  const tokens: string[] = [];
  for (const piece of pieces) {
    const previous = tokens[tokens.length - 1];
    const previousOpen = previous !== undefined && OPERATOR_CHARS.test(previous.slice(-1));
    const startsWithOperator = /^[<>]|^!?=/.test(piece);
    if (previous !== undefined && (previousOpen || startsWithOperator)) {
      tokens[tokens.length - 1] = previous + piece;
    } else {
      tokens.push(piece);
    }
  }
  return tokens;
}

export function parseSearchQuery(input: string): ParsedQuery {
  const alternatives: Clause[][] = [[]];
  const problems: QueryProblem[] = [];

  for (const token of tokenize(input)) {
    const upper = token.toUpperCase();
    if (upper === 'OR' || token === '|' || token === '||') {
      alternatives.push([]);
      continue;
    }
    if (upper === 'AND' || token === '&&') continue;

    const clause = parseClause(token);
    if ('message' in clause) problems.push(clause);
    else alternatives[alternatives.length - 1]?.push(clause);
  }

  return { query: { alternatives: alternatives.filter((list) => list.length > 0) }, problems };
}

function parseClause(token: string): Clause | QueryProblem {
  const negated = /^[-!][^=]/.test(token);
  const body = negated ? token.slice(1) : token;

  const term = parseTerm(body);
  if (typeof term === 'string') return { token, message: term };
  return { term, negated };
}

/** A term, or why it is not one. */
function parseTerm(body: string): Term | string {
  const comparison = /^([a-z]+)(>=|<=|!=|==|>|<|=)(.*)$/i.exec(body);
  if (comparison) {
    const [, name = '', op = '', raw = ''] = comparison;
    return parseMetric(name, op === '==' ? '=' : (op as Comparison), raw);
  }

  const field = /^([a-z]+):(.*)$/i.exec(body);
  if (field) {
    const [, name = '', raw = ''] = field;
    return parseField(name, raw);
  }

  const value = unquote(body).toLowerCase();
  return value ? { kind: 'text', value } : 'empty search term';
}

function parseMetric(name: string, op: Comparison, raw: string): Term | string {
  const metric = METRIC_ALIASES[name.toLowerCase()];
  if (!metric) return `unknown metric "${name}"; known: ${KNOWN_METRICS.join(', ')}`;
  if (!OPERATORS.includes(op)) return `unknown comparison "${op}"`;

  const value = parseValue(raw, METRIC_UNITS[metric]);
  if (value === undefined) return `"${raw}" is not a value for ${metric}`;
  return { kind: 'metric', metric, op, value };
}

function parseField(name: string, raw: string): Term | string {
  const field = TEXT_ALIASES[name.toLowerCase()];
  if (!field) return `unknown field "${name}"; known: ${KNOWN_FIELDS.join(', ')}`;

  const values = unquote(raw)
    .toLowerCase()
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
  if (values.length === 0) return `${field}: needs a value`;
  return { kind: 'field', field, values };
}

/** `"web 01"` → `web 01`; an unclosed quote runs to the end, as the user is still typing. */
function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  return text.length > 1 && text.endsWith('"') ? text.slice(1, -1) : text.slice(1);
}

function parseValue(raw: string, unit: Unit): number | undefined {
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z%]*)(?:\/s)?$/i.exec(raw.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = (match[2] ?? '').toLowerCase();

  if (unit === 'percent') return suffix === '' || suffix === '%' ? number : undefined;
  if (unit === 'count') return suffix === '' ? number : undefined;
  const factors = unit === 'rate' ? RATE_FACTORS : DURATION_FACTORS;
  const factor = factors[suffix];
  return factor === undefined ? undefined : number * factor;
}

/** A fast predicate for one query; `now` (epoch ms) dates backup ages. */
export function compileSearchQuery(query: SearchQuery, now: number): (guest: Guest) => boolean {
  if (query.alternatives.length === 0) return () => true;
  const tests = query.alternatives.map((clauses) => clauses.map((c) => clauseTest(c, now)));
  return (guest) => tests.some((all) => all.every((test) => test(guest)));
}

function clauseTest(clause: Clause, now: number): (guest: Guest) => boolean {
  const test = termTest(clause.term, now);
  return clause.negated ? (guest) => !test(guest) : test;
}

function termTest(term: Term, now: number): (guest: Guest) => boolean {
  switch (term.kind) {
    case 'text':
      return (guest) => textHaystack(guest).includes(term.value);
    case 'field':
      return (guest) => term.values.some((value) => fieldMatches(guest, term.field, value));
    case 'metric':
      return (guest) => {
        const actual = metricValue(guest, term.metric, now);
        return actual !== undefined && compare(actual, term.op, term.value, term.metric);
      };
  }
}

function textHaystack(guest: Guest): string {
  return `${guest.name} ${guest.node} ${guest.vmid} ${(guest.tags ?? []).join(' ')}`.toLowerCase();
}

function fieldMatches(guest: Guest, field: TextField, value: string): boolean {
  switch (field) {
    case 'tags':
      return (guest.tags ?? []).some((tag) => tag.toLowerCase().includes(value));
    case 'type':
      return guestTypeWords(guest).includes(value);
    case 'vmid':
      return String(guest.vmid) === value;
    case 'pool':
      return (guest.pool ?? '').toLowerCase().includes(value);
    default:
      return guest[field].toLowerCase().includes(value);
  }
}

function guestTypeWords(guest: Guest): string[] {
  return guest.type === 'qemu' ? ['qemu', 'vm'] : ['lxc', 'ct', 'container'];
}

/** The number a metric compares, in the unit its values are parsed to. */
export function metricValue(guest: Guest, metric: Metric, now: number): number | undefined {
  switch (metric) {
    case 'cpu':
      return guest.cpu * 100;
    case 'memory':
      return guest.memory.total > 0 ? guest.memory.usage : undefined;
    case 'disk':
      return knownDiskUsage(guest);
    case 'diskread':
      return guest.diskRead;
    case 'diskwrite':
      return guest.diskWrite;
    case 'netin':
      return guest.networkIn;
    case 'netout':
      return guest.networkOut;
    case 'uptime':
      return guest.uptime;
    case 'vmid':
      return guest.vmid;
    case 'cores':
      return guest.cpus;
    case 'backup':
      return guest.lastBackup ? (now - Date.parse(guest.lastBackup)) / 1000 : undefined;
  }
}

function compare(actual: number, op: Comparison, expected: number, metric: Metric): boolean {
  // Percentages show rounded, so `cpu=50` means "shows as 50%".
  const equal =
    METRIC_UNITS[metric] === 'percent' ? Math.abs(actual - expected) < 0.5 : actual === expected;
  switch (op) {
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '=':
      return equal;
    case '!=':
      return !equal;
  }
}
