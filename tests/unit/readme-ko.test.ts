/**
 * README.ko.md, the Korean guide, stays a faithful summary of README.md: it
 * runs only commands package.json has, names only options the English README
 * documents, and links only to files that exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ko = readFileSync('README.ko.md', 'utf8');
const en = readFileSync('README.md', 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);

const commandsIn = (text: string) => [...text.matchAll(/npm run(?: --silent)? ([a-z][\w:-]*)/gu)].map((m) => m[1]!);
const optionsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]+)/gu)].map((m) => m[1]!));

describe('README.ko.md', () => {
  it('runs only the project’s own commands', () => {
    const commands = commandsIn(ko);
    expect(commands).toEqual(expect.arrayContaining(['build', 'preview', 'init']));
    expect(commands.filter((c) => !scripts.includes(c))).toEqual([]);
  });

  it('names only options the English README documents', () => {
    const documented = optionsIn(en);
    const named = [...optionsIn(ko)];
    expect(named).toEqual(expect.arrayContaining(['data', 'as-of', 'snapshot', 'strict', 'redact']));
    expect(named.filter((o) => !documented.has(o))).toEqual([]);
  });

  it('links only to files that exist, and the English README links to it', () => {
    const links = [...ko.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/gu)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/u.test(l));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !existsSync(l))).toEqual([]);
    expect(en).toContain('(README.ko.md)');
  });
});
