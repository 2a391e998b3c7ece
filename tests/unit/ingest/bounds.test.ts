/** Numbers and dates within sane bounds (issue 7): nothing overflows, every derived date stays writable. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { Invalid, parseInstant } from '../../../src/lib/ingest/values.ts';
import { MAX_AMOUNT, parseMoney } from '../../../src/lib/ingest/money.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';

const enc = new TextEncoder();
const dot = { decimal: '.' as const };

describe('bounds', () => {
  it('refuses amounts above 10^15 with the reason, also when written with 400 digits', () => {
    expect(parseMoney('1000000000000000', dot)).toMatchObject({ value: MAX_AMOUNT });
    for (const cell of ['1000000000000001', '1'.repeat(400), '₩1,000,000,000,000,000.5']) {
      const v = parseMoney(cell, dot);
      expect(v).toBeInstanceOf(Invalid);
      expect((v as Invalid).code).toBe('amount_too_large');
    }
  });

  it('keeps sums finite: two maximal amounts at the largest fx rate', () => {
    const files = {
      'pipeline.config.json': enc.encode(JSON.stringify({ fx: { USD: 1e6 } })),
      'deals.csv': enc.encode(
        'deal_id,account_id,owner,amount,currency,created_at,stage\nA,X,O,1000000000000000,USD,2025-01-01,prospect\nB,X,O,1000000000000000,USD,2025-01-01,prospect\nC,X,O,1e308,,2025-01-01,prospect\n',
      ),
      'stage_history.csv': enc.encode('deal_id,stage,entered_at\nA,prospect,2025-01-01\nB,prospect,2025-01-01\n'),
    };
    const { dataset, config } = loadDataset(files);
    const m = computeMetrics(dataset, config, '2025-06-30');
    expect(m.pipeline.open_amount).toBe(2e21);
    expect(m.data_quality.files['deals.csv']).toEqual({ rows: 3, accepted: 2, rejected: 1 });
    expect(m.data_quality.issues.find((i) => i.line === 4)).toMatchObject({ column: 'amount', code: 'invalid_number' });
    expect(() => parseConfig({ fx: { USD: 1e7 } })).toThrow(/fx\.USD/);
  });

  it('bounds years to 1000-9899 and lifecycles to 100 years, so repurchase dates stay within 9999', () => {
    const opts = { timeZone: 'UTC', dateOrder: 'YMD' as const };
    expect(parseInstant('9899-12-31', opts)).toBe(Date.UTC(9899, 11, 31));
    expect((parseInstant('9900-01-01', opts) as Invalid).reason).toMatch(/outside 1000-9899/);
    expect((parseInstant('0999-12-31', opts) as Invalid).reason).toMatch(/outside 1000-9899/);
    expect(() => parseConfig({ products: { P: { lifecycle_months: 1201 } } })).toThrow(/products\.P\.lifecycle_months/);
    const files = {
      'deals.csv': enc.encode(
        'deal_id,account_id,owner,amount,created_at,closed_at,stage,product,lifecycle_months\nW,X,O,1,9899-01-01,9899-12-31,won,P,1200\nV,X,O,1,9899-01-01,9899-12-31,won,P,99999\n',
      ),
      'stage_history.csv': enc.encode('deal_id,stage,entered_at\n'),
    };
    const { dataset, config } = loadDataset(files);
    const m = computeMetrics(dataset, config, '9899-12-31');
    expect(m.repurchase).toEqual([
      { account_id: 'X', product: 'P', deal_id: 'W', base_date: '9899-12-31', next_purchase_at: '9999-12-31', status: 'later', amount: 1 },
    ]);
    expect(m.data_quality.issues.find((i) => i.line === 3)).toMatchObject({ column: 'lifecycle_months', code: 'invalid_number' });
  });
});
