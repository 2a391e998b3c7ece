/** The state of one generator run, shared by the modules that simulate and write it. */
import { addMonths } from '../../../src/lib/time.ts';
import type { Account } from './accounts.ts';
import type { Candidate } from './demand.ts';
import type { DatasetFile, DatasetSummary, Resolved } from './options.ts';
import { dateMs, dayStart, kstDay } from './time.ts';

export interface GenState {
  readonly o: Resolved;
  readonly write: (file: DatasetFile, chunk: string) => void;
  /** The export instant: 00:00 KST of the day after endDate. Nothing at or after it is written. */
  readonly T: number;
  /** 00:00 KST of the first day of history. */
  readonly start: number;
  /** When the leaver's deals are handed over: the first of the month 15 months before endDate's month. */
  readonly handover: number;
  /** Digits of the deal number in deal ids. */
  readonly idWidth: number;
  accounts: Account[];
  /** Cumulative account weights, for weighted picks. */
  accountWeightsCum: number[];
  /** Due repurchases waiting to be picked, a min-heap on pickAt. */
  readonly heap: Candidate[];
  /** Won amount in KRW by month number, then team (for targets.csv). */
  readonly wonByMonth: Map<number, Map<string, number>>;
  /** stage_history rows of the natural story, and rows written, so far (steers the benchmark bounces). */
  naturalRows: number;
  emittedRows: number;
  /** Rows of the current chunk. */
  rows: { deals: string[]; history: string[]; fields: string[] };
  readonly summary: DatasetSummary;
  /** Which of the one-off quirks were placed already. */
  readonly special: { emptyAmount: boolean; mismatchPropose: boolean; mismatchQualify: boolean; names: number };
}

export function newState(o: Resolved, write: (file: DatasetFile, chunk: string) => void): GenState {
  const T = dayStart(kstDay(dateMs(o.endDate)) + 1);
  return {
    o,
    write,
    T,
    start: dayStart(kstDay(T) - Math.round(o.years * 365.25)),
    handover: dateMs(`${addMonths(`${o.endDate.slice(0, 7)}-01`, -15)}`),
    idWidth: Math.max(5, String(o.deals + 10).length),
    accounts: [],
    accountWeightsCum: [],
    heap: [],
    wonByMonth: new Map(),
    naturalRows: 0,
    emittedRows: 0,
    rows: { deals: [], history: [], fields: [] },
    summary: { deals: o.deals, dealRows: 0, stageHistoryRows: 0, fieldHistoryRows: 0, accounts: o.accounts, targetRows: 0, open: 0, won: 0, lost: 0 },
    special: { emptyAmount: false, mismatchPropose: false, mismatchQualify: false, names: 0 },
  };
}

export function dealId(s: GenState, n: number): string {
  return `D-${String(n).padStart(s.idWidth, '0')}`;
}
