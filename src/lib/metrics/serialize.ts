/** metrics.json text: validated by its schema, stable key order, byte-identical for equal inputs. */
import { z } from 'zod';
import { jsonChunks } from '../json-chunks.ts';
import { quickCheck } from '../quick-check.ts';
import { metricsSchema, type Metrics } from './schema.ts';

export class MetricsSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsSchemaError';
  }
}

/**
 * The lists with a row per deal or per rejected input row (stalled, repurchase, issues) are checked in
 * batches, each against the list's row schema: a parse copies what it checks, and a copy of a batch is
 * garbage at once, where a parse of the whole document held a copy of every row to its end (for a file
 * whose every row is rejected, ten million issues: gigabytes).
 */
const BATCH_ROWS = 4096;
const outline = metricsSchema.extend({
  stalled: z.array(z.unknown()),
  repurchase: z.array(z.unknown()),
  data_quality: metricsSchema.shape.data_quality.extend({ issues: z.array(z.unknown()) }),
});

/**
 * Throws MetricsSchemaError when `metrics` fails its schema: an engine bug, never bad input. A quick
 * check made from the schema says yes to output that passes (quick-check.ts); zod reads anything else.
 */
function validate(metrics: Metrics): void {
  if (quickCheck(metricsSchema)?.(metrics) === true) return;
  check(outline.safeParse(metrics), []);
  const lists: [(string | number)[], readonly unknown[], z.ZodType][] = [
    [['stalled'], metrics.stalled, metricsSchema.shape.stalled],
    [['repurchase'], metrics.repurchase, metricsSchema.shape.repurchase],
    [['data_quality', 'issues'], metrics.data_quality.issues, metricsSchema.shape.data_quality.shape.issues],
  ];
  for (const [path, rows, schema] of lists) {
    for (let from = 0; from < rows.length; from += BATCH_ROWS) check(schema.safeParse(rows.slice(from, from + BATCH_ROWS)), path, from);
  }
}

/** `at`: where the parsed value sits in metrics.json; `offset`: the index in its list of a batch's first row. */
function check(result: z.ZodSafeParseResult<unknown>, at: (string | number)[], offset = 0): void {
  if (result.success) return;
  const first = result.error.issues[0]!;
  const [row, ...rest] = first.path;
  const path = at.length === 0 ? first.path : [...at, (row as number) + offset, ...rest];
  throw new MetricsSchemaError(`metrics.json failed its schema at ${path.join('.') || '(top)'}: ${first.message}`);
}

/** Validate against the schema and serialise. */
export function serializeMetrics(metrics: Metrics): string {
  return [...metricsChunks(metrics)].join('');
}

/**
 * The same text as serializeMetrics, in pieces, validated before the first:
 * at a million deals the text is ~45 MB, and one string of it (plus the
 * bytes written from it) raised the CLI's peak memory by ~190 MB.
 */
export function metricsChunks(metrics: Metrics): Iterable<string> {
  validate(metrics);
  return jsonChunks(metrics);
}

/** Parse and validate metrics.json text (the site's read side). */
export function parseMetrics(text: string): Metrics {
  return metricsSchema.parse(JSON.parse(text));
}
