/**
 * The URL of a module beside the calling one, for a worker thread to load:
 * `<name>.ts` when running from the sources, `<name>.mjs` in a compiled
 * bundle (scripts/launch.mjs compiles each worker next to the command that
 * starts it, and there `base`, the caller's `import.meta.url`, is the bundle's).
 *
 * Running from the sources, `PIPESCOPE_WORKER_BUNDLES` may name a folder of
 * such bundles, compiled from the same sources: a worker found there is
 * started from it. The tests set it (tests/support/worker-bundles.ts): a new
 * thread strips the types of every TypeScript module it loads again, ~0.5-1 s
 * a thread on a loaded machine, and the tests start a few hundred. A worker
 * the folder lacks (the build's extract process) starts from its source.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function siblingModule(name: string, base: string, env: Readonly<Record<string, string | undefined>> = process.env): URL {
  const fromSources = base.endsWith('.ts');
  const bundles = env.PIPESCOPE_WORKER_BUNDLES;
  if (fromSources && bundles) {
    const bundled = pathToFileURL(join(bundles, `${name}.mjs`));
    if (existsSync(bundled)) return bundled;
  }
  return new URL(`./${name}${fromSources ? '.ts' : '.mjs'}`, base);
}
