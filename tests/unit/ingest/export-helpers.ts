/** Helpers for the vendor adapter tests: in-memory exports, and metrics of a fixture folder. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, type Config, type ConfigInput } from '../../../src/lib/ingest/config.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { type ExportFile, loadExports, type LoadExportsOptions } from '../../../src/lib/ingest/vendor/load.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';

export const EXPORTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'exports');

/** A HubSpot deals export's name, and a config of its default pipeline's stages (USD, UTC), for export tests. */
export const HUBSPOT_FILE = 'hubspot-crm-exports-all-deals-2025-06-30.csv';
export const HUBSPOT_CONFIG = {
  currency: 'USD',
  timezone: 'UTC',
  stages: [
    { id: 'appointment', kind: 'open', label: { en: 'Appointment Scheduled' } },
    { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
    { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
  ],
};

export const exportFile = (path: string, text: string): ExportFile => ({ path, source: byteSource(new TextEncoder().encode(text)) });

/** A CSV text with every cell quoted, as HubSpot writes it. */
export function quotedCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n';
}

/** `config`: a parsed Config, or the JSON a user would write (validated here). */
export function load(files: ExportFile[], config: Config | ConfigInput | object, options: LoadExportsOptions = {}): Dataset {
  const parsed = 'openStages' in config ? (config as Config) : parseConfig(config);
  return loadExports(files, parsed, options);
}

/** metrics.json of a folder as an object, without the keys that name the input files. */
export async function folderMetrics(folder: string, asOf: string, options: { format?: string; pipeline?: string } = {}): Promise<Record<string, unknown>> {
  const { dataset, config } = await readFolder(folder, options);
  const { generated_from: _g, data_quality: _d, ...rest } = computeMetrics(dataset, config, asOf) as unknown as Record<string, unknown>;
  return rest;
}
