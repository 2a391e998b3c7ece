/**
 * npm's `prepare` script (through scripts/prepare.mjs), which `npm ci` and `npm install` run in the project once the packages are in: it makes
 * what depends on Pipescope's code alone, never on data, and which a build would otherwise make first, into the
 * caches a build looks in, as a published package would ship it made:
 *   - the commands compiled into plain JavaScript (scripts/launch.mjs, node_modules/.cache/pipescope-cli);
 *   - the filter form's script (scripts/lib/filter-script.ts, node_modules/.cache/pipescope-filter-script);
 *   - the pages' server bundle (scripts/lib/page-bundles.ts, node_modules/.cache/pipescope-pages), for a build
 *     with and without --quiet (Astro bakes its log level into it).
 * A fresh clone's first `npm run build` then takes what a later one takes (the sample's ~3.5 s, not ~6 s). A
 * change to the code makes them again at the next build, as before. Nothing here fails the install: a step that
 * fails is said in one line, and the first build does it.
 */
import { performance } from 'node:perf_hooks';
import { bundleInChild, pageBundleKept } from './lib/astro-render.ts';
import { defaultBuildDeps } from './lib/build-deps.ts';
import { cacheDir, COMMANDS, compile, freshBundle } from './lib/cli-bundles.mjs';
import { filterScript } from './lib/filter-script.ts';
import { scriptArgs } from './lib/io.ts';
import { PROJECT_ROOT } from './lib/project.ts';

export interface PrepareSteps {
  compile: () => Promise<boolean>;
  filterScript: () => Promise<void>;
  pages: (quiet: boolean) => Promise<boolean>;
}

const realSteps: PrepareSteps = {
  compile: async () => {
    const cache = cacheDir(process.env);
    for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) if (!freshBundle(cache, name) && (await compile(cache, name)) === null) return false;
    return true;
  },
  filterScript: async () => {
    if (defaultBuildDeps.filterScriptCache) await filterScript(PROJECT_ROOT, defaultBuildDeps.filterScriptCache);
  },
  pages: async (quiet) => {
    const pageBundles = defaultBuildDeps.pageBundlesCache;
    if (pageBundles === undefined) return true;
    const request = { root: PROJECT_ROOT, quiet, pageBundles };
    await bundleInChild(request).done;
    return pageBundleKept(request);
  },
};

/** Run every step; returns the lines to print (what was not made, then the time taken). Never throws. */
export async function prepare(steps: PrepareSteps = realSteps, now = () => performance.now()): Promise<string[]> {
  const started = now();
  const missed: string[] = [];
  const attempt = async (what: string, step: () => Promise<boolean | void>) => {
    try {
      if ((await step()) === false) missed.push(what);
    } catch (e) {
      missed.push(`${what} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
  };
  await attempt('the compiled commands', steps.compile);
  await attempt('the filter form’s script', steps.filterScript);
  // One at a time: each bundling takes ~0.4 GB.
  await attempt('the pages’ bundle', () => steps.pages(false));
  await attempt('the pages’ bundle for --quiet', () => steps.pages(true));
  const seconds = ((now() - started) / 1000).toFixed(1);
  if (missed.length === 0) return [`prepare: the compiled commands, the filter form’s script and the pages’ bundle are made for the first build (${seconds} s)`];
  return [...missed.map((what) => `prepare: ${what} not made now; the first build makes it`), `prepare: done (${seconds} s)`];
}

const USAGE = 'usage: npm run prepare   (run by npm ci and npm install: makes the compiled commands, the filter form’s script and the pages’ bundle for the first build; no options)';

/** The command (scripts/prepare.mjs runs it, so that no Node or loading problem fails the install). */
export async function runCli(argv: string[]): Promise<void> {
  scriptArgs('prepare', argv, {}, USAGE);
  for (const line of await prepare()) process.stderr.write(`${line}\n`);
}
