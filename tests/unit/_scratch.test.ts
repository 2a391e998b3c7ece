import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import { readExpect, runCase } from '../fixtures/bad/_run.ts';

it('scratch', async () => {
  const root = resolve('tests/fixtures/bad');
  const out: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'expect.json'))) continue;
    const e = readExpect(dir);
    if (e.exit !== 1) continue;
    const en = await runCase(dir, e);
    const ko = await runCase(dir, { ...e, args: [...e.args, '--lang', 'ko'] });
    out.push(`${name}\n  EN ${en.stderr.trim()}\n  KO ${ko.stderr.trim()}${en.stderr === ko.stderr ? '\n  !!! SAME' : ''}`);
  }
  writeFileSync('/tmp/scratch.txt', out.join('\n'));
}, 300000);
