/**
 * Guessing what a CRM stage name means, for the stage-map error's snippet
 * and `npm run init`: won, lost, parked (on hold) or an ordinary open stage.
 * Only a suggestion the user reviews; the engine never maps names by guess.
 */
import type { StageKind } from '../config.ts';

const WON = /\b(closed[\s_-]*won|won|win|gewonnen|gagn[ée]e?|ganad[ao]|ganho|vinto)\b|수주|성사|계약\s*완료/iu;
const LOST = /\b(closed[\s_-]*lost|lost|lose|loss|not[\s_-]*awarded|disqualified|verloren|perdu[e]?|perdid[ao]|perso|no[\s_-]*decision|dead)\b|실주|실패|드롭/iu;
const PARKED = /\b(on[\s_-]*hold|hold|paused|parked|revisit|future[\s_-]*opportunit(y|ies)|dormant|nurture)\b|보류|대기/iu;

export interface StageGuess {
  kind: StageKind;
  parked: boolean;
}

export function guessStageKind(name: string): StageGuess {
  if (WON.test(name) && !/\bnot\b/iu.test(name)) return { kind: 'won', parked: false };
  if (LOST.test(name)) return { kind: 'lost', parked: false };
  if (PARKED.test(name)) return { kind: 'open', parked: true };
  return { kind: 'open', parked: false };
}

/** Text written in Hangul (a stage, deal or account name in Korean). */
export const HANGUL = /\p{Script=Hangul}/u;

/** A CRM stage name as a config label: under "ko" when written in Hangul, else under "en". */
export function nameLabel(name: string): Record<string, string> {
  return HANGUL.test(name) ? { ko: name } : { en: name };
}

// Revised Romanization of Korean, letter by letter: a syllable's initial, vowel and final.
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** Unicode's Hangul syllables: U+AC00 + (initial x 21 + vowel) x 28 + final. */
const FIRST_SYLLABLE = 0xac00;
const PER_INITIAL = VOWELS.length * FINALS.length;
const SYLLABLES = INITIALS.length * PER_INITIAL;

/**
 * Hangul syllables in Latin letters (Revised Romanization, each syllable on
 * its own, without the sound changes between syllables: `확인` is `hwakin`),
 * the rest as it is: a Korean stage name's id reads as the name
 * (`견적 제출` -> `gyeonjeok_jechul`), not as `stage_2`.
 */
export function romanizeHangul(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)! - FIRST_SYLLABLE;
    if (code < 0 || code >= SYLLABLES) {
      out += ch;
      continue;
    }
    out += INITIALS[Math.floor(code / PER_INITIAL)]! + VOWELS[Math.floor((code % PER_INITIAL) / FINALS.length)]! + FINALS[code % FINALS.length]!;
  }
  return out;
}

/** A config stage id from a CRM stage name: lower-case ASCII words joined by `_`, Hangul romanized (or `stage_N` when nothing is left). */
export function stageIdFrom(name: string, taken: Pick<ReadonlySet<string>, 'has'>): string {
  const base =
    romanizeHangul(name)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '_')
      .replace(/^_+|_+$/gu, '') || 'stage';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}
