/**
 * The pages' server bundle of an earlier `astro build`, kept per version of
 * the code (scripts/lib/kept-folders.ts). Bundling the pages depends on the
 * code and Astro's options alone, never on the data (the pages read the site
 * data when they render): Vite and rolldown rebuilt the same chunks on every
 * build (~1 s of the sample's ~4 s, after ~1 s loading Astro's builder). A
 * build of the same code renders the kept chunks instead
 * (render-from-bundles.ts).
 *
 * `recordPageBundles` watches an Astro build: the chunks Astro renders from
 * (copied when rendering starts, after Astro has written its manifest into
 * them and before it removes them), the project files that went into them,
 * each page's styles and the head scripts (what Astro's build environment
 * gives a page besides its chunk), and the files its client build wrote.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { findKept, hashesOf, keepFolder, sha256, type KeptRecord } from './kept-folders.ts';
import { makeDirs } from './make-dirs.ts';

/** The layout of a kept bundle and what rendering from it assumes (another is never read). */
const FORMAT = 2;
/** Bundles kept: the most recently used (a bundle is kept per version of the code and log level: tests build with several of each). */
const KEEP = 6;
/** Besides the project files bundled: the packages (lockfile), Astro's configuration, TypeScript's, and how bundles are kept. */
const FIXED_INPUTS = ['package-lock.json', 'astro.config.mjs', 'tsconfig.json', 'scripts/lib/page-bundles.ts'];
/**
 * Astro's options baked into the chunks: the log level, into its manifest. Not the base nor the site, which the
 * pages are bundled without (src/site/relative-links.ts RENDERED_BASE): one bundle serves every --base and --site.
 */
export interface BundleOptions {
  logLevel: 'error' | 'warn';
}

export interface PageBundleRecord extends KeptRecord {
  options: BundleOptions;
  /** The names of the files below src/ and of the .env files when it was made: a page added is a route, a .env file may set import.meta.env. */
  listing: string;
  /** The prerender entry, below prerender/. */
  entry: string;
  /** Each page's styles, by Astro's page key (route & component). */
  pages: [string, unknown[]][];
  /** The scripts integrations add to every page's head. */
  scripts: { stage: string; content: string }[];
  /** The files of Astro's client build, below the site root (copied into each output; below client/). */
  client: string[];
}

const sameOptions = (a: BundleOptions, b: BundleOptions) => a.logLevel === b.logLevel;

/** The files below src/, as paths below it ('styles/site.css'), sorted. */
function sourceFiles(root: string): string[] {
  return (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter((p) => statSync(join(root, 'src', p)).isFile()).map((p) => p.split(sep).join('/')).sort();
}

/** The files below src/ and the .env files of the project, as one hash. */
function listing(root: string): string {
  const src = sourceFiles(root);
  const env = readdirSync(root).filter((n) => n.startsWith('.env')).sort();
  return sha256(Buffer.from(JSON.stringify([src, env])));
}

/** A kept bundle of the code under `root` as it is now, made with `options`, or null. */
export function findPageBundle(root: string, cacheDir: string, options: BundleOptions): { dir: string; kept: PageBundleRecord } | null {
  try {
    const now = listing(root);
    return findKept<PageBundleRecord>(root, cacheDir, FORMAT, (kept) => sameOptions(kept.options, options) && kept.listing === now);
  } catch {
    return null;
  }
}

/** The default prerenderer's app once set up (Astro's BuildApp), as far as recording needs it. */
type SetUp = AstroPrerenderer & {
  app?: {
    getSettings(): { scripts: { stage: string; content: string }[] };
    manifest: { buildFormat: string; trailingSlash: string; routes: { routeData: { type: string; prerender: boolean } }[] };
  };
};

/** What render-from-bundles.ts renders: pages written as folders, pages and endpoints only, all prerendered. */
const renderable = (manifest: NonNullable<SetUp['app']>['manifest']) =>
  manifest.buildFormat === 'directory' && manifest.trailingSlash === 'always' && manifest.routes.every(({ routeData: r }) => r.prerender && (r.type === 'page' || r.type === 'endpoint'));

/**
 * Watch an Astro build made with `options` (a Vite plugin and an integration to give it), then `keep` what it
 * made once the build has succeeded. Recording never fails the build: a bundle that cannot be kept is not.
 * With `renderNothing`, the build bundles and renders no page (no site data is read): a bundle made only to be kept.
 */
export function recordPageBundles(root: string, cacheDir: string, options: BundleOptions, { renderNothing = false } = {}) {
  const started = Date.now();
  // Before Astro lists the routes: a page added while it bundles is not in this bundle.
  let listed: string | undefined;
  try {
    listed = listing(root);
  } catch {
    // Not kept (see `keep`).
  }
  const moduleIds = new Set<string>();
  const client: string[] = [];
  let prerenderDir: string | undefined;
  let entry: string | undefined;
  // Files of the prerender build that are not chunks (Astro moves them into the output).
  const prerenderAssets: string[] = [];
  let pages: Map<string, { styles: unknown[] }> | undefined;
  let scripts: { stage: string; content: string }[] | undefined;
  // The chunks, copied when rendering starts (Astro removes them after).
  let copied: string | undefined;
  let unusable = false;

  const plugin = {
    name: 'pipescope-record-page-bundles',
    writeBundle(this: { environment?: { name: string } }, output: { dir?: string }, bundle: Record<string, { type: string; fileName: string; moduleIds?: string[] }>) {
      const env = this.environment?.name;
      for (const item of Object.values(bundle)) for (const id of item.moduleIds ?? []) moduleIds.add(id);
      if (output.dir === undefined) unusable = true;
      else if (env === 'prerender') {
        prerenderDir = output.dir;
        entry = Object.keys(bundle).find((name) => name.startsWith('prerender-entry'));
        prerenderAssets.push(...Object.values(bundle).filter((item) => item.type === 'asset').map((item) => item.fileName));
      } else if (env === 'client') client.push(...Object.keys(bundle).map((name) => join(output.dir!, name)));
      else unusable = true;
    },
  };

  const integration: AstroIntegration = {
    name: 'pipescope-record-page-bundles',
    hooks: {
      'astro:build:setup': ({ pages: map }) => {
        pages = map as unknown as Map<string, { styles: unknown[] }>;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((defaults: SetUp) => {
          if (renderNothing) defaults.getStaticPaths = async () => [];
          const setup = defaults.setup;
          defaults.setup = async () => {
            await setup?.call(defaults);
            try {
              scripts = defaults.app?.getSettings().scripts.map(({ stage, content }) => ({ stage, content }));
              if (!defaults.app || !renderable(defaults.app.manifest)) unusable = true;
              if (prerenderDir === undefined || unusable) return;
              makeDirs(cacheDir);
              copied = join(cacheDir, `.tmp-prerender-${process.pid}-${started}`);
              cpSync(prerenderDir, copied, { recursive: true });
            } catch {
              unusable = true;
            }
          };
          return defaults;
        });
      },
    },
  };

  /** After the build succeeded, with its output folder: keep the bundle when it was all seen and no file of it changed meanwhile. */
  const keep = (outDir: string): void => {
    try {
      // A page script would need the client build's entry map, which no hook gives: such code is not kept.
      if (unusable || listed === undefined || copied === undefined || entry === undefined || pages === undefined || scripts === undefined || scripts.some((s) => s.stage === 'page')) return;
      const sources = new Set<string>();
      for (const id of moduleIds) {
        const file = id.split('?')[0]!;
        const path = relative(root, file);
        if (isAbsolute(file) && !path.startsWith('..') && !path.split(/[\\/]/u).includes('node_modules')) sources.add(path.split(sep).join('/'));
      }
      // And every file below src/: a style sheet (src/styles/site.css) is an asset of the bundle, in no chunk's
      // modules, so a change to it alone would otherwise render with the styles kept before it.
      for (const path of sourceFiles(root)) sources.add(`src/${path}`);
      const envFiles = readdirSync(root).filter((n) => n.startsWith('.env') && statSync(join(root, n)).isFile());
      const inputs = [...FIXED_INPUTS, ...envFiles, ...[...sources].sort()];
      if (inputs.some((path) => statSync(join(root, path)).mtimeMs >= started - 1000)) return;
      const out = resolve(outDir);
      const moved = prerenderAssets.filter((path) => existsSync(join(out, path)));
      const clientFiles = [...client.map((file) => relative(out, file).split(sep).join('/')), ...moved];
      if (clientFiles.some((path) => path.startsWith('..') || isAbsolute(path))) return;
      const kept: PageBundleRecord = {
        format: FORMAT,
        inputs: hashesOf(root, inputs),
        options,
        listing: listed,
        entry,
        pages: [...pages].map(([key, data]) => [key, data.styles]),
        scripts,
        client: clientFiles.sort(),
      };
      keepFolder(cacheDir, kept, (dir) => {
        cpSync(copied!, join(dir, 'prerender'), { recursive: true });
        for (const path of clientFiles) cpSync(join(out, path), join(dir, 'client', path));
      }, KEEP);
    } catch {
      // Only the next build's time is lost.
    } finally {
      discard();
    }
  };

  /** The build failed: nothing is kept. */
  const discard = (): void => {
    if (copied !== undefined) rmSync(copied, { recursive: true, force: true });
  };

  return { plugin, integration, keep, discard };
}
