/** Writes pipeline.config.schema.json (editors complete pipeline.config.json with it). */
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../src/lib/ingest/config-json-schema.ts';
import { scriptArgs, writeFileAtomic } from './lib/io.ts';

const USAGE = 'usage: npm run config-schema   (writes pipeline.config.schema.json from the config schema; no options)';
scriptArgs('config-schema', process.argv.slice(2), {}, USAGE);
writeFileAtomic(CONFIG_SCHEMA_FILE, configJsonSchema());
process.stderr.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
