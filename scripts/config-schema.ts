/** Writes pipeline.config.schema.json (editors complete pipeline.config.json with it). */
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../src/lib/ingest/config-json-schema.ts';
import { writeFileAtomic } from './lib/io.ts';

writeFileAtomic(CONFIG_SCHEMA_FILE, configJsonSchema());
process.stderr.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
