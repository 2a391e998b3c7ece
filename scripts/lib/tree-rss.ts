/**
 * Run a command and measure it as a reader of `top` would: wall time, and
 * the peak of the summed resident memory of the command and every process
 * it starts (the whole process tree), sampled from /proc every `intervalMs`.
 * `/usr/bin/time -v` reports the largest single process instead, which
 * misses a build's child processes; on a system without /proc the peak is
 * null. Samples miss spikes shorter than the interval, so the figure is a
 * lower bound within one interval's growth. Also the tree's CPU time (user +
 * system) as last sampled per process (the last interval of each is missed):
 * on a shared machine, steadier than the wall time.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TreeRun {
  code: number | null;
  wallMs: number;
  /** Peak of the summed RSS of the process tree, in bytes (null without /proc). */
  peakRssBytes: number | null;
  /** Most processes seen at once in the tree. */
  peakProcesses: number;
  /** CPU time (user + system) of the tree, summed over its processes as last sampled (null without /proc). */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

interface ProcessRow {
  ppid: number;
  rss: number;
  /** User + system CPU time in clock ticks (fields 14 and 15). */
  ticks: number;
}

/**
 * The fields of a /proc/<pid>/stat line from the third (state) on, so that field N is at N - 3:
 * the command name (field 2) is in parentheses and may hold spaces and parentheses itself.
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** ppid, RSS (bytes) and CPU ticks of every process, from /proc/<pid>/stat (RSS in pages is field 24). */
function processTable(pageSize: number): Map<number, ProcessRow> {
  const table = new Map<number, ProcessRow>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    const fields = statFields(stat);
    table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * pageSize, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return table;
}

/** Summed RSS and the count of `root` and its descendants, and each one's CPU ticks. */
export function treeRss(root: number, pageSize = 4096): { bytes: number; processes: number; ticks: Map<number, number> } {
  const table = processTable(pageSize);
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let bytes = 0;
  let processes = 0;
  const ticks = new Map<number, number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (!p) continue;
    bytes += p.rss;
    processes++;
    ticks.set(pid, p.ticks);
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes, ticks };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU time (user + system, ms) of the children this process has waited for (cutime and cstime,
 * fields 16 and 17 of /proc/self/stat), or null without /proc. Read around a `spawnSync`, it is
 * that child's CPU time on all its threads, its exit included.
 */
export function waitedChildrenCpuMs(): number | null {
  if (!hasProc) return null;
  const fields = statFields(readFileSync('/proc/self/stat', 'utf8'));
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

export function runMeasured(
  cmd: string,
  args: string[],
  options: { cwd?: string; intervalMs?: number; env?: NodeJS.ProcessEnv; onSample?: (ms: number, bytes: number, processes: number) => void } = {},
): Promise<TreeRun> {
  const interval = options.intervalMs ?? 100;
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let peak = 0;
  let peakProcesses = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    if (!hasProc || child.pid === undefined) return;
    const { bytes, processes, ticks } = treeRss(child.pid);
    if (bytes > peak) peak = bytes;
    if (processes > peakProcesses) peakProcesses = processes;
    for (const [pid, t] of ticks) cpu.set(pid, t);
    options.onSample?.(performance.now() - t0, bytes, processes);
  };
  const timer = setInterval(sample, interval);
  return new Promise((done, fail) => {
    child.once('error', (e) => {
      clearInterval(timer);
      fail(e);
    });
    child.once('close', (code) => {
      clearInterval(timer);
      done({
        code,
        wallMs: performance.now() - t0,
        peakRssBytes: hasProc ? peak : null,
        peakProcesses,
        cpuMs: hasProc ? ([...cpu.values()].reduce((a, b) => a + b, 0) * 1000) / TICKS_PER_SECOND : null,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

if (import.meta.main) {
  // node scripts/lib/tree-rss.ts <command> [args...]: prints one JSON line with the measurements.
  const [cmd, ...rest] = process.argv.slice(2);
  if (!cmd) throw new Error('usage: node scripts/lib/tree-rss.ts <command> [args...]');
  // TREE_RSS_TRACE=1: each second's total on stderr as it runs.
  let next = 0;
  const r = await runMeasured(cmd, rest, {
    onSample: process.env.TREE_RSS_TRACE
      ? (ms, bytes, n) => {
          if (ms < next) return;
          next = ms + 1000;
          process.stderr.write(`tree-rss: ${(ms / 1000).toFixed(0)} s ${Math.round(bytes / 1e6)} MB in ${n}\n`);
        }
      : undefined,
  });
  process.stderr.write(r.stderr);
  process.stdout.write(`${JSON.stringify({ code: r.code, wall_s: Math.round(r.wallMs) / 1000, peak_rss_mb: r.peakRssBytes === null ? null : Math.round(r.peakRssBytes / 1e6), peak_processes: r.peakProcesses, cpu_s: r.cpuMs === null ? null : Math.round(r.cpuMs) / 1000 })}\n`);
}
