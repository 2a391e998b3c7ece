/** metrics.json text: validated by its schema, stable key order, byte-identical for equal inputs. */
import { jsonChunks } from '../json-chunks.ts';
import { metricsSchema, type Metrics } from './schema.ts';

export class MetricsSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsSchemaError';
  }
}

/** Throws MetricsSchemaError when `metrics` fails its schema: an engine bug, never bad input. */
function validate(metrics: Metrics): void {
  const result = metricsSchema.safeParse(metrics);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new MetricsSchemaError(`metrics.json failed its schema at ${first.path.join('.') || '(top)'}: ${first.message}`);
  }
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
