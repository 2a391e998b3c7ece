/**
 * pipeline.config.json problems in the user's terms: the value that was
 * written, what to write instead (the key or option meant, when a typo is
 * close to one), and where in the file it is.
 */
import type { z } from 'zod';
import { atPosition, type JsonLayout } from './config-json-text.ts';

/** The keys each object of the config accepts, by where it is (`stages[i]`, `products.<code>`, ...). */
export interface ConfigKeys {
  top: readonly string[];
  stage: readonly string[];
  product: readonly string[];
  redaction: readonly string[];
}

function keyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** The one candidate a typo of `value` most likely meant (a few letters off, or the same ignoring case), or undefined. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  for (const c of candidates) {
    const d = distance(value, c);
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}

const quoted = (v: unknown) => JSON.stringify(v);
const list = (values: readonly unknown[]) => values.map(quoted).join(', ');

function keysAt(path: readonly PropertyKey[], keys: ConfigKeys): readonly string[] {
  if (path.length === 0) return keys.top;
  if (path[0] === 'stages' && path.length === 2) return keys.stage;
  if (path[0] === 'products' && path.length === 2) return keys.product;
  if (path[0] === 'redaction' && path.length === 1) return keys.redaction;
  return [];
}

function unknownKey(key: string, path: readonly PropertyKey[], keys: ConfigKeys): string {
  const known = keysAt(path, keys).filter((k) => k !== '$schema');
  const meant = closest(key, known);
  const fix = meant ? `did you mean ${quoted(meant)}? ` : '';
  return `unknown key ${quoted(key)}: ${fix}${known.length ? `the keys here are ${list(known)}` : 'remove it'} (docs/input.md lists them)`;
}

/** A number written as text: what to write instead (`"20"` -> 20, `"1,380"` -> 1380, `"50%"` -> 0.5). */
function numberFromText(text: string): number | undefined {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/u.exec(t);
  if (percent) return Number(percent[1]) / 100;
  const plain = t.replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/u, (m) => m.replace(/,/gu, ''));
  return /^-?\d+(\.\d+)?$/u.test(plain) ? Number(plain) : undefined;
}

/** IANA zones, for a suggestion when a zone is mistyped. */
function timeZones(): string[] {
  return [...Intl.supportedValuesOf('timeZone'), 'UTC'];
}

/** A type zod expects, in words (`int` is a whole number, a record an object). */
function typeWords(expected: string): string {
  if (expected === 'record' || expected === 'object') return 'an object ({ ... })';
  if (expected === 'array') return 'a list ([ ... ])';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

/** Currency signs that name one currency, as exports and spreadsheets show them. */
const SIGN_CODES = new Map([
  ['₩', 'KRW'],
  ['￦', 'KRW'],
  ['원', 'KRW'],
  ['円', 'JPY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₫', 'VND'],
]);

/** The code(s) a currency written another way stands for, as the message words them (`"KRW"`), or '' when unclear. */
function currencyCodeOf(given: string): string {
  const t = given.trim();
  // Lower case, when the code in capitals is one (Intl's list: "won" is no code).
  if (/^[A-Za-z]{3}$/u.test(t)) return Intl.supportedValuesOf('currency').includes(t.toUpperCase()) ? quoted(t.toUpperCase()) : '';
  const code = SIGN_CODES.get(t);
  if (code) return quoted(code);
  // Signs several currencies share: the ones meant, for the user to choose.
  if (t === '¥' || t === '￥') return '"JPY" for the yen or "CNY" for the yuan';
  if (t === '$' || t === '＄') return 'the dollar\'s code, such as "USD"';
  return '';
}

function issueText(issue: z.core.$ZodIssue, raw: unknown, keys: ConfigKeys): string {
  const given = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'invalid_key':
      return issue.issues.length > 0 ? `key ${issue.issues.map((i) => i.message).join('; ')}` : issue.message;
    case 'unrecognized_keys':
      return issue.keys.map((k) => unknownKey(k, issue.path, keys)).join('; ');
    case 'invalid_value': {
      if (raw === undefined) break;
      if (given === undefined) return `is missing: add ${issue.values.length === 1 ? '' : 'one of '}${list(issue.values)}`;
      const options = issue.values.filter((v) => typeof v === 'string');
      // A typo of an option, or a CRM's longer name holding exactly one option as a word ("Closed Lost" -> "lost").
      const words = typeof given === 'string' ? given.toLowerCase().split(/[^a-z]+/u) : [];
      const within = options.filter((o) => words.includes(o.toLowerCase()));
      const meant = typeof given === 'string' ? (closest(given, options) ?? (within.length === 1 ? within[0] : undefined)) : undefined;
      // An on-hold stage is an open one marked parked, not a kind of its own.
      if (issue.path.at(-1) === 'kind' && typeof given === 'string' && /park|hold|보류/iu.test(given)) {
        return `${quoted(given)} is not one of ${list(issue.values)}: an on-hold stage is "kind": "open" with "parked": true`;
      }
      return `${quoted(given)} is not one of ${list(issue.values)}${meant ? `: write ${quoted(meant)}` : ''}`;
    }
    case 'invalid_type': {
      if (raw === undefined) break;
      if (given === undefined) return `is missing: add it (${typeWords(issue.expected)})`;
      if (issue.expected === 'number' && typeof given === 'string') {
        const n = numberFromText(given);
        return `must be a number, not the text ${quoted(given)}${n !== undefined ? `: write ${n} (without quotes)` : ''}`;
      }
      // JSON reads 1e309 as Infinity, which JSON.stringify would quote as "null".
      if (issue.expected === 'number' && typeof given === 'number' && !Number.isFinite(given)) return `must be a finite number, not one too large to hold (beyond ${given < 0 ? '-' : ''}1.8e308, read as infinity)`;
      const last = issue.path.at(-1);
      if ((last === 'label' || last === 'buyer_step') && typeof given === 'string' && given.trim() !== '') {
        // Text per language: the one text written becomes the text of its language.
        const lang = /\p{Script=Hangul}/u.test(given) ? 'ko' : 'en';
        return `must be an object of text per language, not the text ${quoted(given)}: write {${quoted(lang)}: ${quoted(given)}}`;
      }
      const what = given === null ? 'null' : Array.isArray(given) ? 'a list' : typeof given === 'object' ? 'an object' : `the ${typeof given} ${quoted(given)}`;
      return `must be ${typeWords(issue.expected)}, not ${what}`;
    }
    case 'too_big':
    case 'too_small': {
      // A probability written in percent.
      if (issue.code === 'too_big' && issue.path.at(-1) === 'probability' && typeof given === 'number' && given <= 100) {
        return `must be from 0 to 1, not ${given}: a probability is a fraction; write ${given / 100} for ${given} %`;
      }
      // The bound in words, and the value written (zod's own "Too big: expected number to be <=1200" says neither plainly).
      const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      const words = issue.code === 'too_big' ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
      if ((issue.origin === 'number' || issue.origin === 'int') && typeof given === 'number') return `must be ${words} ${bound}, not ${given}`;
      if (issue.origin === 'array' && Array.isArray(given)) return `must list ${words} ${bound} ${bound === 1 ? 'item' : 'items'}, not ${given.length}`;
      break;
    }
    case 'invalid_format':
      // The currency in lower case, or as the sign an export shows: the code to write.
      if (issue.path.length === 1 && issue.path[0] === 'currency' && typeof given === 'string') {
        const code = currencyCodeOf(given);
        return `${issue.message}, not ${quoted(given)}${code ? `: write ${code}` : ''}`;
      }
      break;
    case 'custom':
      if (issue.path.length === 1 && issue.path[0] === 'timezone' && typeof given === 'string') {
        // A typo, or the city alone ("Seoul", "new york") of one zone.
        const city = given.trim().replace(/\s+/gu, '_').toLowerCase();
        const ofCity = timeZones().filter((z) => z.toLowerCase().endsWith(`/${city}`));
        const meant = closest(given, timeZones()) ?? (ofCity.length === 1 ? ofCity[0] : undefined);
        const abbreviation = /^[A-Z]{2,5}$/u.test(given) && given !== 'UTC';
        const fix = meant ? `: did you mean ${quoted(meant)}?` : abbreviation ? ': an abbreviation is not a zone; write the zone, such as "Asia/Seoul" for KST' : '';
        return `${issue.message}, not ${quoted(given)}${fix}`;
      }
      break;
  }
  return issue.message;
}

/** One line per problem: `pipeline.config.json: stages[2].kind at line 9 column 25: "Won" is not one of ...`. */
export function configIssueLines(error: z.ZodError, raw: unknown, keys: ConfigKeys, file: string, layout?: JsonLayout): string {
  return error.issues
    .map((i) => {
      const key = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [...i.path, i.keys[0]!] : i.path;
      // A problem with a key (unknown, malformed, or a stall_days key that is no stage) points at the key, others at the value.
      const aboutKey = i.code === 'unrecognized_keys' || i.code === 'invalid_key' || (i.code === 'custom' && i.path[0] === 'stall_days');
      const at = layout?.positionOf(key, aboutKey);
      return `${file}: ${keyPath(key)}${at ? ` at ${atPosition(at)}` : ''}: ${issueText(i, raw, keys)}`;
    })
    .join('\n');
}

/** The line for a `__proto__` key at `path` (config.ts `protoKeyPath`), with where it is written when the text is known. */
export function protoKeyLine(path: readonly PropertyKey[], file: string, layout?: JsonLayout): string {
  const at = layout?.positionOf(path as (string | number)[], true);
  return `${file}: ${keyPath(path)}${at ? ` at ${atPosition(at)}` : ''}: "__proto__" is not allowed as a name`;
}

/** Keys written twice in one object: JSON.parse keeps the last silently, so the first would be ignored unseen. */
export function duplicateKeyLines(layout: JsonLayout, file: string): string {
  return layout.duplicates
    .map((d) => `${file}: ${keyPath([...d.path, d.key])} at ${atPosition(d.again)}: ${quoted(d.key)} is written twice in the same object (first at ${atPosition(d.first)}); keep one of them`)
    .join('\n');
}
