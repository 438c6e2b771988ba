import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The reference data beside the repository (`../shared/proxmox-reference`). */
export const REFERENCE_DIR = resolve(
  import.meta.dirname,
  '../../../../../shared/proxmox-reference',
);

/**
 * The reference data is not part of the repository. A clone on its own skips the suites
 * that need it, saying so; CI, which always has it, fails instead of skipping.
 */
export const MISSING_REFERENCE = !existsSync(REFERENCE_DIR) && process.env.CI !== 'true';
if (MISSING_REFERENCE) {
  console.warn(`skipping the conformance suites: no Proxmox reference data at ${REFERENCE_DIR}`);
}

/** One node of Proxmox's schema dialect (types, optional, properties, items, enum, ...). */
export interface SchemaNode {
  type?: string;
  optional?: number | boolean;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: number | boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

interface MethodInfo {
  returns?: SchemaNode;
}

type PathIndex = Record<string, Record<string, MethodInfo>>;

export type SchemaVersion = 'pve7.4' | 'pve8.4' | 'pve9.1' | 'pbs3.4' | 'pbs4.x';

const cache = new Map<string, unknown>();

function readJson(file: string): unknown {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return cache.get(file);
}

interface TreeNode {
  path: string;
  info?: Record<string, MethodInfo>;
  children?: TreeNode[];
}

function indexTree(nodes: TreeNode[], into: PathIndex): PathIndex {
  for (const node of nodes) {
    if (node.info) into[node.path] = node.info;
    indexTree(node.children ?? [], into);
  }
  return into;
}

function fullSchema(version: SchemaVersion): PathIndex {
  const product = version.slice(0, 3);
  const key = `full:${version}`;
  if (!cache.has(key)) {
    const tree = readJson(
      join(REFERENCE_DIR, `${product}-schema`, `${version}-apidata.json`),
    ) as TreeNode[];
    cache.set(key, indexTree(tree, {}));
  }
  return cache.get(key) as PathIndex;
}

/**
 * The `returns` schema of a path and method. The small endpoints-of-interest file is read
 * first; the multi-megabyte full schema only for paths it lacks.
 */
export function returnsOf(
  version: SchemaVersion,
  path: string,
  method = 'GET',
): SchemaNode | undefined {
  const product = version.slice(0, 3);
  const subset = readJson(
    join(REFERENCE_DIR, `${product}-schema`, 'endpoints-of-interest.json'),
  ) as Record<string, PathIndex>;
  const info = subset[version]?.[path] ?? fullSchema(version)[path];
  if (!info?.[method]) throw new Error(`${version} schema has no ${method} ${path}`);
  return info[method]!.returns;
}

/** Proxmox patterns are Perl/PCRE; PBS wraps them in slashes. This makes JavaScript of them. */
export function toRegExp(pattern: string, pbs: boolean): RegExp | undefined {
  let source = pbs ? pattern.replace(/^\//, '').replace(/\/$/, '') : pattern;
  source = source
    .replaceAll('[[:^cntrl:]]', '[^\\x00-\\x1f\\x7f]')
    .replaceAll('[:cntrl:]', '\\x00-\\x1f\\x7f')
    .replaceAll('(?P<', '(?<')
    .replaceAll('(?^:', '(?:')
    .replace(/\{,(\d+)\}/g, '{0,$1}');
  try {
    return new RegExp(pbs ? source : `^(?:${source})$`);
  } catch {
    return undefined;
  }
}

export interface Tolerance {
  /** A dotted path pattern (`[]` for array items) where a different type is accepted. */
  at: string;
  accept: (value: unknown) => boolean;
  why: string;
}

export interface ValidateOptions {
  product: 'pve' | 'pbs';
  tolerate?: Tolerance[];
}

function isInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value);
}

function typeOk(type: string, value: unknown, product: 'pve' | 'pbs'): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    // PVE sends its own booleans as 0/1 (the captures show it); PBS sends true/false.
    case 'boolean':
      return product === 'pve' ? value === 0 || value === 1 : typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Validates a value against a Proxmox schema node; returns every violation found. */
export function validate(
  schema: SchemaNode | undefined,
  value: unknown,
  options: ValidateOptions,
  path = 'data',
): string[] {
  if (!schema) return [];
  const generic = path.replace(/\[\d+\]/g, '[]');
  const tolerated = options.tolerate?.find((t) => t.at === generic);
  if (tolerated?.accept(value)) return [];
  if (schema.type && !typeOk(schema.type, value, options.product)) {
    return [`${path}: expected ${schema.type}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  }
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in enum ${schema.enum.join(',')}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(`${path}: ${value} below minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push(`${path}: ${value} above maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') errors.push(...checkString(schema, value, options, path));
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries())
      errors.push(...validate(schema.items, item, options, `${path}[${i}]`));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null)
    errors.push(...checkObject(schema, value as Record<string, unknown>, options, path));
  return errors;
}

function checkString(
  schema: SchemaNode,
  value: string,
  options: ValidateOptions,
  path: string,
): string[] {
  const errors: string[] = [];
  if (schema.minLength !== undefined && value.length < schema.minLength)
    errors.push(`${path}: shorter than ${schema.minLength}`);
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    errors.push(`${path}: longer than ${schema.maxLength}`);
  const pattern = schema.pattern ? toRegExp(schema.pattern, options.product === 'pbs') : undefined;
  if (pattern && !pattern.test(value))
    errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  return errors;
}

function checkObject(
  schema: SchemaNode,
  value: Record<string, unknown>,
  options: ValidateOptions,
  path: string,
): string[] {
  const errors: string[] = [];
  const properties = schema.properties ?? {};
  for (const [key, sub] of Object.entries(properties)) {
    if (value[key] === undefined) {
      if (!sub.optional) errors.push(`${path}.${key}: required but missing`);
      continue;
    }
    errors.push(...validate(sub, value[key], options, `${path}.${key}`));
  }
  const closed = schema.additionalProperties === 0 || schema.additionalProperties === false;
  if (closed && schema.properties) {
    for (const key of Object.keys(value))
      if (!(key in properties)) errors.push(`${path}.${key}: not allowed by the schema`);
  }
  return errors;
}
