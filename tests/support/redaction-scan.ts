/**
 * The leak scan of a redacted build: every identifying string of the
 * original dataset, searched in every output file's content and path.
 *
 * Which strings (the rule the README and docs/input.md state):
 * - every value of the redacted fields (deal ids and names, account ids and
 *   names, owners, teams, keymen, competitors, installed competitors) and
 *   account notes (whole, and each line of them), and the config's salt;
 * - except strings shorter than 4 characters (3 when they hold letters beyond
 *   ASCII, as a Korean name of 3 syllables does), which would match inside
 *   ordinary words and numbers, and generic words that Pipescope's own text
 *   also holds (the message catalogues, the config: stage names, labels), as
 *   those are in any build whatever the data.
 * How: case-insensitively, as written and in each form an output may spell it
 * (HTML-escaped, JSON-escaped, \u-escaped, URL-encoded, as a slug); a value of
 * digits only (a CRM's numeric record id) only where no digit touches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dataset } from '../../src/lib/dataset.ts';
import { isSearchable } from '../../src/lib/ingest/pseudonyms.ts';
import { asciiSlug } from '../../src/lib/views/slugs.ts';

export interface Needle {
  /** The original value. */
  value: string;
  /** Lower-cased forms to look for. */
  forms: string[];
  digitsOnly: boolean;
}

export interface Leak {
  value: string;
  file: string;
  where: 'content' | 'path';
  context: string;
}

/** The identifying strings of a dataset, with the ones left out (too short, generic) for the record. */
export function identifyingStrings(dataset: Dataset, genericText: string, extra: string[] = []): { needles: Needle[]; short: string[]; generic: string[] } {
  const values = new Set<string>(extra);
  const add = (v: string) => v.trim() !== '' && values.add(v.trim());
  for (const d of dataset.deals) [d.id, d.name, d.accountId, d.accountName, d.owner, d.team, d.keyman, d.competitor].forEach(add);
  for (const a of dataset.accounts ?? []) {
    [a.accountId, a.accountName, a.keyman, a.installedCompetitor, a.notes].forEach(add);
    a.notes.split(/\r?\n/u).forEach(add);
  }
  for (const t of dataset.targets ?? []) [t.owner, t.team].forEach(add);
  const generic = genericText.toLowerCase();
  const needles: Needle[] = [];
  const short: string[] = [];
  const genericWords: string[] = [];
  for (const value of [...values].sort()) {
    if (!isSearchable(value)) short.push(value);
    else if (generic.includes(value.toLowerCase())) genericWords.push(value);
    else needles.push({ value, forms: formsOf(value), digitsOnly: /^\d+$/u.test(value) });
  }
  return { needles, short, generic: genericWords };
}

function formsOf(value: string): string[] {
  const html = value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
  const forms = [
    value,
    html,
    html.replace(/'/gu, '&#39;'),
    html.replace(/'/gu, '&#x27;'),
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    encodeURIComponent(value),
    value.replace(/"/gu, '""'),
  ];
  // As a slug (an owner page's address): only for ASCII names, as others get a hash of the name.
  const slug = asciiSlug(value);
  if (/^[\x20-\x7e]+$/u.test(value) && isSearchable(slug) && slug !== value.toLowerCase()) forms.push(slug);
  return [...new Set(forms.map((f) => f.toLowerCase()))];
}

/** Every file under `dir`, relative, '/'-separated. */
export function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Where each needle occurs in the files under `dir` (contents and paths): at most one leak per needle, file and place. */
export function scanTree(dir: string, needles: Needle[]): Leak[] {
  // Every form by its first three characters (each form has at least three): one pass over each text.
  const byStart = new Map<string, { form: string; needle: Needle }[]>();
  for (const needle of needles) {
    for (const form of needle.forms) {
      const key = form.slice(0, 3);
      const list = byStart.get(key) ?? [];
      list.push({ form, needle });
      byStart.set(key, list);
    }
  }
  const leaks: Leak[] = [];
  for (const file of listTree(dir)) {
    const content = readFileSync(join(dir, file), 'utf8').toLowerCase();
    for (const [where, text] of [
      ['path', file.toLowerCase()],
      ['content', content],
    ] as const) {
      const found = new Set<Needle>();
      for (let i = 0; i + 3 <= text.length; i++) {
        const candidates = byStart.get(text.slice(i, i + 3));
        if (!candidates) continue;
        for (const { form, needle } of candidates) {
          if (found.has(needle) || !text.startsWith(form, i)) continue;
          // A value of digits only (a numeric record id) counts only where no digit touches it.
          if (needle.digitsOnly && (/\d/u.test(text[i - 1] ?? '') || /\d/u.test(text[i + form.length] ?? ''))) continue;
          found.add(needle);
          leaks.push({ value: needle.value, file, where, context: text.slice(Math.max(0, i - 40), i + form.length + 40) });
        }
      }
    }
  }
  return leaks;
}
