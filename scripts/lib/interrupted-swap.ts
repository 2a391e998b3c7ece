/**
 * What a build killed outright (SIGKILL, the out-of-memory killer, a CI
 * job's time limit, a power cut: no cleanup runs) while it swapped its
 * output into --out left beside it, and putting that right before anything
 * reads --out. The swap (out-dir.ts swapIn) renames the previous output
 * aside to `<staging>-old`, renames the new one from `<staging>` into
 * --out, moves the entries someone added to the previous output (a .git, a
 * CNAME) into it, and removes the rest of `<staging>-old` last. Killed:
 *
 * - before the first rename: --out is as it was, and the new output stays
 *   in `<staging>`, which a later build removes once it is a day old
 *   (out-dir.ts removeStaleStaging), as any stopped build's folder;
 * - between the renames: --out is missing, the previous output (with all
 *   that was added to it) in `<staging>-old`, the new one in `<staging>`:
 *   the previous output is put back, one rename;
 * - after the second: --out is the new output, and `<staging>-old` holds
 *   what was not moved over yet: the added entries still there are moved
 *   in, then the folder, holding only files a build wrote, is removed.
 *
 * An `-old` folder beside an --out that is no build's output (removed by
 * hand since, or made anew) is removed if it holds only files a build
 * wrote, else kept and said; once --out is a build's output again, what
 * was added to it is moved in as above.
 *
 * An `-old` folder is a stopped build's when its process (the id in its
 * name) is not running on this machine, or it was moved aside more than a
 * day ago (its ctime): a swap takes a moment, so a process of that id
 * running a day later is another program that got the id after a restart.
 * Nothing a build did not write is deleted: an `-old` folder that still
 * holds such an entry (one --out has a different entry of that name for,
 * or one that cannot be moved) stays, and every build says so.
 */
import { dirname, join } from 'node:path';
import { cliMessage, type CliMessage, msg, type Stuck } from '../../src/lib/i18n/cli-messages.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
import { type CliFs, isErrnoError, readdirQuietly, writingTo } from './cli.ts';
import { leftIn, writtenFiles } from './added-files.ts';
import { UsageError } from './io.ts';
import { hasPipescopeManifest, STALE_FOLDER_MS, stagingPid } from './out-dir.ts';
import { makeDirs } from './make-dirs.ts';

/**
 * A line for the command to say: `notice` always, `log` unless --quiet, `warning` always, as a warning.
 * `text` is the English; `in(locale)` says it in the run's language (src/lib/i18n/cli-messages-files.ts).
 */
export class Said {
  readonly level: 'notice' | 'log' | 'warning';
  readonly text: string;
  readonly #message: CliMessage;
  constructor(level: Said['level'], message: CliMessage) {
    this.level = level;
    this.#message = message;
    this.text = cliMessage(message, 'en');
  }
  in(locale: Locale): string {
    return cliMessage(this.#message, locale);
  }
}

export interface Recovery {
  said: Said[];
  /** --out was missing and the output a stopped build had moved aside is back in its place. */
  restored: boolean;
}

export interface RecoverOptions {
  /** Whether a process of this id runs on this machine (out-dir.ts processRunning). */
  isRunning: (pid: number) => boolean;
  /** Milliseconds since the epoch. */
  now: number;
  /** How a path is named in messages (relative to the working folder). */
  show: (path: string) => string;
  /** Only put back a missing --out (`npm run preview`, which serves it and changes no more than it needs to). */
  restoreOnly?: boolean;
}

/** An output a build moved aside to swap in its own: `<staging>-old` beside --out. */
interface Aside {
  path: string;
  pid: number;
  /** Its build's new output is still in `<staging>`: the build stopped between the two renames. */
  newOutputBeside: boolean;
  /** Its build is not running (see the module's comment). */
  stopped: boolean;
}

/** The `-old` folders beside `out`, sorted by name. */
function asideOf(fs: CliFs, out: string, isRunning: (pid: number) => boolean, now: number): Aside[] {
  const parent = dirname(out);
  const names = readdirQuietly(fs, parent);
  const found: Aside[] = [];
  for (const name of names.sort()) {
    const pid = name.endsWith('-old') ? stagingPid(out, name) : null;
    if (pid === null) continue;
    const path = join(parent, name);
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) continue;
    const staging = fs.lstatSync(path.slice(0, -'-old'.length), { throwIfNoEntry: false });
    found.push({ path, pid, newOutputBeside: staging?.isDirectory() === true, stopped: !isRunning(pid) || now - stat.ctimeMs > STALE_FOLDER_MS });
  }
  return found;
}

/**
 * Put right what a build stopped outright while swapping in its output
 * left beside `out` (see the module's comment). Throws a UsageError when
 * --out is missing and it cannot tell which output to put back (a build
 * still running is swapping, or several stopped ones left one each).
 */
export function recoverInterruptedSwap(fs: CliFs, out: string, { isRunning, now, show, restoreOnly = false }: RecoverOptions): Recovery {
  let aside = asideOf(fs, out, isRunning, now);
  const said: Said[] = [];
  let restored = false;
  const shownOut = `${show(out)}/`;
  if (aside.length > 0 && !fs.lstatSync(out, { throwIfNoEntry: false })) {
    const between = aside.filter((a) => a.newOutputBeside);
    if (between.length > 1) {
      throw new UsageError(msg('swap_several_aside', { out: shownOut, asides: between.map((a) => show(a.path)), target: show(out) }));
    }
    const [a] = between;
    if (a && !a.stopped) {
      throw new UsageError(msg('swap_running', { out: shownOut, pid: a.pid, aside: show(a.path), target: show(out) }));
    }
    if (a) {
      const added = leftIn(fs, a.path, null);
      writingTo(show(out), () => fs.renameSync(a.path, out));
      restored = true;
      aside = aside.filter((x) => x !== a);
      said.push(new Said('notice', msg('swap_put_back', { out: shownOut, pid: a.pid, aside: show(a.path), added: added ?? [] })));
    }
  }
  if (restoreOnly) return { said, restored };
  const outIsOutput = hasPipescopeManifest(fs, out);
  for (const a of aside) {
    if (!a.stopped) continue;
    said.push(...(outIsOutput ? finishSwap(fs, out, a, show) : leftover(fs, a, show, out)));
  }
  return { said, restored };
}

/**
 * --out is a build's output, and `a` the output a build stopped outright had replaced with it (or one
 * before it): what someone had added to `a` and is still there goes into --out, as the build would have
 * moved it; then `a`, holding only files a build wrote, is removed.
 */
function finishSwap(fs: CliFs, out: string, a: Aside, show: (path: string) => string): Said[] {
  const left = leftIn(fs, a.path, writtenFiles(fs, out));
  if (left === null) return leftover(fs, a, show, null);
  const movedIn: string[] = [];
  const stuck: Stuck[] = [];
  for (const rel of left) {
    const from = join(a.path, rel);
    const to = join(out, rel);
    if (fs.lstatSync(to, { throwIfNoEntry: false })) {
      // A file of an earlier snapshot that build copied from --out with the snapshot is there already, byte for byte.
      if (!sameTree(fs, from, to)) stuck.push({ rel });
      continue;
    }
    try {
      makeDirs(dirname(to), fs);
      fs.renameSync(from, to);
      movedIn.push(rel);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      stuck.push({ rel, errno: e.code });
    }
  }
  const said: Said[] = [];
  if (movedIn.length > 0) said.push(new Said('notice', msg('swap_moved_in', { out: show(out), pid: a.pid, aside: show(a.path), moved: movedIn })));
  if (stuck.length > 0) {
    said.push(new Said('warning', msg('swap_stuck', { out: show(out), pid: a.pid, aside: show(a.path), stuck })));
    return said;
  }
  return [...said, ...removed(fs, a, show, true)];
}

/**
 * `a` beside an --out that is no build's output (missing, or a folder made anew), or whose entries no
 * build wrote cannot be told (`out` null): removed if it holds only files a build wrote, else kept, and said.
 */
function leftover(fs: CliFs, a: Aside, show: (path: string) => string, out: string | null): Said[] {
  const left = out === null ? null : leftIn(fs, a.path, null);
  if (left !== null && left.length === 0) return removed(fs, a, show, false);
  if (left === null) return [new Said('warning', msg('aside_unknown', { aside: show(a.path) }))];
  return [new Said('warning', msg('aside_left', { aside: show(a.path), out: show(out!), left }))];
}

/** Remove `a`, holding only files a build wrote: the rest of an output it replaced (`rest`), or one it was replacing. */
function removed(fs: CliFs, a: Aside, show: (path: string) => string, rest: boolean): Said[] {
  try {
    fs.rmSync(a.path, { recursive: true, force: true });
    return [new Said('log', msg('swap_removed', { aside: show(a.path), pid: a.pid, rest }))];
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    return [new Said('warning', msg('swap_not_removed', { aside: show(a.path), pid: a.pid, rest, errno: e.code }))];
  }
}

/** Whether `a` and `b` are the same files, byte for byte, in the same folders (symbolic links: no). */
function sameTree(fs: CliFs, a: string, b: string): boolean {
  const x = fs.lstatSync(a);
  const y = fs.lstatSync(b);
  if (x.isFile() && y.isFile()) return x.size === y.size && fs.readFileSync(a).equals(fs.readFileSync(b));
  if (!x.isDirectory() || !y.isDirectory()) return false;
  const names = fs.readdirSync(a).sort();
  const others = fs.readdirSync(b).sort();
  return names.length === others.length && names.every((name, i) => name === others[i] && sameTree(fs, join(a, name), join(b, name)));
}

