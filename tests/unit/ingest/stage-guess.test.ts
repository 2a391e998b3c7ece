/** Config stage ids and labels from CRM stage names (init and the unknown-stage snippet). */
import { describe, expect, it } from 'vitest';
import { nameLabel, romanizeHangul, stageIdFrom } from '../../../src/lib/ingest/vendor/stage-guess.ts';

describe('romanizeHangul', () => {
  it('writes each syllable in Revised Romanization, letter by letter, and leaves other text as it is', () => {
    expect(romanizeHangul('가망 고객')).toBe('gamang gogaek');
    expect(romanizeHangul('의사결정자 동의')).toBe('uisagyeoljeongja dongui');
    // Tense initials, a compound final, ㅎ as a final; no sound change between syllables (확인 is said "hwagin").
    expect(romanizeHangul('까치 닭 좋다 확인')).toBe('kkachi dak jotda hwakin');
    expect(romanizeHangul('CNC-5X 견적')).toBe('CNC-5X gyeonjeok');
  });

  it('reads decomposed Hangul (as macOS writes file names and some exports) as the composed text', () => {
    const decomposed = '견적 제출'.normalize('NFD');
    expect(decomposed).not.toBe('견적 제출');
    expect(romanizeHangul(decomposed)).toBe('gyeonjeok jechul');
  });
});

describe('stageIdFrom', () => {
  it('makes lower-case ASCII words joined by _, Korean names romanized, each id once', () => {
    expect(stageIdFrom('Proposal/Price Quote', new Set())).toBe('proposal_price_quote');
    expect(stageIdFrom('계약서 발송', new Set())).toBe('gyeyakseo_balsong');
    expect(stageIdFrom('협상중', new Set(['hyeopsangjung']))).toBe('hyeopsangjung_2');
    expect(stageIdFrom('Négociation', new Set())).toBe('negociation');
    expect(stageIdFrom('★', new Set())).toBe('stage');
  });
});

describe('nameLabel', () => {
  it('puts a name written in Hangul under "ko", any other under "en"', () => {
    expect(nameLabel('수주')).toEqual({ ko: '수주' });
    expect(nameLabel('CNC 견적')).toEqual({ ko: 'CNC 견적' });
    expect(nameLabel('Closed Won')).toEqual({ en: 'Closed Won' });
  });
});
