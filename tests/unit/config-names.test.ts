/** Names from the config and the data never hit Object.prototype (issue 7). */
import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigText } from '../../src/lib/ingest/config.ts';
import { computeMetrics } from '../../src/lib/metrics/index.ts';
import { makeDataset } from '../helpers/dataset.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('config names', () => {
  it('refuses a config that is not a JSON object', () => {
    expect(() => parseConfigText('null')).toThrow(/\(top level\): must be a JSON object \(\{ \.\.\. \}\), not null/);
    expect(() => parseConfigText('[]')).toThrow(/not an array/);
    expect(() => parseConfigText('3')).toThrow(/not a number/);
  });

  it('refuses __proto__ as a name anywhere, naming where', () => {
    expect(() => parseConfigText('{"stall_days": {"__proto__": 3}}')).toThrow(/stall_days\.__proto__ at line 1 column 17: "__proto__" is not allowed as a name/);
    // Where it is written, as every other config problem says it; in an array by its index.
    expect(() => parseConfigText('{\n  "fx": {\n    "__proto__": 3\n  }\n}')).toThrow('pipeline.config.json: fx.__proto__ at line 3 column 5: "__proto__" is not allowed as a name');
    expect(() => parseConfigText('{ "stages": [{ "id": "a" },\n  { "__proto__": 1 }] }')).toThrow('pipeline.config.json: stages[1].__proto__ at line 2 column 5: "__proto__" is not allowed as a name');
    expect(() => parseConfigText('{"products": {"__proto__": {"lifecycle_months": 3}}}')).toThrow(/products\.__proto__/);
    expect(() => parseConfigText('{"fx": {"__proto__": 3}}')).toThrow(/fx\.__proto__/);
  });

  it('reads products named like Object.prototype members as products, and others not at all', () => {
    const config = parseConfig({ products: { constructor: { lifecycle_months: 12 } } });
    expect(config.products.constructor).toEqual({ lifecycle_months: 12 });
    expect(config.products.toString).toBeUndefined();
    expect(config.fx.hasOwnProperty).toBeUndefined();
  });

  it('stalls deals at open stages whose ids are Object.prototype names', () => {
    const ids = NAMES.filter((n) => n !== '__proto__');
    const config = parseConfig({
      stages: [...ids.map((id) => ({ id, kind: 'open' })), { id: 'won', kind: 'won' }, { id: 'lost', kind: 'lost' }],
      stall_days: { constructor: 5 },
    });
    const deals = ids.map((id, i) => ({ id: `D${i}`, createdAt: T0, history: [[id, T0]] as [string, number][] }));
    const m = computeMetrics(makeDataset(config, deals), config, '2025-03-01');
    // 59 days at each stage: over the fixed 5 days (constructor) and the 30-day default (the others).
    expect(m.stalled.map((s) => [s.deal_id, s.stage, s.threshold_days])).toEqual([
      ['D0', 'constructor', 5],
      ['D1', 'toString', 30],
      ['D2', 'hasOwnProperty', 30],
    ]);
    expect(m.stalled[0]!.days_in_stage).toBe((Date.UTC(2025, 2, 2) - T0) / DAY);
  });
});
