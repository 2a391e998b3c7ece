/**
 * A quick yes from a zod schema. `quickCheck(schema)` is a function, generated once from the schema's
 * definition, that says true only for values the schema accepts; for anything else, and for whatever it
 * is unsure of (an object with a prototype of its own, a key a strict object does not list), it says
 * false, and the caller asks zod, which keeps the last word and words the message. It knows strict
 * objects, arrays, records with string keys, strings with patterns, numbers and integers with bounds,
 * enums, literals, unions and nullable values: `quickCheck` is null for a schema with anything else in it
 * (a refinement, a transform, an optional key), and where code cannot be generated.
 *
 * Why: metrics.json is checked against its schema before it is written. zod took 50-90 ms for that at
 * 100,000 deals, nearly all of it the first run of its general code over 20,000 rows; a function written
 * for this one schema takes 10-15 ms the first time (docs/performance.md, forty-second round).
 */
import type { z } from 'zod';
import { fromSource } from './generated-code.ts';

export type QuickCheck = (value: unknown) => boolean;

/** What this reads of a zod schema's definition (zod 4's `_zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: unknown;
  value?: unknown;
  inclusive?: boolean;
}

class Unsupported extends Error {}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const made = new WeakMap<z.ZodType, QuickCheck | null>();

/** The quick check of `schema` (made on first use, then kept), or null when there is none. */
export function quickCheck(schema: z.ZodType): QuickCheck | null {
  let check = made.get(schema);
  if (check === undefined) made.set(schema, (check = generate(schema)));
  return check;
}

function generate(schema: z.ZodType): QuickCheck | null {
  const writer = new Writer();
  let body: string;
  try {
    body = writer.test(schema, 'value');
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const source = `'use strict';\n${PLAIN}\n${writer.functions.join('\n')}\nreturn (value) => ${body};`;
  // The constants (patterns, sets of enum values) are passed in, never written into the source; null: zod alone.
  return fromSource<QuickCheck>(['k'], source, [writer.constants]);
}

/** A plain object: what zod's objects and records read; anything else is left to zod. */
const PLAIN = `const enumerable = Object.prototype.propertyIsEnumerable;
function plain(o) {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}`;

/** Writes the source of a check: an expression per schema, a function per object, array and record. */
class Writer {
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];

  private constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }

  private fn(params: string, body: string): string {
    const name = `f${this.functions.length}`;
    this.functions.push(`function ${name}(${params}) {\n${body}\n}`);
    return name;
  }

  /** An expression, true when `v` (a plain variable name) passes `schema`. */
  test(schema: z.ZodType, v: string): string {
    const def = defOf(schema);
    if (def.type !== 'string' && def.type !== 'number' && (def.checks?.length ?? 0) > 0) throw new Unsupported();
    switch (def.type) {
      case 'string':
        return this.string(def, v);
      case 'number':
        return this.number(def, v);
      case 'enum': {
        // Text values, each its own key (z.enum of strings): a native enum's reverse keys are not values.
        const entries = Object.entries(def.entries ?? {});
        if (entries.length === 0 || !entries.every(([key, value]) => key === value)) throw new Unsupported();
        return `${this.constant(new Set(entries.map(([, value]) => value)))}.has(${v})`;
      }
      case 'literal': {
        const values = def.values ?? [];
        if (values.length === 0 || !values.every((x) => x === null || ['string', 'boolean'].includes(typeof x) || (typeof x === 'number' && Number.isFinite(x)))) {
          throw new Unsupported();
        }
        return `(${values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ')})`;
      }
      case 'nullable':
        return `(${v} === null || ${this.test(def.innerType!, v)})`;
      case 'union':
        return `(${def.options!.map((option) => this.test(option, v)).join(' || ')})`;
      case 'array':
        return `${this.fn('a', `if (!Array.isArray(a)) return false;\nfor (let i = 0; i < a.length; i++) { const x = a[i]; if (!${this.test(def.element!, 'x')}) return false; }\nreturn true;`)}(${v})`;
      case 'record': {
        if (defOf(def.keyType!).type !== 'string') throw new Unsupported();
        const key = this.test(def.keyType!, 'key');
        const value = this.test(def.valueType!, 'x');
        const each = `for (const key of Object.keys(o)) { const x = o[key]; if (!${key} || !${value}) return false; }`;
        return `${this.fn('o', `if (!plain(o) || Object.getOwnPropertySymbols(o).length > 0) return false;\n${each}\nreturn true;`)}(${v})`;
      }
      case 'object':
        return this.object(def, v);
      default:
        throw new Unsupported();
    }
  }

  private string(def: Def, v: string): string {
    if (def.format !== undefined) throw new Unsupported();
    const patterns = (def.checks ?? []).map(({ _zod: { def: c } }) => {
      // A global or sticky pattern remembers where it stopped: not one to test values with.
      if (c.check !== 'string_format' || c.format !== 'regex' || !(c.pattern instanceof RegExp) || c.pattern.global || c.pattern.sticky) throw new Unsupported();
      return ` && ${this.constant(c.pattern)}.test(${v})`;
    });
    return `(typeof ${v} === 'string'${patterns.join('')})`;
  }

  /** zod 4's numbers are finite (it refuses Infinity and NaN); `z.int()` is a number of format safeint. */
  private number(def: Def, v: string): string {
    if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported();
    const bounds = (def.checks ?? []).map(({ _zod: { def: c } }) => {
      if ((c.check !== 'greater_than' && c.check !== 'less_than') || typeof c.value !== 'number' || !Number.isFinite(c.value)) throw new Unsupported();
      const op = c.check === 'greater_than' ? (c.inclusive === true ? '>=' : '>') : c.inclusive === true ? '<=' : '<';
      return ` && ${v} ${op} ${String(c.value)}`;
    });
    return `(typeof ${v} === 'number' && ${def.format === 'safeint' ? 'Number.isSafeInteger' : 'Number.isFinite'}(${v})${bounds.join('')})`;
  }

  /**
   * Only strict objects whose every key is required: then a value with as many enumerable keys as the
   * shape, each of the shape's its own and enumerable, has no other key (another catch-all would let zod
   * accept keys this would have to judge; an optional key would break the count).
   */
  private object(def: Def, v: string): string {
    if (def.catchall === undefined || defOf(def.catchall).type !== 'never') throw new Unsupported();
    const keys = Object.keys(def.shape!);
    const fields = keys.map((key) => {
      const name = JSON.stringify(key);
      return `if (!enumerable.call(o, ${name})) return false;\n{ const x = o[${name}]; if (!${this.test(def.shape![key]!, 'x')}) return false; }`;
    });
    const count = `let own = 0;\nfor (const key in o) own++;\nif (own !== ${keys.length}) return false;`;
    return `${this.fn('o', `if (!plain(o)) return false;\n${count}\n${fields.join('\n')}\nreturn true;`)}(${v})`;
  }
}
