/**
 * `JSON.stringify(value, null, 2)` as a series of pieces, so a large
 * document (metrics.json of a million deals is 45 MB) is written without
 * ever being one string: the pieces joined are byte-for-byte that text.
 *
 * Plain arrays and objects down to `depth` are walked here; anything deeper
 * (and anything with `toJSON`) is left to JSON.stringify, its lines moved
 * right to where it sits; except that an array where the walk ends is still
 * cut into batches of its elements, so that a list of any length in a walked
 * object (metrics.json's issues, one per rejected row, sit a level deeper
 * than its other lists) never becomes one string. Values JSON.stringify leaves out (undefined,
 * functions, symbols) are left out of objects and written `null` in arrays,
 * as it does.
 */

const INDENT = '  ';
/** The most elements of an array of leaves stringified in one call (`leafBatches`). */
const MAX_LEAF_BATCH = 4096;

/**
 * Pieces of `chunkChars` characters or more: up to about a quarter more (a batch of an array's
 * elements, `leafBatches`), or one large value more. Small by default: a piece of 32K characters stays
 * among V8's small objects, where one of 1M (and each batch of 256K) was a large object in memory of its
 * own, touched for the first time, and joined from smaller ones (4.5 MB of metrics.json written in 22-28
 * ms instead of 59-77).
 */
export function* jsonChunks(value: unknown, depth = 2, chunkChars = 1 << 15): Generator<string> {
  let pending = '';
  for (const piece of pieces(value, '', depth, chunkChars >> 2)) {
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
  if (at === '') return JSON.stringify(value, null, 2) as string | undefined;
  // Nested in as many arrays as `at` has levels, the value is stringified at its own indentation: a second
  // pass over its text to indent every line took as long as the stringifying (~90 ms of 45 MB at a million deals).
  const levels = at.length / INDENT.length;
  let wrapped = value;
  for (let k = 0; k < levels; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Opened: "[\n", then "  [\n", ... (level j indented j times), then the value's own indentation; closed in turn.
  const opened = levels * levels + 3 * levels;
  const closed = levels * levels + levels;
  const inner = text.slice(opened, text.length - closed);
  // An array writes undefined (and functions, symbols) as null where JSON.stringify of the value itself gives none.
  return inner === 'null' && value !== null ? (JSON.stringify(value) as string | undefined) : inner;
}

function* pieces(value: unknown, at: string, depth: number, batchChars: number): Generator<string> {
  if (!isWalkable(value) || (depth <= 0 && !Array.isArray(value))) {
    yield leaf(value, at) ?? 'null';
    return;
  }
  const inner = at + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    if (depth <= 1) {
      yield* leafBatches(value, at, batchChars);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      yield* pieces(value[i], inner, depth - 1, batchChars);
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
    yield* pieces(v, inner, depth - 1, batchChars);
  }
  yield first ? '{}' : `\n${at}}`;
}

/**
 * An array whose elements are all leaves (`depth` ends at them), a batch of them per JSON.stringify: the
 * same text as one `leaf` per element (a million-deal metrics.json has arrays of 170,000 rows), at the
 * cost of the native call instead of a generator step and a call per element. A batch holds about
 * `batchChars` characters, by the elements' length so far (the first batch is one element).
 */
function* leafBatches(array: readonly unknown[], at: string, batchChars: number): Generator<string> {
  // The batch's own text ends with "\n" + at + "]" once placed at `at`.
  const close = at.length + 2;
  let chars = 0;
  let batch = 1;
  for (let i = 0; i < array.length; i += batch) {
    if (i > 0) batch = Math.max(1, Math.min(MAX_LEAF_BATCH, Math.floor(batchChars / (chars / i))));
    const placed = leaf(array.slice(i, i + batch), at)!;
    // "[" then "\n<inner>e,\n<inner>e": the first batch keeps its "[", a later one follows a comma.
    const elements = placed.slice(1, placed.length - close);
    chars += elements.length;
    yield (i === 0 ? '[' : ',') + elements;
  }
  yield `\n${at}]`;
}
