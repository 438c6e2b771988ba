import { ApiError } from './api-error.ts';

/** How a query parameter is checked: a list of allowed values, or a kind of value. */
export type ParamRule = readonly string[] | 'string' | 'integer' | 'boolean';

export interface Route<C> {
  method: 'GET' | 'POST';
  /** Path below `/api2/json`, with `{name}` placeholders. */
  path: string;
  params?: Record<string, ParamRule>;
  /** Needs no authentication (the login call). */
  public?: boolean;
  handle(ctx: C, args: RouteArgs): unknown | Promise<unknown>;
}

/** A payload with keys beside `data`, such as the `total` of task lists. */
export class Envelope {
  constructor(
    readonly data: unknown,
    readonly extra: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface RouteArgs {
  path: Record<string, string>;
  query: Record<string, string>;
}

interface Compiled<C> {
  route: Route<C>;
  segments: string[];
}

export interface Match<C> {
  route: Route<C>;
  path: Record<string, string>;
}

/** Matches request paths against route templates, segment by segment. */
export class Router<C> {
  private readonly compiled: Compiled<C>[];

  constructor(routes: Route<C>[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/').slice(1) }));
  }

  /** The templates this router serves, for coverage reports. */
  paths(): string[] {
    return this.compiled.map((c) => `${c.route.method} ${c.route.path}`);
  }

  match(method: string, path: string): Match<C> | undefined {
    const parts = path.split('/').slice(1);
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const args = matchSegments(segments, parts);
      if (args) return { route, path: args };
    }
    return undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = decodeURIComponent(parts[i]!);
    if (segment.startsWith('{')) args[segment.slice(1, -1)] = part;
    else if (segment !== part) return undefined;
  }
  return args;
}

const INTEGER = /^-?\d+$/;

/**
 * Checks query parameters as Proxmox does: unknown ones and badly typed ones are refused
 * with 400 and a reason per parameter.
 */
export function checkParams(rules: Record<string, ParamRule>, query: Record<string, string>) {
  const errors: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const rule = rules[name];
    if (!rule) {
      errors[name] =
        'property is not defined in schema and the schema does not allow additional properties';
    } else if (Array.isArray(rule) && !rule.includes(value)) {
      errors[name] =
        `value '${value}' does not have a value in the enumeration '${rule.join(', ')}'`;
    } else if (rule === 'integer' && !INTEGER.test(value)) {
      errors[name] = `type check ('integer') failed - got '${value}'`;
    } else if (rule === 'boolean' && !['0', '1', 'true', 'false'].includes(value)) {
      errors[name] = `type check ('boolean') failed - got '${value}'`;
    }
  }
  if (Object.keys(errors).length > 0) {
    throw new ApiError(400, 'Parameter verification failed.', errors);
  }
}
