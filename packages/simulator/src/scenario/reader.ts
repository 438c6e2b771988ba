/** A scenario file that cannot be used; the message names the file and the field. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

type Json = unknown;

/** Reads fields of parsed JSON, throwing a ScenarioError that names the field's path. */
export class FieldReader {
  constructor(
    readonly value: Json,
    readonly path: string,
  ) {}

  private fail(field: string, expected: string, got: Json): never {
    const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 40);
    throw new ScenarioError(`${this.path}.${field}: expected ${expected}, got ${shown}`);
  }

  private raw(field: string): Json {
    return (this.value as Record<string, Json>)[field];
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  string(field: string, pattern?: RegExp): string {
    const got = this.raw(field);
    if (typeof got !== 'string' || got === '') this.fail(field, 'a non-empty string', got);
    if (pattern && !pattern.test(got)) this.fail(field, `a string matching ${pattern}`, got);
    return got;
  }

  optString(field: string, pattern?: RegExp): string | undefined {
    return this.has(field) ? this.string(field, pattern) : undefined;
  }

  number(field: string, min: number, max: number, integer = false): number {
    const got = this.raw(field);
    const ok = typeof got === 'number' && got >= min && got <= max;
    if (!ok || (integer && !Number.isInteger(got))) {
      this.fail(field, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, got);
    }
    return got as number;
  }

  optNumber(field: string, min: number, max: number, integer = false): number | undefined {
    return this.has(field) ? this.number(field, min, max, integer) : undefined;
  }

  optBoolean(field: string): boolean | undefined {
    const got = this.raw(field);
    if (got === undefined) return undefined;
    if (typeof got !== 'boolean') this.fail(field, 'true or false', got);
    return got;
  }

  oneOf<T extends string | number>(field: string, options: readonly T[]): T {
    const got = this.raw(field);
    if (!options.includes(got as T)) this.fail(field, `one of ${options.join(', ')}`, got);
    return got as T;
  }

  optOneOf<T extends string | number>(field: string, options: readonly T[]): T | undefined {
    return this.has(field) ? this.oneOf(field, options) : undefined;
  }

  strings(field: string): string[] | undefined {
    const got = this.raw(field);
    if (got === undefined) return undefined;
    if (!Array.isArray(got) || got.some((item) => typeof item !== 'string')) {
      this.fail(field, 'an array of strings', got);
    }
    return got as string[];
  }

  /** Readers for each element of an array field (empty when the field is absent). */
  list(field: string): FieldReader[] {
    const got = this.raw(field);
    if (got === undefined) return [];
    if (!Array.isArray(got)) this.fail(field, 'an array', got);
    return got.map((item, i) => {
      const path = `${this.path}.${field}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new ScenarioError(`${path}: expected an object, got ${JSON.stringify(item)}`);
      }
      return new FieldReader(item, path);
    });
  }

  /** Rejects fields the format does not know, which are usually typos. */
  only(fields: readonly string[]): this {
    for (const key of Object.keys(this.value as object)) {
      if (!fields.includes(key)) {
        throw new ScenarioError(`${this.path}.${key}: unknown field (known: ${fields.join(', ')})`);
      }
    }
    return this;
  }
}
