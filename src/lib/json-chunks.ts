/**
 * `JSON.stringify(value, null, 2)` as a series of pieces, so a large
 * document (metrics.json of a million deals is 45 MB) is written without
 * ever being one string: the pieces joined are byte-for-byte that text.
 *
 * Plain arrays and objects down to `depth` are walked here; anything deeper
 * (and anything with `toJSON`) is left to JSON.stringify, its lines moved
 * right to where it sits. Values JSON.stringify leaves out (undefined,
 * functions, symbols) are left out of objects and written `null` in arrays,
 * as it does.
 */

const INDENT = '  ';

/** Pieces of about `chunkChars` characters or more (one small value may make a piece longer). */
export function* jsonChunks(value: unknown, depth = 2, chunkChars = 1 << 20): Generator<string> {
  let pending = '';
  for (const piece of pieces(value, '', depth)) {
    pending += piece;
    if (pending.length >= chunkChars) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n`;
}

function isWalkable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The text of `value` placed at indentation `at`, or undefined where JSON.stringify gives none. */
function leaf(value: unknown, at: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || at === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${at}`);
}

function* pieces(value: unknown, at: string, depth: number): Generator<string> {
  if (depth <= 0 || !isWalkable(value)) {
    yield leaf(value, at) ?? 'null';
    return;
  }
  const inner = at + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      yield* pieces(value[i], inner, depth - 1);
    }
    yield `\n${at}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(v, inner, depth - 1);
  }
  yield first ? '{}' : `\n${at}}`;
}
