/**
 * scripts/lib/stack-sources.ts: a stack thrown in a bundle compiled as scripts/launch.mjs compiles
 * (esbuild, linked source maps), its frames put back to the TypeScript source's lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/lib/project.ts';
import { stackWithSources } from '../../../scripts/lib/stack-sources.ts';

const DIR = join(PROJECT_ROOT, '.cache', `stack-sources-test-${process.pid}`);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('stackWithSources', () => {
  it('names the TypeScript file, line and column of a frame in a bundle, and leaves other frames alone', async () => {
    mkdirSync(DIR, { recursive: true });
    const source = join(DIR, 'thrower.ts');
    // The throw is on line 4, column 9 (the `throw` keyword at 3 + 6 spaces; V8 points at `new`).
    writeFileSync(source, ['type N = number;', 'export function fail(n: N): never {', '  if (n > 0) {', '    throw new Error(`failed ${n}`);', '  }', '  return fail(1);', '}', ''].join('\n'));
    await esbuild.build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'node', outfile: join(DIR, 'out', 'thrower.mjs'), sourcemap: 'linked', logLevel: 'silent' });
    // Thrown in a Node of its own, as in a command run: here the test runner would map the stack itself.
    const url = pathToFileURL(join(DIR, 'out', 'thrower.mjs')).href;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import { fail } from ${JSON.stringify(url)};\ntry { fail(0); } catch (e) { process.stdout.write(e.stack); }`], { encoding: 'utf8' });
    const stack = run.stdout;
    expect(stack).toMatch(/thrower\.mjs:\d+:\d+/u);
    const mapped = stackWithSources(stack);
    expect(mapped).toContain(`${source}:4:11`);
    expect(mapped).toContain(`${source}:6:10`);
    expect(mapped).not.toMatch(/thrower\.mjs/u);
    // The frame of the script that called it is not in a bundle: as it was.
    expect(mapped).toMatch(/\n\s+at file:\/\/\/.*\[eval1\]:2:7\n/u);
    expect(mapped).toContain('(node:internal/modules/esm/module_job:');
  });

  it('leaves a frame whose bundle has no map, or no such file, as it is', () => {
    const stack = 'Error: x\n    at f (file:///nowhere/gone.mjs:1:2)\n    at node:internal/main:3:4';
    expect(stackWithSources(stack)).toBe(stack);
  });
});
