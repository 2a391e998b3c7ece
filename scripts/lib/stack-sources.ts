/**
 * An internal error's stack with the compiled bundles' lines (scripts/launch.mjs) put back to the
 * TypeScript sources, read from the bundles' source maps only when such an error is reported.
 * Node can do this itself for every module it loads (process.setSourceMapsEnabled), but then reads
 * and indexes each map at every start: ~25 ms of each run, for a stack that is almost never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A frame's place in a compiled bundle: `file:///…/name.mjs:line:column`. */
const BUNDLE_FRAME = /(file:\/\/\/[^\s()]+\.mjs):(\d+):(\d+)/gu;

/** `stack` with every frame in a bundle that has a source map named by its source; other frames as they are. */
export function stackWithSources(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  return stack.replace(BUNDLE_FRAME, (frame, url: string, line: string, column: string) => {
    let map = maps.get(url);
    if (map === undefined) maps.set(url, (map = sourceMapOf(url)));
    if (map === null) return frame;
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!('originalSource' in entry) || !entry.originalSource) return frame;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(fileURLToPath(url)), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function sourceMapOf(url: string): SourceMap | null {
  try {
    const file = `${fileURLToPath(url)}.map`;
    return existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null;
  } catch {
    // A map that cannot be read only leaves the frame as it is: the report itself must not fail.
    return null;
  }
}
