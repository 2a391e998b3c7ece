/** The generator's options, their defaults and checks, and the summary it returns. */
import { addMonths } from '../../../src/lib/time.ts';

export const DATASET_FILES = ['pipeline.config.json', 'accounts.csv', 'deals.csv', 'stage_history.csv', 'field_history.csv', 'targets.csv'] as const;
export type DatasetFile = (typeof DATASET_FILES)[number];
export type GeneratedDataset = Record<DatasetFile, string>;

export interface GenerateOptions {
  /** PRNG seed (any integer). Default 20260630. */
  seed?: number;
  /** Number of simulated deals (the deliberate bad rows come on top). Default 2000. */
  deals?: number;
  /** Last day of the data, `YYYY-MM-DD` (the export date; the as_of the story is tuned for). Default 2026-06-30. */
  endDate?: string;
  /** Years of history ending at endDate. Default 3. */
  years?: number;
  /** Number of customer accounts. Default clamp(round(deals / 16), 60, 120) up to 2,000 deals, then deals / 16. */
  accounts?: number;
  /** Target average stage_history rows per deal; raising it above ~3.5 adds back-and-forth moves. Default: the natural story. */
  historyRowsPerDeal?: number;
  /** Add the deliberate data-quality issues (quality-issues.ts). Default true. */
  dataQualityIssues?: boolean;
  /** Written as "$schema" in pipeline.config.json when given (a path relative to the output folder). */
  schemaRef?: string;
  /** Deals per emitted chunk. Default 250 (small chunks die young: less GC work). */
  chunkDeals?: number;
}

export interface DatasetSummary {
  deals: number;
  dealRows: number;
  stageHistoryRows: number;
  fieldHistoryRows: number;
  accounts: number;
  targetRows: number;
  /** Deals open / won / lost at the end date (simulated deals only). */
  open: number;
  won: number;
  lost: number;
}

/** The options with every default filled in. */
export interface Resolved {
  seed: number;
  deals: number;
  endDate: string;
  years: number;
  accounts: number;
  historyRowsPerDeal: number | null;
  dataQualityIssues: boolean;
  schemaRef: string | null;
  chunkDeals: number;
}

export function resolveOptions(o: GenerateOptions): Resolved {
  const deals = o.deals ?? 2000;
  const endDate = o.endDate ?? '2026-06-30';
  if (!Number.isInteger(deals) || deals < 1) throw new RangeError(`deals must be a positive integer, not ${deals}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || addMonths(endDate, 0) !== endDate || Number(endDate.slice(5, 7)) > 12 || Number(endDate.slice(5, 7)) < 1) {
    throw new RangeError(`endDate must be a real date YYYY-MM-DD, not "${endDate}"`);
  }
  const years = o.years ?? 3;
  if (!(years > 0 && years <= 50)) throw new RangeError(`years must be in (0, 50], not ${years}`);
  const accounts = o.accounts ?? (deals <= 2000 ? Math.min(120, Math.max(60, Math.round(deals / 16))) : Math.round(deals / 16));
  if (!Number.isInteger(accounts) || accounts < 1) throw new RangeError(`accounts must be a positive integer, not ${accounts}`);
  const h = o.historyRowsPerDeal;
  if (h !== undefined && !(h >= 1 && h <= 100)) throw new RangeError(`historyRowsPerDeal must be in [1, 100], not ${h}`);
  return {
    seed: Math.trunc(o.seed ?? 20260630),
    deals,
    endDate,
    years,
    accounts,
    historyRowsPerDeal: h ?? null,
    dataQualityIssues: o.dataQualityIssues ?? true,
    schemaRef: o.schemaRef ?? null,
    chunkDeals: Math.max(1, Math.trunc(o.chunkDeals ?? 250)),
  };
}
