/**
 * The bench's /proc readers (scripts/lib/tree-rss.ts): a stat line's fields
 * whatever the command name holds, and the CPU time of a waited-for child.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { statFields, waitedChildrenCpuMs } from '../../../scripts/lib/tree-rss.ts';

describe('statFields', () => {
  it('counts fields from the state on, past a command name with spaces and parentheses', () => {
    // pid (comm) state ppid ... utime (14) stime (15) cutime (16) cstime (17)
    const line = '4242 (node (a) b) S 17 4242 4242 0 -1 4194560 500 0 0 0 120 30 7 5 20 0 11 0';
    const f = statFields(line);
    expect(f[0]).toBe('S');
    expect(f[1]).toBe('17'); // ppid, field 4
    expect([f[11], f[12]]).toEqual(['120', '30']); // utime, stime
    expect([f[13], f[14]]).toEqual(['7', '5']); // cutime, cstime
  });
});

describe('waitedChildrenCpuMs', () => {
  it.runIf(process.platform === 'linux')('grows by the CPU time of a child once it has been waited for', () => {
    const before = waitedChildrenCpuMs()!;
    // 300 ms of the child's own CPU time (not of the clock: on a loaded machine a child spinning for 300 ms of wall time got 160 ms of CPU).
    const r = spawnSync(process.execPath, ['-e', 'const s = process.cpuUsage(); let u = s; while (u.user + u.system < 300_000) u = process.cpuUsage(s);']);
    expect(r.status).toBe(0);
    const spent = waitedChildrenCpuMs()! - before;
    expect(spent).toBeGreaterThanOrEqual(290);
    expect(spent).toBeLessThan(5000);
  });
});
