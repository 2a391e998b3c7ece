import { describe, expect, it } from 'vitest';
import { lossReasonsChart, winReasonsChart } from '../../../src/lib/charts/index.ts';
import { reasonsView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics } from './fixtures.ts';
import { failOnWarnings, opts, TEXT } from './helpers.ts';

describe('reasons charts', () => {
  failOnWarnings();

  it('shows loss reasons by count and by amount with price highlighted', () => {
    const out = lossReasonsChart(reasonsView(exampleMetrics.loss_reasons, { unspecified: 'Not given' }), opts(TEXT.lossReasons));
    expect(out.table.rows).toEqual([
      ['price', 3, 0.75, 12_000_000, 12 / 21],
      ['Not given', 1, 0.25, 9_000_000, 9 / 21],
    ]);
    expect(out.takeaway).toBe('price: 75% of losses by count, 57% by amount (the main cause).');
    expect(out.svg).toContain('>By number of deals</text>');
    expect(out.svg).toContain('>By amount</text>');
    expect(out.svg).toContain('class="ps-accent"');
    expect(out.svg).toMatch(/font-weight="700"[^>]*>\s*<text[^>]*>3 \(75%\)<\/text>/);
  });

  it('leaves room on a laptop for a reason as long as the sample\'s "Relationship with a competitor"', () => {
    // At the default 640 px the label needs 214 px of margin; the loss chart allowed 192 (30 %), and cut it to
    // "Relationship with a compe…" on a 1366 px page while the other bar charts allow 34-36 %.
    const vm = { reasons: [{ label: 'Relationship with a competitor', count: 2, amount: 2e6 }, { label: 'Price', count: 1, amount: 1e6, highlight: true }] };
    const out = lossReasonsChart(vm, opts(TEXT.lossReasons));
    expect(out.svg).toContain('>Relationship with a competitor</text>');
    expect(out.svg).not.toContain('…');
  });

  it('tells when the highlighted reason is not the main cause by amount', () => {
    const vm = {
      reasons: [
        { label: 'Price', count: 4, amount: 4e6, highlight: true },
        { label: 'Features', count: 3, amount: 30e6 },
      ],
    };
    const out = lossReasonsChart(vm, opts(TEXT.lossReasons));
    expect(out.takeaway).toBe('Price: 57% of losses by count, 12% by amount.');
  });

  it('folds reasons beyond maxRows into "Other" but keeps all in the table', () => {
    const reasons = Array.from({ length: 6 }, (_, i) => ({ label: `r${i}`, count: 6 - i, amount: 1e6 }));
    const out = lossReasonsChart({ reasons }, opts(TEXT.lossReasons, { maxRows: 4 }));
    expect(out.table.rows).toHaveLength(6);
    expect(out.svg).toContain('>Other</text>');
    expect(out.svg).toContain('>6 (29%)</text>'); // r3 + r4 + r5 = 3 + 2 + 1 of 21
    expect(out.svg).not.toContain('>r4</text>');
  });

  it('reuses the function for win reasons with its own id', () => {
    const out = winReasonsChart(reasonsView(exampleMetrics.win_reasons, { unspecified: 'Not given' }), opts(TEXT.lossReasons));
    expect(out.svg).toContain('class="ps-chart-win-reasons"');
    expect(out.table.rows).toEqual([['Not given', 9, 1, 44_000_000, 1]]);
    expect(out.svg).not.toContain('ps-accent');
  });
});
