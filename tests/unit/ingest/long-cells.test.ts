/**
 * A cell of a broken export can be very long: a date followed by 300,000 spaces. Its message's hints (a weekday
 * after the date, a unit after a number, a period written another way) are looked for only in short cells: their
 * patterns backtrack over a run of spaces, and such a cell took minutes (a 5 MB one hours) to be rejected. These
 * finish at once with the fix and hang past the test's time without it.
 */
import { describe, expect, it } from 'vitest';
import { MAX_HINTED_LENGTH } from '../../../src/lib/ingest/cell-hints.ts';
import { Invalid, parseInstant, parseInteger, parseLocalDate, parsePeriod } from '../../../src/lib/ingest/values.ts';
import { parseMoney } from '../../../src/lib/ingest/money.ts';

const opts = { timeZone: 'Asia/Seoul', dateOrder: 'YMD' as const };
const spaces = ' '.repeat(300_000);

describe('a very long cell is rejected at once, with its reason and no hint', () => {
  it('a date, a whole number, a period and an amount', () => {
    const date = parseInstant(`2026-01-10${spaces}x`, opts) as Invalid;
    expect(date).toBeInstanceOf(Invalid);
    expect(date.reason).toMatch(/^"2026-01-10 {30}…" has an unreadable time \(expected HH:mm\[:ss\]\[Z\|±HH:MM\]\)$/u);
    expect((parseLocalDate(`2026-01-10${spaces}(월)x`, opts) as Invalid).reason).toMatch(/is not a date|unreadable time/u);
    expect((parseInteger(`12${spaces}x`, 1, 600, 'months') as Invalid).reason).toMatch(/^"12 {38}…" is not a whole number/u);
    expect((parsePeriod(`2025${spaces}!`) as Invalid).reason).toMatch(/^"2025 {36}…" is not a period \(expected YYYY-MM or YYYY-Qn\)$/u);
    expect(parseMoney(`12${spaces}x`, { decimal: '.' })).toBeInstanceOf(Invalid);
  });

  it('short cells keep their hints', () => {
    expect(MAX_HINTED_LENGTH).toBe(64);
    expect((parseLocalDate('2026-01-10 (월)', opts) as Invalid).reason).toMatch(/it looks like a date with its weekday: write it as 2026-01-10/u);
    expect((parseInteger('12개월', 1, 600, 'months') as Invalid).reason).toMatch(/write the number alone, as 12/u);
    expect((parsePeriod('2025년 3분기') as Invalid).reason).toMatch(/write it as 2025-Q3/u);
  });
});

describe('a file whose lines end with Unicode’s own line ends', () => {
  it('is refused whole, naming the character, rather than read as one header line and no row', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readFolder } = await import('../../../src/lib/ingest/read-folder.ts');
    const { IngestFatalError } = await import('../../../src/lib/ingest/issues.ts');
    const { fatalText } = await import('../../../src/lib/i18n/fatal-text.ts');
    const dir = mkdtempSync(join(tmpdir(), 'pipescope-u2028-'));
    copyFileSync('tests/fixtures/spec-example/data/stage_history.csv', join(dir, 'stage_history.csv'));
    const { readFileSync } = await import('node:fs');
    // deals.csv as such a program writes it: every line ended by U+2028 (LINE SEPARATOR).
    writeFileSync(join(dir, 'deals.csv'), readFileSync('tests/fixtures/spec-example/data/deals.csv', 'utf8').replace(/\r?\n/gu, '\u2028'));
    const error = await readFolder(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestFatalError);
    const e = error as InstanceType<typeof IngestFatalError>;
    expect(e.message).toBe('deals.csv: its lines end with U+2028, which CSV does not use, so the whole file reads as one header line: save it again with ordinary line ends (LF or CRLF)');
    expect(fatalText(e, 'ko')).toBe('deals.csv: 줄 끝이 CSV에서 쓰지 않는 문자(U+2028)라서 파일 전체가 머리글 한 줄로 읽힙니다. 일반 줄 끝(LF 또는 CRLF)으로 다시 저장하세요');
  });
});
