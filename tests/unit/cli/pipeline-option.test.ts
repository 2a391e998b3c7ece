/**
 * `--pipeline` on a folder of canonical files (metrics and build in-process):
 * the chosen pipeline's metrics, the exact one-line messages of a pipeline
 * deals.csv does not hold and of a deals.csv without a pipeline column, and a
 * build cache keyed by the pipeline (another pipeline is never served the
 * cached build of the first). The data is tests/fixtures/pipeline-choice.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, fakeIO, FIXTURES, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';
const DATA = join(FIXTURES, 'pipeline-choice', 'data');

async function runMetrics(...args: string[]) {
  const f = fakeIO(tempDir());
  const code = await metrics(['--as-of', AS_OF, ...args], f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('metrics --pipeline, canonical files', () => {
  it("gives the chosen pipeline's metrics: the fixture's expected.json", async () => {
    const r = await runMetrics('--data', DATA, '--pipeline', 'NEW  business');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'pipeline-choice', 'expected.json'), 'utf8')));
  });

  it('a pipeline deals.csv does not hold: exit 1, one line listing the pipelines it does hold, with their deals', async () => {
    const r = await runMetrics('--data', DATA, '--pipeline', 'Partners');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('metrics: --pipeline "Partners" is not in deals.csv, whose "pipeline" column holds: "Renewals" (3 deals), "New business" (7 deals), "(no pipeline)" (1 deal)\n');
    expect(r.stdout).toBe('');
  });

  it('a deals.csv without a pipeline column: exit 1, one line saying what to add', async () => {
    const r = await runMetrics('--data', join(FIXTURES, 'spec-example', 'data'), '--pipeline', 'Sales');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('metrics: --pipeline "Sales" cannot be applied: deals.csv has no "pipeline" column. Add that column to deals.csv, or leave out --pipeline\n');
    expect(r.stdout).toBe('');
  });
});

/** A page showing the open deals the site data was made with, as Astro would render it. */
async function render({ outDir, siteDataPath }: RenderOptions): Promise<void> {
  const site = JSON.parse(readFileSync(siteDataPath, 'utf8'));
  mkdirSync(join(outDir, 'en'), { recursive: true });
  writeFileSync(join(outDir, 'en', 'index.html'), `<p>${site.metrics.pipeline.open_count}</p>`);
}

describe('build --pipeline, canonical files', () => {
  it('another pipeline is another cache key: read and rendered again; the same pipeline is reused', async () => {
    const dir = tempDir();
    copyFixture('pipeline-choice', dir);
    let renders = 0;
    const deps: BuildDeps = { readFolder, render: async (o) => (renders++, render(o)), cacheDir: join(dir, '.cache') };
    const run = async (...args: string[]) => {
      const f = fakeIO(dir);
      const code = await build(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--cache', 'cache', '--quiet', ...args], f.io, deps);
      expect(code, f.stderr()).toBe(0);
      return readFileSync(join(dir, 'site', 'en', 'index.html'), 'utf8');
    };
    // New business: R1, R5 and R6 are open.
    expect(await run('--pipeline', 'New business')).toBe('<p>3</p>');
    expect(await run('--pipeline', 'New business')).toBe('<p>3</p>');
    expect(renders).toBe(1);
    // Renewals: N3 alone is open (N1's stage is in no config, N2 has no created_at: both rejected).
    expect(await run('--pipeline', 'Renewals')).toBe('<p>1</p>');
    expect(renders).toBe(2);
    // Without --pipeline every pipeline is read together.
    expect(await run()).toBe('<p>5</p>');
    expect(renders).toBe(3);
  });
});
