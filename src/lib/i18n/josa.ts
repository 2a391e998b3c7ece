/**
 * Korean particles (조사) after a value that is only known at run time:
 * '3,900만원으로' but '120만 달러로', '18%를' but '실주 사유을' never.
 * The choice follows the sound of the last character as read aloud.
 */
import { halfWidthForms } from '../half-width.ts';

export type JosaPair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로';

// Final consonant of each digit as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
// 0 = none, 8 = ㄹ, other = another consonant.
const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0];
/** Some final consonant other than ㄹ (the particle only tells none, ㄹ and the rest apart). */
const CONSONANT = 1;
const RIEUL = 8;

/** Latin letters read by their names (acronyms, a letter after a digit): 엘 엠 엔 알 end in a consonant, the rest in a vowel. */
const LETTER_FINAL: Record<string, number> = { L: RIEUL, M: CONSONANT, N: CONSONANT, R: RIEUL };

/**
 * How an English word ends as Koreans write it: 'deal' 딜, 'Google' 구글 (ㄹ);
 * 'team' 팀, 'Precision' 프리시전, 'Samsung' 삼성, 'name' 네임, 'pipeline'
 * 파이프라인, 'HubSpot' 허브스폿, 'closed_at' 클로즈드앳, 'Fanuc' 화낙 (another
 * consonant); anything else ('Salesforce', 'Lost', 'manager', 'Discovery',
 * 'Acme' 애크미) ends in a vowel. Best effort: English spelling does not always tell.
 */
function latinWordFinal(word: string): number {
  const w = word.toLowerCase();
  if (/(?:l|le)$/.test(w)) return RIEUL;
  // A final 'me' after a consonant is read: 'Acme' 애크미, not 'name' 네임.
  if (/[^aeiou]me$/.test(w)) return 0;
  if (/(?:m|n|ng|me|ne|ck)$/.test(w)) return CONSONANT;
  // A short vowel closed by p, t, k or c: 'spot' 스폿, 'at' 앳, 'book' 북, 'Fanuc' 화낙; not 'boat' 보트 or 'list' 리스트.
  if (/(?:^|[^aeiou])(?:[aeiou]|oo)[ptkc]$/.test(w)) return CONSONANT;
  return 0;
}

/** The part of `text` read last: the word before a closing gloss ('조직(organization)' -> '조직'), else what is inside closing brackets and quotes. */
function lastRead(word: string): string {
  // A right-to-left name's isolate (bidi.ts) is no letter: the particle follows the name.
  let text = word.replace(/[\s'"’”.\u2066-\u2069]+$/u, '');
  // A parenthesis after a word is a gloss or an aside: the particle follows the word ('정체 딜(3건)이', '사과(apple)를').
  const gloss = /^(?<before>.*\S)\s*[([][^()[\]]*[)\]]$/u.exec(text);
  if (gloss && /[^\s'"‘“([]/u.test(gloss.groups!.before!)) return lastRead(gloss.groups!.before!);
  text = text.replace(/[\s)\]}>›»〉》」』'"’”.]+$/u, '');
  return text;
}

/** Final consonant index (0 none, 8 ㄹ, else other) of how `word` ends aloud. */
function finalOf(word: string): number {
  // Full-width digits and letters (３０００, as an input method types them) read as their ASCII forms.
  const text = halfWidthForms(lastRead(word));
  const last = text.at(-1);
  if (last === undefined) return 0;
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  if (last >= '0' && last <= '9') {
    // 10 십, 100 백, 1,000 천, 10,000 만: a trailing zero reads as a unit with a final consonant.
    const digits = text.replace(/[^0-9.]/g, '');
    if (last === '0' && !digits.includes('.') && /[1-9]0+$/.test(digits)) return CONSONANT;
    return DIGIT_FINAL[Number(last)]!;
  }
  if (last === '%') return 0; // 퍼센트
  // A date written in Japanese or Chinese (2025年3月4日) ends as its Sino-Korean reading: 년, 월, 일.
  if (last === '年') return CONSONANT;
  // 円, the yen: 엔.
  if (last === '円') return CONSONANT;
  // Japanese and Chinese number units (3,500万), read as the Korean ones: 만, 억, 천, 백, 십 (조 ends in a vowel).
  if ('万萬億亿千百十'.includes(last)) return CONSONANT;
  // Japanese kana end in a vowel, but ン (ん), read ㄴ: 'パイプライン' 파이프라인.
  if (last === 'ン' || last === 'ん') return CONSONANT;
  if (last === '月' || last === '日') return RIEUL;
  if (/[A-Za-z]/.test(last)) {
    const word = /[A-Za-z]+$/.exec(text)![0];
    // An acronym or a lone letter is read letter by letter: 'CRM' 씨알엠, 'ID' 아이디, 'CNC-5X' 엑스.
    const spelled = word.length === 1 || (word === word.toUpperCase() && word.length <= 5);
    return spelled ? (LETTER_FINAL[last.toUpperCase()] ?? 0) : latinWordFinal(word);
  }
  return 0; // other symbols: read as ending in a vowel (best effort)
}

/** `word` followed by the right form of the particle: josa('3,900만원', '으로/로') -> '3,900만원으로'. */
export function josa(word: string, pair: JosaPair): string {
  return word + particle(word, pair);
}

/**
 * The form of the particle that follows `word`, alone: for a text written with more than the word it is read
 * by (particle('dist', '을/를') after 'dist/': the slash is not read aloud).
 */
export function particle(word: string, pair: JosaPair): string {
  const final = finalOf(word);
  const [withConsonant, withVowel] = pair.split('/') as [string, string];
  if (pair === '으로/로') return final === 0 || final === RIEUL ? withVowel : withConsonant;
  return final === 0 ? withVowel : withConsonant;
}
