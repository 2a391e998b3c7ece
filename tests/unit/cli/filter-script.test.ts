/**
 * The filter form's script, bundled outside Astro (scripts/lib/filter-script.ts):
 * Astro's file names and chunks, kept per version of the code that goes
 * into it, and never served from a kept bundle of other code. Real Vite
 * builds of the project's code (a few seconds each).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILTER_SCRIPT_SOURCE, filterScript } from '../../../scripts/lib/filter-script.ts';
import { PROJECT_ROOT } from '../../../scripts/lib/project.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const kept = (cache: string) => readdirSync(cache).filter((n) => /^[0-9a-f]{16}$/u.test(n));

describe('filter script', () => {
  it('is the entry Astro named, and the filter code it loads by a relative URL; kept, the next build reads the same bytes', { timeout: 120_000 }, async () => {
    const cache = tempDir();
    const first = await filterScript(PROJECT_ROOT, cache);
    expect(first.script).toMatch(/^_astro\/FilterBar\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/u);
    const client = first.files.find((f) => /^_astro\/client\.[\w-]+\.js$/u.test(f.path));
    expect(client).toBeDefined();
    const entry = Buffer.from(first.files.find((f) => f.path === first.script)!.bytes).toString('utf8');
    expect(entry).toContain(`import(\`./${client!.path.slice('_astro/'.length)}\`)`);
    // The browser stand-ins of astro.config.mjs are in: no linkedom, no zod.
    expect(Buffer.from(client!.bytes).toString('utf8')).toContain('zod is not in the browser bundle');
    expect(kept(cache)).toHaveLength(1);
    const inputs = JSON.parse(readFileSync(join(cache, kept(cache)[0]!, 'kept.json'), 'utf8')).inputs;
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['package-lock.json', 'astro.config.mjs', FILTER_SCRIPT_SOURCE, 'src/lib/filters/client.ts']));
    expect(Object.keys(inputs).some((p) => p.includes('node_modules'))).toBe(false);
    expect(await filterScript(PROJECT_ROOT, cache)).toEqual(first);
  });

  it('a kept bundle of other code is not used: bundled again, and kept in its place', { timeout: 120_000 }, async () => {
    const cache = tempDir();
    const fresh = await filterScript(PROJECT_ROOT, null);
    await filterScript(PROJECT_ROOT, cache);
    const [name] = kept(cache);
    const file = join(cache, name!, 'kept.json');
    const meta = JSON.parse(readFileSync(file, 'utf8'));
    // As if src/lib/filters/client.ts had been edited since, and the kept files were of that code.
    meta.inputs['src/lib/filters/client.ts'] = '0'.repeat(64);
    writeFileSync(file, `${JSON.stringify(meta)}\n`);
    writeFileSync(join(cache, name!, fresh.script), 'stale');
    expect(await filterScript(PROJECT_ROOT, cache)).toEqual(fresh);
    expect(await filterScript(PROJECT_ROOT, cache)).toEqual(fresh);
    expect(kept(cache)).toEqual([name]);
  });

  it('a cache that cannot be written only costs time', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const script = await filterScript(PROJECT_ROOT, join(dir, 'file', 'cache'));
    expect(script.files.map((f) => f.path)).toContain(script.script);
  });
});
