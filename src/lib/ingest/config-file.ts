/**
 * `--config`'s file: a config kept outside the data folder, read instead of
 * its pipeline.config.json (scripts/lib/config-option.ts reads it once;
 * read-folder.ts reads the config from here).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CONFIG_FILE } from './dataset-builder.ts';
import { IngestFatalError } from './issues.ts';

/** A config file outside the data folder. */
export interface ConfigFile {
  path: string;
  name: string;
  /**
   * Its bytes, read once by the command (scripts/lib/config-option.ts `checkConfigFile`): every later reader
   * uses them, so that a config that can be read only once (`--config <(jq ...)`, `/dev/stdin`) is the same
   * config throughout, the extraction's process included.
   */
  bytes?: Uint8Array;
}

/**
 * The bytes of the `--config` file, hashed as the folder's config would be (under its name: the build's
 * key and manifest then hold the config actually read). A file that cannot be read is named, with why.
 */
export function givenConfigBytes(file: ConfigFile, hashes: Record<string, string>): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = file.bytes ?? readFileSync(file.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'is a folder, not a config file' : `cannot be read (${code ?? (e as Error).message})`;
    throw new IngestFatalError('config_file_unreadable', file.name, `${file.name}: ${why}`, { cause: e });
  }
  hashes[CONFIG_FILE] = createHash('sha256').update(bytes).digest('hex');
  return bytes;
}
