/** Build the sample site once for the browser tests, with one hostile deal name planted in it. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const TEST_AS_OF = '2026-06-30';

export interface TestSite {
  dir: string;
  /** The deal that carries HOSTILE_NAME. */
  dealId: string;
}

/**
 * Copy data/sample, rename one open deal to HOSTILE_NAME, build into
 * .cache/<name>-site (each browser test file its own: vitest runs files in parallel).
 * `edit` may change the deals.csv rows further (after the renaming) before the build.
 */
export function buildTestSite(name = 'test', edit?: (rows: Record<string, string>[], renamed: Record<string, string>) => void): TestSite {
  const root = resolve('.');
  const data = join(root, `.cache/${name}-data`);
  const dir = join(root, `.cache/${name}-site`);
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  cpSync(join(root, 'data/sample'), data, { recursive: true });
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(data, 'deals.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  const row = parsed.data.find((r) => r.stage === 'propose' && !r.closed_at);
  if (!row) throw new Error('the sample has no open propose deal to rename');
  row.deal_name = HOSTILE_NAME;
  edit?.(parsed.data, row);
  writeFileSync(join(data, 'deals.csv'), Papa.unparse(parsed.data, { columns: parsed.meta.fields, newline: '\n' }) + '\n');
  execFileSync(process.execPath, ['scripts/build.ts', '--data', data, '--as-of', TEST_AS_OF, '--out', dir, '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(join(dir, 'en/index.html'))) throw new Error('the test build wrote no en/index.html');
  return { dir, dealId: row.deal_id! };
}

/** Build a data folder as it is (a vendor export fixture, say) as of `asOf` into .cache/<name>-site. */
export function buildFolderSite(name: string, data: string, asOf: string): string {
  const root = resolve('.');
  const dir = join(root, `.cache/${name}-site`);
  execFileSync(process.execPath, ['scripts/build.ts', '--data', data, '--as-of', asOf, '--out', dir, '--quiet', '--no-cache'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(join(dir, 'en/index.html'))) throw new Error('the test build wrote no en/index.html');
  return dir;
}
