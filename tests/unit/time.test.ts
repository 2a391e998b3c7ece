import { describe, expect, it } from 'vitest';
import { addMonths, cutoffOf, localDateOf, localToInstant, startOfLocalDate } from '../../src/lib/time.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('time in a zone', () => {
  it('reads date-only values as 00:00 local time', () => {
    expect(iso(startOfLocalDate('2025-06-30', 'Asia/Seoul'))).toBe('2025-06-29T15:00:00.000Z');
    expect(iso(cutoffOf('2025-06-30', 'UTC'))).toBe('2025-07-01T00:00:00.000Z');
    expect(localDateOf(Date.parse('2025-06-29T15:00:00Z'), 'Asia/Seoul')).toBe('2025-06-30');
    expect(localDateOf(Date.parse('2025-06-29T14:59:59Z'), 'Asia/Seoul')).toBe('2025-06-29');
  });

  it('takes the earlier instant in an autumn overlap, east and west of UTC', () => {
    // Berlin 2025-10-26 02:30 happens twice: 00:30Z (CEST) and 01:30Z (CET).
    expect(iso(localToInstant(2025, 10, 26, 2, 30, 0, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    // New York 2025-11-02 01:30 happens twice: 05:30Z (EDT) and 06:30Z (EST).
    expect(iso(localToInstant(2025, 11, 2, 1, 30, 0, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
  });

  it('moves a time in a spring gap forward, including a skipped midnight', () => {
    // Berlin 2025-03-30 02:30 does not exist: read with +01:00, it is 03:30 CEST.
    expect(iso(localToInstant(2025, 3, 30, 2, 30, 0, 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z');
    // Santiago skips 2024-09-08 00:00 (clocks jump to 01:00, -03:00): the day starts at 01:00.
    const start = startOfLocalDate('2024-09-08', 'America/Santiago');
    expect(iso(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(localDateOf(start, 'America/Santiago')).toBe('2024-09-08');
  });

  it('adds calendar months with the day clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 36)).toBe('2028-11-15');
  });
});
