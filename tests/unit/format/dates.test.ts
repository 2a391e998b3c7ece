import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';

const en = createFormatter('en', 'KRW');
const ko = createFormatter('ko', 'KRW');

describe('dates', () => {
  it('a local date', () => {
    expect(en.date('2025-06-30')).toBe('Jun 30, 2025');
    expect(ko.date('2025-06-30')).toBe('2025. 6. 30.');
    expect(en.date('2025-01-01')).toBe('Jan 1, 2025');
    expect(ko.date('2024-12-31')).toBe('2024. 12. 31.');
  });
  it('never shifts the day whatever the process timezone (no Date parsing)', () => {
    const tz = process.env['TZ'];
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Seoul', 'Pacific/Kiritimati']) {
        process.env['TZ'] = zone;
        expect(en.date('2025-01-01')).toBe('Jan 1, 2025');
        expect(ko.date('2025-01-01')).toBe('2025. 1. 1.');
      }
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
  it('short dates', () => {
    expect(en.dateShort('2025-06-30')).toBe('Jun 30');
    expect(ko.dateShort('2025-06-30')).toBe('6월 30일');
  });
  it('months and periods', () => {
    expect(en.month('2025-06')).toBe('Jun 2025');
    expect(ko.month('2025-06')).toBe('2025년 6월');
    expect(en.monthShort('2025-12')).toBe('Dec');
    expect(ko.monthShort('2025-12')).toBe('12월');
    expect(en.period('2025-Q2')).toBe('Q2 2025');
    expect(ko.period('2025-Q2')).toBe('2025년 2분기');
    expect(en.period('2025-06')).toBe('Jun 2025');
    expect(ko.period('2025-06')).toBe('2025년 6월');
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
