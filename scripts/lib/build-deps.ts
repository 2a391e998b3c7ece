/** What the build (scripts/build.ts) reads and renders with: the real ones, or a test's. */
import { join } from 'node:path';
import type { readFolder as realReadFolder } from '../../src/lib/ingest/read-folder.ts';
import { astroRender, bundleInChild, type BundleRequest, type RenderOptions } from './astro-render.ts';
import { filterScriptInChild } from './filter-script.ts';
import { PROJECT_ROOT } from './project.ts';
import type { Bundling } from './run-apart.ts';

/**
 * A data folder this large is extracted in a process of its own before Astro starts, so that its memory is
 * freed before rendering; a smaller one in a process of its own while Astro loads and bundles (its pages
 * wait for the data), since the two then fit in memory together.
 */
export const CHILD_EXTRACT_BYTES = 16_000_000;

/** What main reads and renders with (a test can pass its own). */
export interface BuildDeps {
  readFolder: typeof realReadFolder;
  /** Astro, rendering once `dataReady` resolves when given (it may load and bundle before). */
  render: (options: RenderOptions, dataReady?: Promise<void>) => Promise<void>;
  /** Where the site data is written: the project's .cache. */
  cacheDir: string;
  /** The build cache when no --cache is given (node_modules/.cache/pipescope); none when absent. */
  buildCacheDir?: string;
  /**
   * Extract in a process of its own (scripts/lib/extract-child.ts, with the real readFolder): a large data
   * folder before rendering (its memory is freed first), a small one while Astro loads; else here (tests).
   */
  extractInChild?: boolean;
  /** A data folder of at least this many bytes is extracted before rendering (default CHILD_EXTRACT_BYTES; tests take the large path with a small folder). */
  largeDataBytes?: number;
  /** Pipescope's own public folder, which Astro copies into every output (default: the project's public/). */
  publicDir?: string;
  /** Where the filter form's script is kept per version of the code (scripts/lib/filter-script.ts; null: bundled every time); absent: not bundled (tests, whose render is a stand-in). */
  filterScriptCache?: string | null;
  /** Makes and keeps the filter script in filterScriptCache in a process of its own, when none is kept, before a large data folder is extracted (scripts/lib/filter-script.ts); absent: the extraction makes it. */
  keepFilterScript?: (cacheDir: string) => Bundling;
  /** Where the pages' server bundles are kept per version of the code (scripts/lib/page-bundles.ts); absent: Astro bundles them in every build. */
  pageBundlesCache?: string;
  /** Bundles the pages into pageBundlesCache before a large data folder is extracted, when no bundle is kept (scripts/lib/astro-render.ts); absent: the render bundles. */
  bundlePages?: (request: BundleRequest) => Bundling;
  /** Whether a process of this id runs (default: asked of the system), for what a build stopped outright left beside --out. */
  isRunning?: (pid: number) => boolean;
}

export const defaultBuildDeps: BuildDeps = {
  readFolder: async (...args) => (await import('../../src/lib/ingest/read-folder.ts')).readFolder(...args),
  render: astroRender,
  cacheDir: join(PROJECT_ROOT, '.cache'),
  buildCacheDir: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope'),
  extractInChild: true,
  filterScriptCache: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope-filter-script'),
  keepFilterScript: filterScriptInChild,
  // The launcher's switch (scripts/launch.mjs) for running everything from the sources: Astro bundles the pages too.
  ...(process.env.PIPESCOPE_FROM_SOURCES === '1' ? {} : { pageBundlesCache: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope-pages'), bundlePages: bundleInChild }),
};
