/** Where Pipescope itself is: the project folder (Astro's root; its .cache holds the site data). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from './cli.ts';

/**
 * The nearest folder above `file` that holds a package.json: from the sources
 * (scripts/lib) and from a compiled bundle (node_modules/.cache/pipescope-cli/<command>-<hash>, see
 * scripts/launch.mjs) alike, the project's own.
 */
export function projectRootOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

export const PROJECT_ROOT = projectRootOf(fileURLToPath(import.meta.url));

/** Pipescope's version (package.json), written into each snapshot's manifest. */
export function pipescopeVersion(io: CliIO): string {
  const pkg: unknown = JSON.parse(io.fs.readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && typeof (pkg as { version?: unknown }).version === 'string' ? (pkg as { version: string }).version : 'unknown';
}
