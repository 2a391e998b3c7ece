/**
 * The filter form's choices (build-data.ts `filterChoices`): the names as
 * filtered, the creation periods, and the close periods of the deals' close
 * dates at as_of, newest first, none a link could not name.
 */
import { describe, expect, it } from 'vitest';
import { filterChoices } from '../../../src/lib/filters/build-data.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { prepare } from '../../../src/lib/metrics/index.ts';
import { snapshotAt } from '../../../src/lib/metrics/context.ts';
import { closeDaysOf } from '../../../src/lib/model/close-days.ts';
import { cutoffOf } from '../../../src/lib/time.ts';
import { makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig({ timezone: 'Asia/Seoul' });

describe('filterChoices', () => {
  it('lists creation and close periods, quarters then years, newest first; a close date past year 9998 is in none', () => {
    const dataset = makeDataset(config, [
      { id: 'a', owner: ' Kim ', createdAt: noonOf('2024-11-03'), history: [['prospect', noonOf('2024-11-03')], ['won', noonOf('2025-02-10')]] },
      { id: 'b', owner: '', createdAt: noonOf('2025-04-01'), expectedCloseAt: '2025-09-30', history: [['prospect', noonOf('2025-04-01')]] },
      { id: 'c', owner: 'Lee', createdAt: noonOf('2025-05-20'), expectedCloseAt: '9999-12-31', history: [['prospect', noonOf('2025-05-20')]] },
      { id: 'd', owner: 'Lee', createdAt: noonOf('2025-06-01'), history: [['prospect', noonOf('2025-06-01')]] },
    ]);
    const closeDays = closeDaysOf(snapshotAt(prepare(dataset, config), cutoffOf('2025-06-30', 'Asia/Seoul')), 'Asia/Seoul');
    const choices = filterChoices(dataset, config, closeDays);
    expect(choices.owners).toEqual(['(unspecified)', 'Kim', 'Lee']);
    expect(choices.periods).toEqual(['2025-Q2', '2024-Q4', '2025', '2024']);
    // a: won Feb 10, 2025; b: expected Sep 30, 2025; c: 9999-12-31, which no link could name; d: no date.
    expect(choices.closings).toEqual(['2025-Q3', '2025-Q1', '2025']);
    expect(choices.regions).toEqual([]);
  });
});
