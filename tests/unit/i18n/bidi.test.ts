import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { chartTexts } from '../../../src/lib/i18n/chart-text.ts';
import { isolated, josa, messages } from '../../../src/lib/i18n/index.ts';

const FSI = '\u2068';
const PDI = '\u2069';

describe('right-to-left names in sentences', () => {
  it('isolates a text with a right-to-left letter, and only such a text', () => {
    expect(isolated('שלום')).toBe(`${FSI}שלום${PDI}`);
    expect(isolated('شركة النور')).toBe(`${FSI}شركة النور${PDI}`);
    expect(isolated('Acme (שלום)')).toBe(`${FSI}Acme (שלום)${PDI}`);
    for (const name of ['울산', 'Acme Corp', '(unspecified)', '₩8.66B', '']) expect(isolated(name)).toBe(name);
    // A sentence made of isolated names is not isolated again: its own first letter sets its direction.
    const sentence = `Deals in ${FSI}שלום${PDI} were won most often`;
    expect(isolated(sentence)).toBe(sentence);
  });

  it('keeps the digits after a right-to-left name in their place: the name is isolated in the sentence, in English and Korean', () => {
    const p = { name: 'שלום', amount: '₩8.66B', share: '17%' };
    expect(messages('en').groups.region.mostWon(p)).toBe(`The most won amount came from ${FSI}שלום${PDI}: ₩8.66B, 17% of it.`);
    expect(messages('ko').groups.region.mostWon(p)).toBe(`수주 금액은 ${FSI}שלום${PDI} 지역에서 가장 많이 나왔습니다: ₩8.66B, 전체의 17%.`);
    // Other parameters, and a Korean or English name, as written.
    expect(messages('en').groups.region.mostWon({ ...p, name: '울산' })).toBe('The most won amount came from 울산: ₩8.66B, 17% of it.');
    const f = createFormatter('en', 'KRW');
    expect(messages('en').groups.region.tooFew({ min: 10 }, f)).toBe('Fewer than two regions have 10\u00a0closed deals in the analysis window, too few to compare their win rates.');
  });

  it('isolates the names a chart’s sentence is given', () => {
    // "مرحلة holds the most open pipeline: ₩1B" would show its amount before the colon.
    expect(chartTexts('en').pipeline.takeaway({ stage: 'مرحلة', share: '40%', amount: '₩1B' })).toBe(`${FSI}مرحلة${PDI} holds the most open pipeline: ₩1B, 40% of the total.`);
  });

  it('a Korean particle after an isolated name reads the name, not its isolate', () => {
    expect(josa(`${FSI}שלום${PDI}`, '은/는')).toBe(`${FSI}שלום${PDI}는`);
    // Read as Kim (킴): 이, not the 가 of a word ending in a vowel.
    expect(josa(`${FSI}Kim${PDI}`, '이/가')).toBe(`${FSI}Kim${PDI}이`);
  });
});
