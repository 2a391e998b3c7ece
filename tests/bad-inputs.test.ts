/**
 * The hostile corpus (issue 7, item 7): every `tests/fixtures/bad/<case>/`
 * is a small data folder that breaks one thing, and `expect.json` its
 * outcome: exit code, the stderr line, data_quality.files and the exact
 * issue set (file, line, column, code, severity; messages only through
 * `message_includes`). Each case runs in-process through scripts/metrics.ts's
 * `main` with a fake IO, twice. For every case: never exit 70, rows =
 * accepted + rejected for every file, the input folder unchanged, and the
 * same output both times. Large or NUL content is generated into a
 * temporary folder at test time (`generate`, see _run.ts).
 *
 * A case with `known_bug` holds the outcome docs/input.md asks for and the
 * code does not give yet: it runs as `it.fails`, so the suite stays green
 * while the bug is visible (and it turns red once the bug is fixed, to
 * remove the marker). `_generate.ts` rebuilds the folders.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../scripts/lib/cli.ts';
import { type Expectation, issueKeys, type Outcome, readExpect, runCase } from './fixtures/bad/_run.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'bad');

const cases = readdirSync(ROOT)
  .filter((name) => !name.startsWith('_') && statSync(join(ROOT, name)).isDirectory() && existsSync(join(ROOT, name, 'expect.json')))
  .sort();

function check(name: string, expected: Expectation, out: Outcome, second: Outcome): void {
  const where = `${name}: ${expected.about}\nstderr: ${out.stderr.slice(0, 2000)}`;
  // Never a bug's exit, whatever the input.
  expect(out.exit, where).not.toBe(EXIT.internal);
  expect(out.stderr, where).not.toMatch(/internal error/u);
  // The input folder is never written to.
  expect(out.after, `${name}: the data folder changed`).toEqual(out.before);
  // The same input gives the same output and message.
  expect(second.exit, where).toBe(out.exit);
  expect(second.stdout === out.stdout, `${name}: a second run gave another metrics.json`).toBe(true);
  expect(second.stderr.split(second.dataDir).join('<data>'), where).toBe(out.stderr.split(out.dataDir).join('<data>'));
  for (const [file, counts] of Object.entries(out.files ?? {})) {
    expect(counts.rows, `${name}: ${file} rows = accepted + rejected`).toBe(counts.accepted + counts.rejected);
  }

  expect(out.exit, where).toBe(expected.exit);
  if (expected.stderr !== undefined) {
    const s = expected.stderr;
    expect(out.stderr.includes(s) || new RegExp(s, 'u').test(out.stderr), `${name}: stderr should match /${s}/\n${where}`).toBe(true);
  }
  if (out.exit !== EXIT.ok && out.exit !== EXIT.strict) {
    // A refused input: one line naming what is wrong, and no metrics.json.
    expect(out.stderr.trim(), where).not.toBe('');
    expect(out.stdout, where).toBe('');
    return;
  }
  expect(out.files, where).toEqual(expected.files);
  const actualIssues = out.issues ?? [];
  expect(issueKeys(actualIssues), `${name}: issues\n${JSON.stringify(actualIssues, null, 1).slice(0, 3000)}`).toEqual(issueKeys(expected.issues ?? []));
  for (const issue of actualIssues) expect(issue.message.trim(), `${name}: an issue without a message`).not.toBe('');
  for (const e of expected.issues ?? []) {
    if (e.message_includes === undefined) continue;
    const match = actualIssues.find((a) => a.file === e.file && a.line === e.line && a.column === e.column && a.code === e.code);
    expect(match?.message ?? '', `${name}: message of ${e.file}:${e.line} ${e.code}`).toContain(e.message_includes);
  }
  for (const text of expected.output_includes ?? []) expect(out.stdout, `${name}: metrics.json should contain ${text}`).toContain(text);
}

describe('hostile corpus (tests/fixtures/bad)', () => {
  it('has at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  for (const name of cases) {
    const dir = join(ROOT, name);
    const expected = readExpect(dir);
    const test = expected.known_bug ? it.fails : it;
    const title = expected.known_bug ? `${name} (known bug: ${expected.known_bug.slice(0, 120)})` : name;
    const slow = expected.generate?.kind === 'huge_field' || expected.generate?.kind === 'huge_unquoted';
    test(
      title,
      async () => {
        const out = await runCase(dir, expected);
        const second = await runCase(dir, expected);
        check(name, expected, out, second);
      },
      slow ? 60_000 : 20_000,
    );
  }
});
