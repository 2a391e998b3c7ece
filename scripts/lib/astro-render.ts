/**
 * The build's render step: `astro build` of the pages, which read the site
 * data named by SITE_DATA_ENV, or their render from the server bundle of an
 * earlier build of the same code (page-bundles.ts, render-from-bundles.ts).
 * `node scripts/lib/astro-render.ts '<RenderOptions as JSON>'` runs one in a
 * fresh process, for a build that renders a second date (`astroRender`).
 */
import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ACCOUNT_CSVS_ENV, HOSTING_BASE_ENV } from '../../src/site/build-env.ts';
import { RELATIVE_LINKS_ENV, RENDERED_BASE } from '../../src/site/relative-links.ts';
import { onInterrupt } from './interrupt.ts';
import { removeStaleFolders } from './out-dir.ts';
import { type Bundling, runApart } from './run-apart.ts';
import { PROJECT_ROOT } from './project.ts';
import { makeDirs } from './make-dirs.ts';
import { YOUNG_GENERATION } from './node-flags.mjs';
import { type BundleOptions, findPageBundle, recordPageBundles } from './page-bundles.ts';

export const SITE_DATA_ENV = 'PIPESCOPE_SITE_DATA';
/** Pages Astro renders at once (build.concurrency): one renders while another's file is written (writing files is most of a large site's time). */
const RENDER_CONCURRENCY = 8;

export interface RenderOptions {
  root: string;
  /** The (new, empty) folder to render into. */
  outDir: string;
  siteDataPath: string;
  quiet: boolean;
  /** The path the site is served under (--base, default '/'): the 404 page's links (HOSTING_BASE_ENV). The pages are rendered under RENDERED_BASE. */
  base?: string;
  /** Pages written with relative links as they are rendered (src/middleware.ts), for the live site; else site-absolute (a snapshot's copy is made from them). */
  relativeLinks?: boolean;
  /** The build writes the account pages' CSV files itself (src/lib/views/csv-files.ts): the CSV route leaves them out. */
  accountCsvsWritten?: boolean;
  /** Where the pages' server bundles are kept per version of the code (page-bundles.ts); absent: bundled every time. */
  pageBundles?: string;
}

let astroRanHere = false;
/** How this process last rendered its pages (for --timings): from a kept bundle, or by `astro build`. */
let renderedFrom: 'kept bundle' | 'astro' | null = null;
export const pagesRenderedFrom = () => renderedFrom;

/**
 * `astro build` (Astro empties its outDir first): in this process the first
 * time; again (a backfilled snapshot renders two dates) in a child process,
 * since Astro keeps state from one build to the next in a process (its
 * scripts' hashes). With `dataReady`, Astro loads and bundles at once but
 * renders no page before it resolves (the site data is being extracted
 * meanwhile); its rejection stops the build there.
 */
export async function astroRender(options: RenderOptions, dataReady?: Promise<void>): Promise<void> {
  if (!astroRanHere) {
    astroRanHere = true;
    return renderHere(options, dataReady);
  }
  await dataReady;
  const child = spawn(process.execPath, [YOUNG_GENERATION, join(PROJECT_ROOT, 'scripts/lib/astro-render.ts'), JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', done);
  });
  if (code !== 0) throw new Error(`astro build of ${options.siteDataPath} failed in a child process (exit ${code})`);
}

/**
 * Rendering makes much short-lived garbage around a small live heap (about
 * 200 MB at 100,000 deals), and V8 lets the heap grow to several times the
 * live size before collecting: the pages are rendered with the heap kept
 * within this percentage above what is live (read by V8 at each collection,
 * so it can be set here; no hard limit, unlike --max-old-space-size).
 */
const RENDER_HEAP_GROWING_PERCENT = 80;

/**
 * `astro build` first syncs the project's editor types (.astro/types.d.ts,
 * content collections), starting and closing a Vite dev server to do it:
 * ~80 ms of each build, for types no page uses (`npm run dev` and `astro
 * sync` still write them). Astro's builder takes `sync: false` for builds
 * that need no types; its public options type does not list it.
 */
const NO_TYPE_SYNC = { sync: false } as Parameters<typeof import('astro').build>[1];

/** A full collection now: before Astro starts (what came before is freed), and after it (so is what Astro kept while it ran). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * A Vite plugin that holds Astro between bundling and rendering until `ready`
 * settles: its hook runs after Astro's bundles and before Astro's own hook
 * that renders the pages (which read the site data). A rejection stops the
 * build there, before any page, without Vite reporting a failed bundle.
 */
function waitForData(ready: Promise<void>) {
  // Settled before Astro gets there, or never awaited when Astro fails first: not an unhandled rejection.
  ready.catch(() => {});
  return {
    name: 'pipescope-wait-for-site-data',
    buildApp: { order: 'post' as const, handler: () => ready },
  };
}

/** What of `options` is baked into the pages' server bundle (page-bundles.ts): not --base nor --site (see RENDERED_BASE). */
const bundleOptionsOf = ({ quiet }: Pick<RenderOptions, 'quiet'>): BundleOptions => ({ logLevel: quiet ? 'error' : 'warn' });

/** What a bundle made before the data is there needs: the project, where bundles are kept, and the options baked in. */
export type BundleRequest = Pick<RenderOptions, 'root' | 'quiet'> & { pageBundles: string };

/** Whether a bundle of the code as it is now is kept for `request`'s options. */
export const pageBundleKept = (request: BundleRequest): boolean => findPageBundle(request.root, request.pageBundles, bundleOptionsOf(request)) !== null;

/**
 * Bundle the pages and keep the bundle (page-bundles.ts), rendering none, unless one is kept already. A large
 * data folder's build runs it in a process of its own while the data is extracted (`bundleInChild`), and then
 * renders from the kept bundle as a later build of the same code does: Astro's builder, loaded once bundling
 * needs it, is then never in memory beside the pages being rendered, and bundling takes none of the build's time
 * but the extraction's second core. A bundle that cannot be kept is made again by the render.
 */
export async function bundlePagesHere(request: BundleRequest): Promise<void> {
  if (pageBundleKept(request)) return;
  const bundleOptions = bundleOptionsOf(request);
  const recording = recordPageBundles(request.root, request.pageBundles, bundleOptions, { renderNothing: true });
  makeDirs(join(request.root, '.astro'));
  // Named as astroBuild's own folders, so that one left by a process killed outright goes with theirs.
  const outDir = mkdtempSync(join(request.root, '.astro', 'build-'));
  const release = onInterrupt(() => {
    recording.discard();
    rmSync(outDir, { recursive: true, force: true });
  });
  try {
    await astroBuild({ root: request.root, outDir, quiet: request.quiet }, undefined, recording);
    recording.keep(outDir);
  } catch {
    recording.discard();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    release();
  }
}

/**
 * `bundlePagesHere` in a process of its own, its output unheard: a failure to bundle is the render's to report,
 * when it bundles again. None is started when a bundle is kept already (the usual build).
 */
export function bundleInChild(request: BundleRequest): Bundling {
  if (pageBundleKept(request)) return { done: Promise.resolve() };
  return { done: runApart('scripts/lib/astro-render.ts', ['--bundle', JSON.stringify(request)]) };
}

/**
 * Render in this process (see `astroRender` for `dataReady`): from a kept
 * bundle of the same code when there is one, else by `astro build`. Astro
 * started beside the extraction renders a small data folder (scripts/build.ts):
 * with V8's defaults, where the full collections and the tighter heap, which
 * keep a large site's rendering in bounds, would only cost time.
 */
export async function renderHere(options: RenderOptions, dataReady?: Promise<void>): Promise<void> {
  const large = dataReady === undefined;
  if (large) {
    collectGarbage();
    if (RENDER_HEAP_GROWING_PERCENT > 0) v8.setFlagsFromString(`--heap-growing-percent=${RENDER_HEAP_GROWING_PERCENT}`);
  }
  process.env[SITE_DATA_ENV] = options.siteDataPath;
  process.env[RELATIVE_LINKS_ENV] = options.relativeLinks ? '1' : '0';
  process.env[ACCOUNT_CSVS_ENV] = options.accountCsvsWritten ? 'written' : 'route';
  process.env[HOSTING_BASE_ENV] = options.base ?? '/';
  const bundleOptions = bundleOptionsOf(options);
  const kept = options.pageBundles === undefined ? null : findPageBundle(options.root, options.pageBundles, bundleOptions);
  if (kept) {
    const { renderFromBundle } = await import('./render-from-bundles.ts');
    await renderFromBundle(kept.dir, kept.kept, { outDir: options.outDir, publicDir: join(options.root, 'public'), logLevel: bundleOptions.logLevel, concurrency: RENDER_CONCURRENCY }, dataReady);
    renderedFrom = 'kept bundle';
  } else {
    const recording = options.pageBundles === undefined ? null : recordPageBundles(options.root, options.pageBundles, bundleOptions);
    try {
      await astroBuild(options, dataReady, recording);
    } catch (e) {
      recording?.discard();
      throw e;
    }
    recording?.keep(options.outDir);
    renderedFrom = 'astro';
  }
  if (large) collectGarbage();
}

/** `astro build` in this process, its bundle recorded by `recording` when given. */
async function astroBuild({ root, outDir, quiet }: Pick<RenderOptions, 'root' | 'outDir' | 'quiet'>, dataReady: Promise<void> | undefined, recording: ReturnType<typeof recordPageBundles> | null): Promise<void> {
  // Astro reads import.meta.env.BASE_URL and SITE from the environment when set there (a test runner sets
  // BASE_URL): the pages are rendered under RENDERED_BASE, and no site (no page links to its own address).
  delete process.env.BASE_URL;
  delete process.env.SITE;
  // No usage report to astro.build from a build of someone's CRM data (it also runs git and a network request each time).
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  let stopped = false;
  dataReady?.catch(() => (stopped = true));
  const { build } = await import('astro');
  // The build stopped while Astro loaded (a bad input, say): no bundling for nothing. One turn of the event
  // loop first: loading Astro kept it busy, and the extraction's reply may be waiting.
  await new Promise((resolve) => setImmediate(resolve));
  if (stopped) await dataReady;
  // Astro writes its server chunks into <working folder>/.astro/.prerender when the output folder is not below
  // the working folder, a folder builds running at the same time would share (and one remove under the other):
  // each build works from a folder of its own in the project (where its chunks find node_modules).
  const cwd = process.cwd();
  makeDirs(join(root, '.astro'));
  // Those of builds killed outright a day or more ago go first (an interrupted one removes its own).
  removeStaleFolders(nodeFs, join(root, '.astro'), (name) => /^build-[\w-]{6}$/u.test(name), Date.now());
  const own = mkdtempSync(join(root, '.astro', 'build-'));
  const releaseOwn = onInterrupt(() => rmSync(own, { recursive: true, force: true }));
  process.chdir(own);
  try {
    await build({
      root,
      outDir,
      logLevel: quiet ? 'error' : 'warn',
      base: RENDERED_BASE,
      build: { concurrency: RENDER_CONCURRENCY },
      ...(recording ? { integrations: [recording.integration] } : {}),
      // Scripts find their chunks relative to themselves, so a dated snapshot and a file share load their own.
      vite: {
        experimental: { renderBuiltUrl: (_file: string, { hostType }: { hostType: string }) => (hostType === 'js' ? { relative: true } : undefined) },
        plugins: [...(dataReady ? [waitForData(dataReady)] : []), ...(recording ? [recording.plugin] : [])],
      },
    }, NO_TYPE_SYNC);
  } finally {
    process.chdir(cwd);
    rmSync(own, { recursive: true, force: true });
    releaseOwn();
  }
}

if (import.meta.main) {
  if (process.argv[2] === '--bundle') await bundlePagesHere(JSON.parse(process.argv[3] ?? '{}') as BundleRequest);
  else await renderHere(JSON.parse(process.argv[2] ?? '{}') as RenderOptions);
}
