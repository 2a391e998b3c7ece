/** metrics.json text: validated by its schema, stable key order, byte-identical for equal inputs. */
import { metricsSchema, type Metrics } from './schema.ts';

export class MetricsSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsSchemaError';
  }
}

/** Validate against the schema (a failure is an engine bug, never bad input) and serialise. */
export function serializeMetrics(metrics: Metrics): string {
  const result = metricsSchema.safeParse(metrics);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new MetricsSchemaError(`metrics.json failed its schema at ${first.path.join('.') || '(top)'}: ${first.message}`);
  }
  return `${JSON.stringify(metrics, null, 2)}\n`;
}

/** Parse and validate metrics.json text (the site's read side). */
export function parseMetrics(text: string): Metrics {
  return metricsSchema.parse(JSON.parse(text));
}
