import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';

const en = createFormatter('en', 'KRW');
const ko = createFormatter('ko', 'KRW');

describe('dates', () => {
  it('a local date', () => {
    expect(en.date('2025-06-30')).toBe('Jun 30, 2025');
    expect(ko.date('2025-06-30')).toBe('2025.\u00a06.\u00a030.');
    expect(en.date('2025-01-01')).toBe('Jan 1, 2025');
    expect(ko.date('2024-12-31')).toBe('2024.\u00a012.\u00a031.');
  });
  it('never shifts the day whatever the process timezone (no Date parsing)', () => {
    const tz = process.env['TZ'];
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Seoul', 'Pacific/Kiritimati']) {
        process.env['TZ'] = zone;
        expect(en.date('2025-01-01')).toBe('Jan 1, 2025');
        expect(ko.date('2025-01-01')).toBe('2025.\u00a01.\u00a01.');
      }
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
  it('short dates', () => {
    expect(en.dateShort('2025-06-30')).toBe('Jun 30');
    expect(ko.dateShort('2025-06-30')).toBe('6월\u00a030일');
    // In a sentence, the date as it is said, so that a Korean particle reads after it ('2025년 6월 30일에').
    expect(en.dateLong('2025-06-30')).toBe('Jun 30, 2025');
    expect(ko.dateLong('2025-06-30')).toBe('2025년\u00a06월\u00a030일');
    expect(ko.dateLong('2025-02-30')).toBe('—');
  });
  it('months and periods', () => {
    expect(en.month('2025-06')).toBe('Jun 2025');
    expect(ko.month('2025-06')).toBe('2025년\u00a06월');
    expect(en.monthShort('2025-12')).toBe('Dec');
    expect(ko.monthShort('2025-12')).toBe('12월');
    expect(en.period('2025-Q2')).toBe('Q2 2025');
    expect(ko.period('2025-Q2')).toBe('2025년\u00a02분기');
    expect(en.period('2025-06')).toBe('Jun 2025');
    expect(ko.period('2025-06')).toBe('2025년\u00a06월');
  });
  it('a Korean date never breaks across lines: its spaces are no-break spaces (U+00A0)', () => {
    const shown = [ko.date('2026-06-30'), ko.dateShort('2026-06-30'), ko.month('2026-06'), ko.period('2026-Q3'), ko.period('2026-06')];
    expect(shown).toEqual(['2026.\u00a06.\u00a030.', '6월\u00a030일', '2026년\u00a06월', '2026년\u00a03분기', '2026년\u00a06월']);
    for (const s of shown) expect(s, s).not.toMatch(/[ \t\n]/);
    // English keeps ordinary spaces.
    expect(en.date('2026-06-30')).toBe('Jun 30, 2026');
  });
  it('malformed or missing input is an em dash', () => {
    for (const f of [en, ko]) {
      expect(f.date(null)).toBe('—');
      expect(f.date(undefined)).toBe('—');
      expect(f.date('2025-02-30')).toBe('—');
      expect(f.date('2025-6-30')).toBe('—');
      expect(f.date('2025-06-30T00:00:00Z')).toBe('—');
      expect(f.dateShort('')).toBe('—');
      expect(f.month('2025-13')).toBe('—');
      expect(f.month('2025-06-30')).toBe('—');
      expect(f.monthShort(null)).toBe('—');
      expect(f.period('2025-Q5')).toBe('—');
    }
  });
});
