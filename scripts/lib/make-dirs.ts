/**
 * `mkdir -p` that always ends. Node's `mkdirSync(path, { recursive: true })`
 * spins forever at full CPU when a folder's parent exists but cannot hold it
 * (`--out /proc/x/dist`: procfs answers ENOENT, which Node takes for a missing
 * parent, makes the parent, gets EEXIST and tries the child again). Here the
 * missing folders are made from the top down, once each: an error on one of
 * them is the answer, reported as the operating system gave it.
 */
import * as nodeFs from 'node:fs';
import { dirname, resolve } from 'node:path';

export type MakeDirsFs = Pick<typeof nodeFs, 'mkdirSync' | 'statSync'>;

/** Make folder `dir` and any missing folder above it; a folder already there is fine. */
export function makeDirs(dir: string, fs: MakeDirsFs = nodeFs): void {
  const missing: string[] = [];
  const target = resolve(dir);
  for (let p = target; ; p = dirname(p)) {
    // Follows links, as mkdir does.
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat !== undefined) {
      // A file in the way: as mkdir -p says it (the folder itself a file: EEXIST; one above it: ENOTDIR).
      if (!stat.isDirectory()) throw p === target ? errnoError('EEXIST', 'file already exists', p) : errnoError('ENOTDIR', 'not a directory', missing.at(-1)!);
      break;
    }
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      fs.mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      // Made meanwhile by another process: only a folder will do.
      if (stat?.isDirectory()) continue;
      // A link to nothing is there (stat follows it): as Node says it, no such folder.
      if (stat === undefined) throw errnoError('ENOENT', 'no such file or directory', p);
      throw e;
    }
  }
}

function errnoError(code: string, what: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, mkdir '${path}'`), { code, path, syscall: 'mkdir' });
}
