/**
 * npm's `prepare` (scripts/prepare.ts): every step is tried in order, the pages bundled for a build with and
 * without --quiet, and a step that fails is named without failing the install.
 */
import { describe, expect, it } from 'vitest';
import { runsTypeScript } from '../../../scripts/prepare.mjs';
import { prepare, type PrepareSteps } from '../../../scripts/prepare.ts';

/** Steps that record their calls; `fail` says how each named one fails. */
function steps(fail: Partial<Record<'compile' | 'filterScript' | 'pages' | 'quietPages', 'false' | 'throw'>> = {}) {
  const calls: string[] = [];
  const outcome = (name: keyof typeof fail) => {
    calls.push(name);
    if (fail[name] === 'throw') throw new Error(`${name} broke\nat its stack`);
    return fail[name] !== 'false';
  };
  const real: PrepareSteps = {
    compile: async () => outcome('compile'),
    filterScript: async () => void outcome('filterScript'),
    pages: async (quiet) => outcome(quiet ? 'quietPages' : 'pages'),
  };
  return { real, calls };
}

const clock = () => {
  let t = 0;
  return () => (t += 1250);
};

describe('prepare', () => {
  it('makes the compiled commands, the filter script and both page bundles, in one line', async () => {
    const { real, calls } = steps();
    expect(await prepare(real, clock())).toEqual(['prepare: the compiled commands, the filter form’s script and the pages’ bundle are made for the first build (1.3 s)']);
    expect(calls).toEqual(['compile', 'filterScript', 'pages', 'quietPages']);
  });

  it('names what it could not make (a step that gave up, one that threw: its first line) and goes on', async () => {
    const { real, calls } = steps({ compile: 'false', filterScript: 'throw', quietPages: 'false' });
    expect(await prepare(real, clock())).toEqual([
      'prepare: the compiled commands not made now; the first build makes it',
      'prepare: the filter form’s script (filterScript broke) not made now; the first build makes it',
      'prepare: the pages’ bundle for --quiet not made now; the first build makes it',
      'prepare: done (1.3 s)',
    ]);
    expect(calls).toEqual(['compile', 'filterScript', 'pages', 'quietPages']);
  });
});

describe('prepare on a Node that cannot run it', () => {
  it('is run only by a Node that strips TypeScript’s types (22.18 and later); an older one skips it, failing nothing', () => {
    expect(runsTypeScript('20.20.2')).toBe(false);
    expect(runsTypeScript('22.17.1')).toBe(false);
    expect(runsTypeScript('22.18.0')).toBe(true);
    expect(runsTypeScript('22.23.3')).toBe(true);
    expect(runsTypeScript('24.1.0')).toBe(true);
  });
});
