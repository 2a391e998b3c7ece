/**
 * Where the build (scripts/build.ts) extracts: a large data folder in a process of its own before Astro starts (its
 * memory freed first), after the pages and the filter script are bundled when the code changed; a small one in a process of its own
 * while Astro loads and bundles beside it; else here (tests).
 */
import type { BuildDeps } from './build-deps.ts';
import { CHILD_EXTRACT_BYTES } from './build-deps.ts';
import { dataFolderBytes } from './build-reuse.ts';
import { type CliIO, progressStream } from './cli.ts';
import { type ExtractJob, runJob, runJobInChild } from './extract-child.ts';
import type { Extraction } from './extract.ts';
import { relativeLinksFor, renderOptions } from './output.ts';
import type { PublishOptions } from './publish.ts';
import { type EarlyRender, renderBeside } from './render-beside.ts';
import { PROJECT_ROOT } from './project.ts';
import { siteDataFile } from './site-data-file.ts';

export interface ExtractionPlace {
  io: CliIO;
  deps: BuildDeps;
  dataDir: string;
  extractOnly: boolean;
  quiet: boolean;
  publish: PublishOptions;
  /** A new folder beside --out, removed with the build's others unless moved into the output. */
  scratchDir: () => string;
  /** The folders the extraction's process made beside --out, removed with the build's own. */
  madeDirs: (dirs: string[]) => void;
  /** Astro, started beside the extraction: stopped by the build if it ends before the pages. */
  renderStarted: (early: EarlyRender) => void;
}

/** The extraction of `job`, in a process of its own or here. */
export async function extractFor(job: ExtractJob, { io, deps, dataDir, extractOnly, quiet, publish, scratchDir, madeDirs, renderStarted }: ExtractionPlace): Promise<Extraction> {
  const large = dataFolderBytes(dataDir) >= (deps.largeDataBytes ?? CHILD_EXTRACT_BYTES);
  if (deps.extractInChild && (large || !extractOnly)) {
    // The render's folder first: an --out that cannot be written is said before a child is started.
    const renderDir = large ? undefined : scratchDir();
    // A large folder's render renders from a kept bundle: when the code changed, the pages are bundled first (~2.5 s, in a
    // process of its own), not beside the extraction: the bundler's ~450 MB beside the extraction's took the 100k site's
    // first build after a change to the code to 1,056-1,162 MB, against 947-1,051 MB so, in about the same time
    // (docs/performance.md, seventy-fifth round). The filter script, made meanwhile in a process of its own, keeps Vite
    // out of the extraction's memory (~240 MB of that peak; seventy-sixth round).
    const apart = large && !extractOnly;
    const bundling = apart && deps.bundlePages && deps.pageBundlesCache ? deps.bundlePages({ root: PROJECT_ROOT, quiet, pageBundles: deps.pageBundlesCache }) : null;
    const scripting = apart && deps.keepFilterScript && job.filterScript?.cacheDir ? deps.keepFilterScript(job.filterScript.cacheDir) : null;
    await Promise.all([bundling?.done, scripting?.done]);
    // Beside Astro, the account pages' CSV files are written while the pages render, not before.
    const extraction = runJobInChild({ ...job, csvsLater: renderDir !== undefined }, madeDirs);
    // Awaited below; an error thrown before then would leave its rejection unheard, and Node end the process with a stack.
    extraction.catch(() => {});
    if (renderDir !== undefined) {
      // Astro loads and bundles meanwhile, and renders once the data is written and checked (the build's early.go).
      const options = renderOptions({ quiet, publish, pageBundles: deps.pageBundlesCache }, renderDir, siteDataFile(deps.cacheDir, job.name), { relativeLinks: relativeLinksFor(publish), accountCsvsWritten: true });
      renderStarted(renderBeside(deps.render, options));
    }
    return await extraction;
  } else {
    return await runJob(job, { fs: io.fs, readFolder: deps.readFolder, now: () => io.now(), progress: progressStream(io), makeFilesDir: extractOnly ? undefined : scratchDir });
  }
}
