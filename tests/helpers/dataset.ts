/** Build Datasets in memory for model and metric tests (no CSV, no files). */
import type { Config } from '../../src/lib/config.ts';
import type { Dataset, Deal, FieldChange } from '../../src/lib/dataset.ts';

export interface DealSpec extends Partial<Omit<Deal, 'stage'>> {
  id: string;
  createdAt: number;
  /** Stage id; default the last history stage or the first open stage. */
  stage?: string;
  history?: [string, number][];
}

export function makeDataset(config: Config, specs: DealSpec[], fieldHistory: FieldChange[] | null = null): Dataset {
  const index = (id: string) => {
    const s = config.stages.find((x) => x.id === id);
    if (!s) throw new Error(`unknown stage ${id}`);
    return s.index;
  };
  const deals: Deal[] = specs.map((s, i) => ({
    name: '',
    accountId: 'A',
    accountName: '',
    owner: 'O',
    team: '',
    product: '',
    amount: 0,
    currency: config.currency,
    fxRate: 1,
    expectedCloseAt: null,
    closedAt: null,
    removedAt: null,
    lostReason: '',
    winReason: '',
    competitor: '',
    source: '',
    keyman: '',
    budgetConfirmed: false,
    forecastCategory: null,
    purchaseType: '',
    installedAt: null,
    lifecycleMonths: null,
    cost: null,
    line: i + 2,
    ...s,
    stage: index(s.stage ?? s.history?.at(-1)?.[0] ?? config.openStages[0]!.id),
  }));
  const rows = specs.flatMap((s, d) => (s.history ?? []).map(([stage, at]) => ({ d, stage: index(stage), at })));
  return {
    source: { format: 'canonical', limitations: [] },
    deals,
    stageHistory: {
      deal: Int32Array.from(rows, (r) => r.d),
      stage: Int32Array.from(rows, (r) => r.stage),
      enteredAt: Float64Array.from(rows, (r) => r.at),
      length: rows.length,
    },
    fieldHistory,
    accounts: null,
    targets: null,
    columns: { 'deals.csv': new Set(['deal_id', 'keyman', 'budget_confirmed']) },
    fileHashes: {},
    files: {},
    issues: [],
  };
}

/** Noon UTC of a calendar date, as an instant. */
export const noonOf = (date: string) => Date.parse(`${date}T12:00:00Z`);

/**
 * A deal created 2025-01-02 and at Proposal since 2025-01-10, with a keyman and a confirmed budget: stalled as
 * of 2025-06-30 under the default config, and carrying no other warning sign; `extra` sets the rest.
 */
export function proposalDeal(id: string, extra: Partial<DealSpec> = {}): DealSpec {
  return {
    id,
    name: id,
    createdAt: noonOf('2025-01-02'),
    keyman: 'Kim',
    budgetConfirmed: true,
    history: [
      ['prospect', noonOf('2025-01-02')],
      ['propose', noonOf('2025-01-10')],
    ],
    ...extra,
  };
}
