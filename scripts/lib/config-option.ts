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
import type { ConfigFile } from '../../src/lib/ingest/config-file.ts';
import { isLocale, type Locale, LOCALES } from '../../src/lib/i18n/locales.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import { type CliFs, type CliIO, isErrnoError, readdirQuietly } from './cli.ts';
import { UsageError } from './io.ts';
import { cliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';

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

/** More than any config holds (stages, aliases, rates and labels come to kilobytes): `--config /dev/zero` is not read forever. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/**
 * Read `--config`'s file, once, so that a missing or unreadable one stops the run before anything is read (exit 1),
 * naming it as given; its bytes are kept on `file` for every later reader (ConfigFile `bytes`).
 */
export function checkConfigFile(file: ConfigFile | undefined, fs: Pick<CliFs, 'openSync' | 'readSync' | 'closeSync'>): void {
  if (!file || file.bytes) return;
  let bytes: Uint8Array | null;
  try {
    bytes = readAtMost(fs, file.path, MAX_CONFIG_BYTES);
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    // A fatal input problem with its code, so that it is said in --lang's language (the config is what cannot be read).
    throw new IngestFatalError('config_file_unreadable', file.name, `--config ${file.name}: ${WHY[e.code] ?? `cannot be read (${e.code})`}`, { cause: e });
  }
  if (bytes === null) throw new IngestFatalError('config_file_unreadable', file.name, `--config ${file.name}: it holds more than ${MAX_CONFIG_BYTES / 1024 / 1024} MB, which no config does; give the pipeline.config.json file`);
  file.bytes = bytes;
}

/** A file's bytes, or null when it holds more than `max` (a device or a pipe is read as it comes, never past `max`). */
function readAtMost(fs: Pick<CliFs, 'openSync' | 'readSync' | 'closeSync'>, path: string, max: number): Uint8Array | null {
  const fd = fs.openSync(path, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(64 * 1024);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) return null;
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Said once on stderr when the data folder has a config of its own that
 * `--config` replaces: a config that is silently not read is a surprise.
 * In the run's language (`locale`: `--lang`, else the config's; asked only
 * when there is a notice, English when it cannot be told).
 */
export async function replacedConfigNotice(command: string, source: ConfigSource, io: Pick<CliIO, 'fs' | 'stderr' | 'cwd'>, locale: () => Promise<Locale>): Promise<void> {
  if (!source.file) return;
  const own = entriesByNameQuietly(readdirQuietly(io.fs, source.dataDir)).get(CONFIG_FILE);
  if (own === undefined) return;
  const ownPath = join(source.dataDir, own);
  if (sameFile(io.fs, ownPath, source.file.path)) return;
  const notice = msg('config_replaced', { config: source.file.name, own: shownPath(io.cwd, ownPath) });
  io.stderr.write(`${command}: ${cliMessage(notice, await locale().catch(() => 'en' as const))}\n`);
}

/** The config's bytes as the read reads them (undefined: no config, the defaults); throws when the file cannot be read (checkConfigFile). */
export function configBytes(source: ConfigSource, fs: Pick<CliFs, 'existsSync' | 'readFileSync' | 'openSync' | 'readSync' | 'closeSync'>): Uint8Array | undefined {
  if (source.file) {
    checkConfigFile(source.file, fs);
    return source.file.bytes;
  }
  const path = join(source.dataDir, CONFIG_FILE);
  return fs.existsSync(path) ? fs.readFileSync(path) : undefined;
}

/** The SHA-256 of `--config`'s file, for the cache key (the read hashes the file it reads the same way). */
export function configFileHash(file: ConfigFile, fs: Pick<CliFs, 'openSync' | 'readSync' | 'closeSync'>): string {
  checkConfigFile(file, fs);
  return createHash('sha256').update(file.bytes!).digest('hex');
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
