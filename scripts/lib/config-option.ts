/**
 * `--config <file>`: the config read instead of the data folder's
 * pipeline.config.json, for teams who keep it in version control while the
 * CRM exports land in a new folder each day. Checked before anything else is
 * read (a missing or unreadable file: exit 1, one line naming it); the other
 * readers of the config (the default as-of date, the reports' language, the
 * redaction band, the cache key) read the same file through `configBytes`.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME as CONFIG_FILE, entriesByName } from '../../src/lib/ingest/file-names.ts';
import type { ConfigFile } from '../../src/lib/ingest/read-folder.ts';
import { isLocale, type Locale, LOCALES } from '../../src/lib/i18n/locales.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import { type CliFs, type CliIO, isErrnoError, readdirQuietly } from './cli.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';

export type { ConfigFile };

/** Where a run's config comes from: `--config`, else the data folder. */
export interface ConfigSource {
  dataDir: string;
  file: ConfigFile | undefined;
}

const WHY: Record<string, string> = {
  ENOENT: 'the file does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder; give the config file in it',
};

/** `--lang en|ko`: the language of the lines about the data on stderr (undefined: the config's `locale`). */
export function langOption(value: string | true | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isLocale(value)) throw new UsageError(msg('one_of', { name: 'lang', choices: LOCALES, value: String(value) }));
  return value;
}

/** `--config`'s file (undefined when not given); relative paths are read from the working folder. */
export function configOption(value: string | true | undefined, cwd: string): ConfigFile | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(msg('config_needs_file'));
  return { path: resolve(cwd, value), name: value };
}

/** Read `--config`'s file once, so that a missing or unreadable one stops the run before anything is read (exit 1), naming it as given. */
export function checkConfigFile(file: ConfigFile | undefined, fs: Pick<CliFs, 'readFileSync'>): void {
  if (!file) return;
  try {
    fs.readFileSync(file.path);
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    // A fatal input problem with its code, so that it is said in --lang's language (the config is what cannot be read).
    throw new IngestFatalError('config_file_unreadable', file.name, `--config ${file.name}: ${WHY[e.code] ?? `cannot be read (${e.code})`}`, { cause: e });
  }
}

/**
 * Said once on stderr when the data folder has a config of its own that
 * `--config` replaces: a config that is silently not read is a surprise.
 */
export function replacedConfigNotice(command: string, source: ConfigSource, io: Pick<CliIO, 'fs' | 'stderr' | 'cwd'>): void {
  if (!source.file) return;
  const own = entriesByNameQuietly(readdirQuietly(io.fs, source.dataDir)).get(CONFIG_FILE);
  if (own === undefined) return;
  const ownPath = join(source.dataDir, own);
  if (sameFile(io.fs, ownPath, source.file.path)) return;
  io.stderr.write(`${command}: the config is ${source.file.name} (--config); ${shownPath(io.cwd, ownPath)} in the data folder is not read\n`);
}

/** The config's bytes as the read reads them (undefined: no config, the defaults); an errno error when the file cannot be read. */
export function configBytes(source: ConfigSource, fs: Pick<CliFs, 'existsSync' | 'readFileSync'>): Uint8Array | undefined {
  if (source.file) return fs.readFileSync(source.file.path);
  const path = join(source.dataDir, CONFIG_FILE);
  return fs.existsSync(path) ? fs.readFileSync(path) : undefined;
}

/** The SHA-256 of `--config`'s file, for the cache key (the read hashes the file it reads the same way). */
export function configFileHash(file: ConfigFile, fs: Pick<CliFs, 'readFileSync'>): string {
  return createHash('sha256').update(fs.readFileSync(file.path)).digest('hex');
}

/** The folder's entries by canonical name; none when two differ only by case (the read reports that). */
function entriesByNameQuietly(entries: string[]): Map<string, string> {
  try {
    return entriesByName(entries, [CONFIG_FILE]);
  } catch {
    return new Map();
  }
}

/** A path relative to the working folder when it is inside it, else whole. */
function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/** Whether two paths are one file: the same path, or leading there through links (false when either is missing). */
export function sameFile(fs: Pick<CliFs, 'realpathSync'>, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}
