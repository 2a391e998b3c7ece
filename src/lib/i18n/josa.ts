/**
 * Korean particles (조사) after a value that is only known at run time:
 * '3,900만원으로' but '120만 달러로', '18%를' but '실주 사유을' never.
 * The choice follows the sound of the last character as read aloud.
 */

export type JosaPair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로';

// Final consonant of each digit as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
// 0 = none, 8 = ㄹ, other = another consonant.
const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0];

/** Final consonant index (0 none, 8 ㄹ, else other) of how `word` ends aloud. */
function finalOf(word: string): number {
  const text = word.replace(/[\s)\]'"’”.]+$/u, '');
  const last = text.at(-1);
  if (last === undefined) return 0;
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  if (last >= '0' && last <= '9') {
    // 10 십, 100 백, 1,000 천, 10,000 만: a trailing zero reads as a unit with a final consonant.
    const digits = text.replace(/[^0-9.]/g, '');
    if (last === '0' && !digits.includes('.') && /[1-9]0+$/.test(digits)) return 1;
    return DIGIT_FINAL[Number(last)]!;
  }
  if (last === '%') return 0; // 퍼센트
  return 0; // Latin letters and symbols: read as ending in a vowel (best effort)
}

/** `word` followed by the right form of the particle: josa('3,900만원', '으로/로') -> '3,900만원으로'. */
export function josa(word: string, pair: JosaPair): string {
  const final = finalOf(word);
  const [withConsonant, withVowel] = pair.split('/') as [string, string];
  if (pair === '으로/로') return word + (final === 0 || final === 8 ? withVowel : withConsonant);
  return word + (final === 0 ? withVowel : withConsonant);
}
