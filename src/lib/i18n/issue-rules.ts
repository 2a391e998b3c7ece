/**
 * What the Korean rules of data-quality messages share (issue-text.ts and
 * the modules beside it): a rule is a pattern of an English message, with
 * named groups for its parameters, and the Korean sentence made of them.
 */
import { josa } from './josa.ts';

export type Groups = Record<string, string>;
/** The Korean of a matched message; null when a part of it has no Korean (the message then stays in English). */
export type Rule = [RegExp, (g: Groups) => string | null];
/** Rules by issue code. */
export type Rules = Record<string, Rule[]>;

/** A JSON-quoted value as ingest writes it (`quoteValue`). */
export const V = String.raw`(?<v>"(?:[^"\\]|\\.)*")`;
/** A column name in front of a row problem. */
export const COL = String.raw`(?<col>[^"]+?)`;
/** A name in double quotes as the adapters write it (a column label, an id, a file's pipeline): group `name`. */
export const QUOTED = (name: string) => String.raw`"(?<${name}>[^"]*)"`;
/** A pattern of a whole message. */
export const re = (source: string) => new RegExp(`^${source}$`, 'u');

export const topic = (word: string) => josa(word, '은/는');
export const subject = (word: string) => josa(word, '이/가');
export const object = (word: string) => josa(word, '을/를');

/**
 * Lines as ingest lists them (`lineList`, `lineRange` in ingest): "line 5",
 * "lines 5-9", "lines 2, 3 and 4", "lines 2, 17-19 and 10 more", in Korean:
 * "5행", "5~9행", "2, 3, 4행", "2, 17~19행 외 10개 행".
 */
const LINE_ITEM = String.raw`\d+(?:-\d+)?`;
export const LINES = String.raw`(?<lines>lines? ${LINE_ITEM}(?:, ${LINE_ITEM})*(?: and ${LINE_ITEM}(?: more)?)?)`;
export function koLines(lines: string): string {
  const list = lines.replace(/^lines? /u, '').replace(/(\d+)-(\d+)/gu, '$1~$2');
  const more = /^(?<shown>.+) and (?<n>\d+) more$/u.exec(list);
  if (more) return `${more.groups!.shown}행 외 ${more.groups!.n}개 행`;
  return `${list.replace(/ and /u, ', ')}행`;
}

/** A vendor adapter's list of lines ("5", "5, 9", "1, 4-9, ... (25 in all)"), in Korean. */
export const LINE_LIST = String.raw`(?<list>[\d, .-]+(?: \(\d+ in all\))?)`;
export function koLineList(text: string): string {
  const list = text.replace(/(\d+)-(\d+)/gu, '$1~$2');
  const all = /^(?<shown>.+), \.\.\. \((?<n>\d+) in all\)$/u.exec(list);
  return all ? `${all.groups!.shown}, ...행(모두 ${all.groups!.n}개 행)` : `${list}행`;
}

/** Rule sets merged by code: a code's rules are tried in the order of the sets given. */
export function mergeRules(...sets: Rules[]): Rules {
  const out = Object.create(null) as Rules;
  for (const set of sets) for (const [code, rules] of Object.entries(set)) out[code] = [...(out[code] ?? []), ...rules];
  return out;
}

/** The Korean of `message` by the first of `rules` that says it; null when none does. */
export function sayWith(rules: readonly Rule[], message: string): string | null {
  for (const [pattern, say] of rules) {
    const m = pattern.exec(message);
    const said = m ? say({ ...m.groups }) : null;
    if (said !== null) return said;
  }
  return null;
}

/** values.ts `thousandsDoubt` after its quoted value, with the mark's readings as groups `d`, `mark`, `t` and `set`. */
export const THOUSANDS_DOUBT_EN = String.raw`is read as (?<d>[\d.]+) \(a decimal (?<mark>point|comma)\); if the (?:dot|comma) separates thousands \((?<t>\d+)\), set "decimal": "(?<set>[.,])" in pipeline\.config\.json`;
export function thousandsDoubtKo(g: Groups): string {
  const [reading, mark] = g.mark === 'point' ? ['소수점으로', '점이'] : ['쉼표를 소수점으로', '쉼표가'];
  // Read aloud "." is 점 and "," 쉼표: 으로 after the one, 로 after the other.
  return `${reading} 읽어 ${g.d}입니다. ${mark} 천 단위 구분 기호라면(${g.t}) pipeline.config.json의 "decimal"을 "${g.set}"${g.set === '.' ? '으로' : '로'} 지정하세요`;
}
