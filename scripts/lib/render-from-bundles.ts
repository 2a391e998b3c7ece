/**
 * Render the pages from a kept server bundle (page-bundles.ts) as `astro
 * build` renders them from the bundle it has just made: the bundle's own app,
 * given what Astro's build environment gives it (each page's styles, the head
 * scripts), every static path Astro's `StaticPaths` lists, each rendered by
 * the app and written where Astro writes it (`generatePages` in
 * astro/dist/core/build/generate.js), as many at a time as Astro; the public folder and
 * the client build's files copied as Vite and Astro copy them. A test builds
 * the sample both ways and compares every file (tests/unit/cli/page-bundles.test.ts).
 *
 * Only what this project's configuration uses is done: a static site whose
 * pages are written as folders (`build.format: 'directory'`, `trailingSlash:
 * 'always'`), with no redirects, no i18n fallback routes and no images to
 * optimise. Anything else stops the build with a message, never a page
 * silently left out.
 */
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeDirs } from './make-dirs.ts';
import type { PageBundleRecord } from './page-bundles.ts';

/** The origin of the page URLs rendered (Astro's dev server port, `server.port`): no page reads its own address, and no site is set (astro-render.ts). */
const DEFAULT_PORT = 4321;

interface Route {
  route: string;
  component: string;
  type: string;
}

interface BundleApp {
  manifest: { buildFormat: string; trailingSlash: string; base: string; outDir: URL; buildClientDir: URL; pageMap?: Map<string, () => Promise<{ page: () => Promise<unknown> }>> };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: Route }): Promise<Response>;
}

interface LogDestination {
  write(event: { label: string | null; level: string; message: string; newLine: boolean }): void;
}

export class UnsupportedBundle extends Error {
  constructor(what: string) {
    super(`a kept page bundle cannot render ${what}: remove node_modules/.cache/pipescope-pages, or build with PIPESCOPE_FROM_SOURCES=1`);
    this.name = 'UnsupportedBundle';
  }
}

/** Vite's copy of the public folder (copyDir in its build): every file, links followed, folders made. */
function copyTree(from: string, to: string): void {
  makeDirs(to);
  for (const name of readdirSync(from)) {
    const source = resolve(from, name);
    if (statSync(source).isDirectory()) copyTree(source, resolve(to, name));
    else copyFileSync(source, resolve(to, name));
  }
}

/** Every file below `dir`, as paths below it with '/' (none when there is no such folder). */
function filesBelow(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set((readdirSync(dir, { recursive: true }) as string[]).filter((p) => statSync(join(dir, p)).isFile()).map((p) => p.split('\\').join('/')));
}

const withoutTrailingSlash = (path: string) => (path.endsWith('/') ? path.slice(0, -1) : path);
const withoutLeadingSlash = (path: string) => (path.startsWith('/') ? path.slice(1) : path);
/** Astro's joinPaths of two paths. */
const joinTwo = (a: string, b: string) => `${withoutTrailingSlash(a)}/${withoutLeadingSlash(b)}`;

/** The URL Astro renders `pathname` at (getUrlForPath in generate.js, for folders and trailing slashes). */
function urlFor(pathname: string, route: Route, base: string, origin: string): URL {
  let path: string;
  if (pathname === '/' || pathname === '') path = `${base}/`.replace(/\/{2,}$/u, '/');
  else if (route.type === 'endpoint') {
    path = joinTwo(base, withoutLeadingSlash(pathname));
    if (!/\/[^/]+\.\w+$/u.test(pathname) && !path.endsWith('/')) path += '/';
  } else path = joinTwo(base, `${withoutTrailingSlash(withoutLeadingSlash(pathname))}/`);
  return new URL(path, origin);
}

/** The file Astro writes `pathname` to (getOutFolder and getOutFile in common.js, for folders; an endpoint's path may end in '/'). */
function outFileFor(outDir: string, pathname: string, route: Route): string {
  const encoded = encodeURI(pathname);
  const root = pathToFileURL(`${outDir}/`);
  const slashed = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  if (route.type === 'endpoint') return fileURLToPath(new URL(basename(encoded), new URL(`.${slashed(dirname(encoded))}`, root)));
  if (pathname === '/404' || pathname === '/500') return fileURLToPath(new URL(`./${basename(encoded)}.html`, new URL(`.${slashed(dirname(encoded))}`, root)));
  return fileURLToPath(new URL('./index.html', new URL(`.${slashed(encoded)}`, root)));
}

export interface BundleRender {
  outDir: string;
  publicDir: string;
  logLevel: 'error' | 'warn';
  /** Pages rendered at once (Astro's build.concurrency in the same build). */
  concurrency: number;
}

/**
 * Render every page of the kept bundle in `dir` into `outDir` (new and empty), once `dataReady` resolves (the
 * pages read the site data); a rejection stops it before any page.
 */
export async function renderFromBundle(dir: string, kept: PageBundleRecord, { outDir, publicDir, logLevel, concurrency }: BundleRender, dataReady?: Promise<void>): Promise<void> {
  makeDirs(outDir);
  if (existsSync(publicDir)) copyTree(publicDir, outDir);
  for (const path of kept.client) {
    makeDirs(dirname(join(outDir, path)));
    copyFileSync(join(dir, 'client', path), join(outDir, path));
  }
  const [{ app }, { default: nodeLog }, { StaticPaths }] = await Promise.all([
    import(pathToFileURL(join(dir, 'prerender', kept.entry)).href) as Promise<{ app: BundleApp }>,
    import('astro/logger/node') as Promise<{ default: (options: { level: string }) => LogDestination }>,
    import('astro/runtime/prerender/static-paths.js') as unknown as Promise<{ StaticPaths: new (app: BundleApp) => { getAll(): Promise<{ pathname: string; route: Route }[]> } }>,
  ]);
  const { buildFormat, trailingSlash, base } = app.manifest;
  if (buildFormat !== 'directory' || trailingSlash !== 'always') throw new UnsupportedBundle(`build.format ${buildFormat} with trailingSlash ${trailingSlash}`);
  // The folder Astro's build rendered into is in the manifest (rewrites read it): this build's instead.
  app.manifest.outDir = pathToFileURL(`${resolve(outDir)}/`);
  app.manifest.buildClientDir = new URL('client/', app.manifest.outDir);
  const destination = nodeLog({ level: logLevel });
  app.setInternals({ pagesByKeys: new Map(kept.pages.map(([key, styles]) => [key, { styles }])), entrySpecifierToBundleMap: new Map() });
  app.setOptions({ settings: { scripts: kept.scripts }, logger: { options: { destination } } });
  // Every page's modules loaded while the data is still being extracted (on the other core): Astro's build
  // loads them as the first pages render, after the data.
  await Promise.all([...(app.manifest.pageMap?.values() ?? [])].map(async (load) => (await load()).page()));
  await dataReady;
  const origin = `http://localhost:${DEFAULT_PORT}`;
  const published = filesBelow(publicDir);
  // The first route of a path wins, as in Astro (which warns of the others by default).
  const seen = new Set<string>();
  const paths: { pathname: string; route: Route }[] = [];
  for (const path of await new StaticPaths(app).getAll()) {
    if (path.route.type !== 'page' && path.route.type !== 'endpoint') throw new UnsupportedBundle(`a route of type ${path.route.type} (${path.route.component})`);
    const key = path.pathname.replace(/\/$/u, '');
    if (seen.has(key)) {
      destination.write({ label: 'build', level: 'warn', message: `Could not render \`${key}\` from route \`${path.route.route}\` as it conflicts with an earlier route.`, newLine: true });
      continue;
    }
    seen.add(key);
    paths.push(path);
  }
  const root = resolve(outDir);
  let next = 0;
  // After a failure no page is begun, and the error is thrown once every page begun has ended: nothing is
  // written into the folder after the build has removed it.
  let failed = false;
  let failure: unknown;
  const renderOne = async ({ pathname, route }: { pathname: string; route: Route }): Promise<void> => {
    const file = outFileFor(root, pathname, route);
    const below = file.slice(root.length + 1);
    if (published.has(below)) {
      destination.write({ label: 'build', level: 'warn', message: `Skipping ${route.component} because a file with the same name exists in the public folder: ${below}`, newLine: true });
      return;
    }
    let response: Response;
    try {
      response = await app.render(new Request(urlFor(pathname, route, base, origin)), { routeData: route });
    } catch (err) {
      destination.write({ label: 'build', level: 'error', message: `Caught error rendering ${pathname}: ${String(err)}`, newLine: true });
      throw err;
    }
    if (response.status >= 300 && response.status < 400) throw new UnsupportedBundle(`a redirect (${pathname})`);
    // Astro writes no file for a response without a body.
    if (!response.body) return;
    const body = Buffer.from(await response.arrayBuffer());
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  };
  const worker = async (): Promise<void> => {
    while (!failed && next < paths.length) {
      try {
        await renderOne(paths[next++]!);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  if (failed) throw failure;
}
