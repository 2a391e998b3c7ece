/**
 * Shape checks for reading a filter data file (decode-filter-data.ts,
 * filter-config.ts): each throws `FilterDataError` naming what is wrong.
 */
import { FilterDataError } from './filter-data.ts';

export function fail(what: string): never {
  throw new FilterDataError(what);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function list<T>(v: unknown, what: string, n: number | null, ok: (x: unknown) => boolean): T[] {
  if (!Array.isArray(v) || (n !== null && v.length !== n)) fail(`${what}: expected ${n ?? 'a'} list`);
  for (const x of v) if (!ok(x)) fail(`${what}: unexpected value ${JSON.stringify(x)?.slice(0, 40)}`);
  return v as T[];
}

export const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
export const isNumOrNull = (x: unknown) => x === null || isNum(x);
export const isStr = (x: unknown) => typeof x === 'string';
