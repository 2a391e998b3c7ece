/** The build's command line (scripts/build.ts): its options, its usage, and where they put the data, the output and the reports. */
import { resolve } from 'node:path';
import type { CliIO } from './cli.ts';
import { configOption, type ConfigSource, sameFile } from './config-option.ts';
import { type Args, optionalString } from './io.ts';
import { type FileArg, PUBLISH_ARGS, PUBLISH_USAGE, reportOptions, STDOUT } from './publish.ts';
import { REDACT_ARGS, REDACT_USAGE } from './redact-args.ts';
import type { StoppedReports } from './report-files.ts';

// Modules only some builds need are loaded when needed: every build pays for loading what it imports.
export const formats = async () => (await import('../../src/lib/ingest/vendor/registry.ts')).FORMATS;
export const usage = async () =>
  `usage: npm run build -- [--data <folder>] [--config <file>] [--lang en|ko] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--max-filter-mb N] [--cache <folder> | --no-cache] [--format ${(await formats()).join('|')}] [--pipeline <name>] [--quiet] [--timings] [--extract-only] ${REDACT_USAGE} ${PUBLISH_USAGE}`;

export const ARGS = {
  data: 'value',
  config: 'value',
  lang: 'value',
  'as-of': 'value',
  out: 'value',
  'max-account-pages': 'value',
  'max-filter-mb': 'value',
  cache: 'value',
  'no-cache': 'flag',
  quiet: 'flag',
  timings: 'flag',
  'extract-only': 'flag',
  format: 'value',
  pipeline: 'value',
  help: 'flag',
  ...REDACT_ARGS,
  ...PUBLISH_ARGS,
} as const;

/**
 * Where the arguments put the data, the output, the config and the reports, and the reports a build that stops
 * writes (none over the config). Read before the other options: a build any of them stops says so there too.
 */
export function reportPlaces(args: Args, io: CliIO) {
  const dataDir = resolve(io.cwd, optionalString(args.data) ?? 'data/sample');
  const outDir = resolve(io.cwd, optionalString(args.out) ?? 'dist');
  const configFile = configOption(args.config, io.cwd);
  const configSource: ConfigSource = { dataDir, file: configFile };
  const reportArgs = reportOptions(args, io.cwd, outDir, dataDir);
  // A report written over the config would lose it: never written (the paths are compared as given and as the links lead), and refused later.
  const isConfig = (file: FileArg) => configFile !== undefined && file.path !== STDOUT && sameFile(io.fs, file.path, configFile.path);
  const reports = [reportArgs.summary, reportArgs.digest].filter((file) => file !== null);
  const stopped: StoppedReports | null = reports.length > 0 && !reports.some(isConfig) ? { reports, config: configSource } : null;
  return { dataDir, outDir, configFile, configSource, reportArgs, isConfig, stopped };
}
