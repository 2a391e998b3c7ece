/**
 * No catalogue key that nothing uses: each key's name occurs in the code
 * (src/, outside the catalogues), and the keys of `common` and `empty`, always
 * read by name, occur as `common.<key>` and `empty.<key>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';

const CATALOGUES = new Set(['src/lib/i18n/en.ts', 'src/lib/i18n/ko.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(ts|astro|mjs)$/u.test(e.name) && !CATALOGUES.has(path) ? [path] : [];
  });
}

function paths(o: object, prefix: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) => {
    const p = [...prefix, k];
    return v && typeof v === 'object' && !Array.isArray(v) ? [p, ...paths(v, p)] : [p];
  });
}

const code = files('src').map((f) => readFileSync(f, 'utf8')).join('\n');

describe('catalogue keys', () => {
  it('every key’s name occurs in the code', () => {
    const unused = paths(en).filter((p) => {
      const leaf = p.at(-1)!;
      return !new RegExp(`(\\.${leaf}\\b|['"\`]${leaf}['"\`]|\\b${leaf}\\s*[:,}])`, 'u').test(code);
    });
    expect(unused.map((p) => p.join('.'))).toEqual([]);
  });

  for (const group of ['common', 'empty'] as const) {
    it(`every key of ${group} is read as ${group}.<key>`, () => {
      const unused = Object.keys(en[group]).filter((k) => !new RegExp(`\\b${group}\\.${k}\\b`, 'u').test(code));
      expect(unused).toEqual([]);
    });
  }

  it('the Korean catalogue has the same keys', () => {
    expect(paths(ko).map((p) => p.join('.')).sort()).toEqual(paths(en).map((p) => p.join('.')).sort());
  });
});
