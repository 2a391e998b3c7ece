/** The JSON Schema of pipeline.config.json, generated from the zod schema so the two never drift. */
import { z } from 'zod';
import { configSchema } from './config.ts';

export const CONFIG_SCHEMA_FILE = 'pipeline.config.schema.json';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Pipescope pipeline.config.json' }, null, 2)}\n`;
}
