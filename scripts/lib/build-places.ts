/**
 * Where the build writes, checked before anything is read (scripts/build.ts): the config outside --out, the build
 * cache apart from the data and the output, an --out the build may replace, Pipescope's public folder, what a build
 * stopped outright left beside --out.
 */
import { join, resolve } from 'node:path';
import { type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import type { RedactOptions } from '../../src/lib/ingest/redact.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
import type { BuildDeps } from './build-deps.ts';
import type { CliIO } from './cli.ts';
import { checkConfigFile, type ConfigFile, type ConfigSource, replacedConfigNotice } from './config-option.ts';
import { recoverInterruptedSwap } from './interrupted-swap.ts';
import { type Args, optionalString, UsageError } from './io.ts';
import { checkOutDir, isRedactedOutput, isWithin, type OutState, processRunning, type ProtectedFolder, removeStaleStaging } from './out-dir.ts';
import { PROJECT_ROOT } from './project.ts';
import { checkPublicFolder } from './public-folder.ts';

/** What the build knows of its run by then. */
export interface PlacesRequest {
  io: CliIO;
  deps: BuildDeps;
  args: Args;
  dataDir: string;
  outDir: string;
  outArg: string;
  configFile: ConfigFile | undefined;
  configSource: ConfigSource;
  extractOnly: boolean;
  redaction: RedactOptions | undefined;
  shown: (path: string) => string;
  log: (line: string) => unknown;
  locale: () => Promise<Locale>;
  sayIn: (m: CliMessage) => Promise<string>;
}

/** The build cache's folder (none with --no-cache), the folders --out may not be, and --out's state; throws UsageError when a place is refused. */
export async function checkPlaces({ io, deps, args, dataDir, outDir, outArg, configFile, configSource, extractOnly, redaction, shown, log, locale, sayIn }: PlacesRequest): Promise<{
  cacheArg: string | undefined;
  cacheDir: string | undefined;
  protectedFolders: ProtectedFolder[];
  outState: OutState;
}> {
  if (configFile && isWithin(configFile.path, outDir)) throw new UsageError(msg('config_inside_out', { config: configFile.name }));
  checkConfigFile(configFile, io.fs);
  await replacedConfigNotice('build', configSource, io, locale);
  const cacheArg = optionalString(args.cache);
  const cacheDir = extractOnly || args['no-cache'] === true ? undefined : cacheArg !== undefined ? resolve(io.cwd, cacheArg) : deps.buildCacheDir;
  if (cacheDir !== undefined && (isWithin(cacheDir, dataDir) || isWithin(dataDir, cacheDir) || isWithin(outDir, cacheDir))) {
    throw new UsageError(msg('cache_overlaps', { cache: shown(cacheDir) }));
  }
  const protectedFolders: ProtectedFolder[] = [
    { path: dataDir, what: 'data' },
    { path: PROJECT_ROOT, what: 'project' },
    // Nor inside it: Astro copies its files into every output.
    { path: join(PROJECT_ROOT, 'public'), what: 'public', notInside: true },
    { path: io.cwd, what: 'cwd' },
    { path: deps.cacheDir, what: 'cache' },
    ...(cacheDir === undefined ? [] : [{ path: cacheDir, what: 'buildCache' as const }]),
  ];
  // Before reading anything: an --out the build may not replace is refused up front.
  let outState = checkOutDir(io.fs, outDir, protectedFolders, outArg);
  // And a file in Pipescope's own public folder where the build writes one of its own (Astro would skip the page, or the build fail).
  if (!extractOnly) checkPublicFolder(io.fs, deps.publicDir ?? join(PROJECT_ROOT, 'public'), shown(deps.publicDir ?? join(PROJECT_ROOT, 'public')));
  // A build stopped outright while swapping in its output: --out put back (else this build would start it anew, without what was added to it), its swap finished.
  const isRunning = deps.isRunning ?? processRunning;
  const recovery = recoverInterruptedSwap(io.fs, outDir, { isRunning, now: io.now(), show: shown });
  for (const line of recovery.said) {
    if (line.level === 'log') log(`build: ${line.in(await locale())}`);
    else io.stderr.write(`build: ${line.level === 'warning' ? `${await sayIn(msg('warning'))}: ` : ''}${line.in(await locale())}\n`);
  }
  if (recovery.restored) outState = checkOutDir(io.fs, outDir, protectedFolders, outArg);
  // A redacted output is shared outside: a build with the real names never replaces it.
  if (!redaction && !extractOnly && outState === 'previous' && isRedactedOutput(io.fs, outDir)) throw new UsageError(msg('out_redacted', { out: outArg }));
  const stale = removeStaleStaging(io.fs, outDir, io.now(), isRunning);
  if (stale.length > 0) log(`build: ${await sayIn(msg('stale_removed', { out: outArg, names: stale }))}`);
  return { cacheArg, cacheDir, protectedFolders, outState };
}
