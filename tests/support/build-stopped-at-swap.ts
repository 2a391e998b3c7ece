/**
 * node tests/support/build-stopped-at-swap.ts <cwd> <data> <out> <site-data cache> [build options...]
 *
 * `npm run build`'s main in this process, with a stand-in for Astro (two
 * pages), whose file system, once the build has renamed --out aside to swap
 * its output in, says "between the renames" on stdout and blocks there for
 * good: a test kills this process (SIGKILL) at exactly that point
 * (tests/unit/cli/interrupt.test.ts). Test-only: the build itself has no
 * such hook; it takes its file system as a parameter.
 */
import * as nodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import { main, type RenderOptions } from '../../scripts/build.ts';
import { nodeIO } from '../../scripts/lib/cli.ts';
import { readFolder } from '../../src/lib/ingest/read-folder.ts';

const [cwd, data, out, cacheDir, ...more] = process.argv.slice(2);
if (!cwd || !data || !out || !cacheDir) throw new Error('usage: build-stopped-at-swap.ts <cwd> <data> <out> <site-data cache> [build options...]');
const outDir = resolve(cwd, out);

const fs: typeof nodeFs = {
  ...nodeFs,
  renameSync: (from, to) => {
    nodeFs.renameSync(from, to);
    if (resolve(String(from)) === outDir && String(to).endsWith('-old')) {
      nodeFs.writeSync(1, 'between the renames\n');
      // Blocks this thread until the process is killed.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  },
};

async function render({ outDir: dir }: RenderOptions): Promise<void> {
  nodeFs.mkdirSync(join(dir, 'en'), { recursive: true });
  nodeFs.writeFileSync(join(dir, 'index.html'), '<meta http-equiv="refresh" content="0; url=en/">');
  nodeFs.writeFileSync(join(dir, 'en', 'index.html'), '<h1>new</h1>');
}

process.exitCode = await main(['--data', data, '--out', out, ...more], { ...nodeIO(), cwd, fs }, { readFolder, render, cacheDir });
