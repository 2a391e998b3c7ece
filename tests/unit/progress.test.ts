import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../scripts/lib/progress.ts';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { stream: { isTTY, write: (s: string) => (out.push(s), true) }, out };
}

describe('progress on stderr', () => {
  it('shows nothing for inputs read within two seconds', () => {
    let t = 0;
    const { stream, out } = fakeStream(true);
    const p = progressReporter(stream as never, { quiet: false, now: () => t });
    t = 1500;
    p.update('stage_history.csv', 10e6, 40e6);
    p.done();
    expect(out).toEqual([]);
  });

  it('reports file and share read once reading takes longer, then the total time', () => {
    let t = 0;
    const { stream, out } = fakeStream(true);
    const p = progressReporter(stream as never, { quiet: false, now: () => t });
    t = 2500;
    p.update('stage_history.csv', 20e6, 40e6);
    t = 4000;
    p.done();
    expect(out.join('')).toContain('reading stage_history.csv 50% (20 of 40 MB)');
    expect(out.at(-1)).toContain('done in 4.0 s');
  });

  it('is silent with --quiet or when stderr is not a terminal', () => {
    for (const [quiet, tty] of [[true, true], [false, false]] as const) {
      let t = 0;
      const { stream, out } = fakeStream(tty);
      const p = progressReporter(stream as never, { quiet, now: () => t });
      t = 5000;
      p.update('deals.csv', 1, 2);
      p.done();
      expect(out).toEqual([]);
    }
  });
});
