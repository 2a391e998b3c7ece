/**
 * Each deal's close date at a cut-off (model/close-days.ts), which the
 * `closing` filter matches: hand-worked deals at the end of 2025-06-30 in
 * Asia/Seoul (UTC+9).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { prepare } from '../../../src/lib/metrics/index.ts';
import { snapshotAt } from '../../../src/lib/metrics/context.ts';
import { closeDaysOf } from '../../../src/lib/model/close-days.ts';
import { cutoffOf, dateOfDay } from '../../../src/lib/time.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const config = parseConfig({ timezone: 'Asia/Seoul' });
const at = (iso: string) => Date.parse(iso);
const T = cutoffOf('2025-06-30', 'Asia/Seoul');

describe('closeDaysOf', () => {
  it('the day a closed deal closed, an open deal’s expected close at T, none for a deal not there at T', () => {
    const dataset = makeDataset(
      config,
      [
        // Won at 20:00 UTC on May 10: May 11 in Seoul.
        { id: 'won', createdAt: at('2025-03-01T03:00:00Z'), history: [['prospect', at('2025-03-01T03:00:00Z')], ['won', at('2025-05-10T20:00:00Z')]] },
        // Open; its close date moved to Aug 15 only after T: at T it was still Jun 20 (the first change's old value).
        { id: 'moved later', createdAt: at('2025-04-01T03:00:00Z'), expectedCloseAt: '2025-08-15', history: [['prospect', at('2025-04-01T03:00:00Z')]] },
        // Open, with no expected close.
        { id: 'no date', createdAt: at('2025-04-01T03:00:00Z'), history: [['prospect', at('2025-04-01T03:00:00Z')]] },
        // Created after T.
        { id: 'later', createdAt: at('2025-07-02T03:00:00Z'), expectedCloseAt: '2025-09-30', history: [['prospect', at('2025-07-02T03:00:00Z')]] },
        // Removed before T.
        { id: 'removed', createdAt: at('2025-02-01T03:00:00Z'), expectedCloseAt: '2025-07-31', removedAt: at('2025-06-01T03:00:00Z'), history: [['prospect', at('2025-02-01T03:00:00Z')]] },
        // Won on Apr 1, then lost after T: at T it is won, closed Apr 1.
        { id: 'won then lost', createdAt: at('2025-03-01T03:00:00Z'), history: [['prospect', at('2025-03-01T03:00:00Z')], ['won', at('2025-04-01T03:00:00Z')], ['lost', at('2025-07-10T03:00:00Z')]] },
        // Open with a change before T: its new value.
        { id: 'moved earlier', createdAt: at('2025-04-01T03:00:00Z'), expectedCloseAt: '2025-12-01', history: [['prospect', at('2025-04-01T03:00:00Z')]] },
      ],
      [
        { deal: 1, field: 'expected_close_at', oldValue: '2025-06-20', newValue: '2025-08-15', changedAt: at('2025-07-05T03:00:00Z'), line: 2 },
        { deal: 6, field: 'expected_close_at', oldValue: '2025-05-31', newValue: '2025-10-31', changedAt: at('2025-05-20T03:00:00Z'), line: 3 },
        { deal: 6, field: 'expected_close_at', oldValue: '2025-10-31', newValue: '2025-12-01', changedAt: at('2025-08-01T03:00:00Z'), line: 4 },
      ],
    );
    const days = closeDaysOf(snapshotAt(prepare(dataset, config), T), config.timezone);
    expect(Array.from(days, (d) => (d === d ? dateOfDay(d) : null))).toEqual(['2025-05-11', '2025-06-20', null, null, null, '2025-04-01', '2025-10-31']);
  });
});
