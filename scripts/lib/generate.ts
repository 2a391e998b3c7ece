/**
 * A seeded, deterministic generator of a Pipescope data folder (input.md):
 * a Korean B2B equipment vendor selling machine tools, lasers, vision
 * inspection, robots and an MES subscription to manufacturers.
 *
 * Pure: no Math.random, no clock. The same options give byte-identical files.
 * Every random draw comes from a small sfc32 PRNG; each deal draws from its
 * own stream (seed, deal number), so tuning one aspect of the story does not
 * reshuffle everything else.
 *
 * Deals are simulated one at a time in order of creation, each over its whole
 * life (stage path, close-date pushes, amount changes), and then cut at the
 * export instant T = 00:00 KST of the day after `endDate`: what happens after
 * T is not in the files, exactly like a CRM export taken that night. Rows are
 * built in chunks, so `streamDataset` can write 100k deals / 1M history rows
 * without holding more than a chunk, and `generateDataset` just collects them.
 *
 * The story (tuned for the default 2,000 deals over three years):
 * - a bottleneck at `propose` (long visits, a few deals that go dark there and
 *   are only closed months later), skipped stages, backward moves, reopened
 *   losses (lost, then back to qualify/propose months later);
 * - lost reasons led by after-sales concerns and brand trust, not price;
 *   DMG Mori is the competitor we mostly lose to;
 * - missing keyman / unconfirmed budget make a loss more likely;
 * - owners push expected close dates when they pass (field_history.csv),
 *   some lazily, so open deals have 0-6 pushes; amounts are revised at the
 *   proposal and discounted in negotiation;
 * - an account that bought a product is quiet for it until the lifecycle is
 *   nearly due; about half the due purchases get a repurchase deal in time
 *   (repurchase `covered`), the rest show as `overdue` / `upcoming`;
 * - one owner (최지훈) leaves 15 months before the end; his open deals are
 *   handed to 정하은 (an `owner` change in field_history.csv, a field the
 *   metrics ignore).
 *
 * `historyRowsPerDeal` (for benchmarks): the natural story gives about 3.5
 * stage_history rows per deal. When the option is higher, each deal gets a
 * budget of extra back-and-forth moves (a visit of the previous stage, or of
 * `qualify` from `prospect`, and back: 2 rows each), drawn from a Poisson
 * whose mean is steered by the running deficit against the target, so the
 * file averages close to the requested rows per deal (about 2% under: rows
 * of the newest deals that fall after the end date are not made up).
 * Bounces are short (hours to 3 days) and keep the deal's outcome: the next
 * natural move is drawn before the bounce and applied after it.
 *
 * Deliberate data-quality issues (`dataQualityIssues`, default on; all in the
 * last part of the files so that they are easy to find):
 *   1. deals.csv: an extra hand-entered deal with stage "보류" (on hold), not a
 *      configured stage: row rejected (unknown_stage).
 *   2. deals.csv: an extra hand-entered deal with expected_close_at
 *      "2026-13-01" (month 13): row rejected (invalid date).
 *   3. deals.csv: an extra hand-entered deal with amount "-45000000": row
 *      rejected (negative amount).
 *   4. deals.csv: one ordinary open prospect deal with an empty amount:
 *      accepted, warned (counts as 0).
 *   5. stage_history.csv: the last row belongs to deal id "D-00000", which is
 *      not in deals.csv (a deal deleted in the CRM): row rejected.
 *   6. deals.csv: two stage_mismatch rows, where the deals.csv stage differs
 *      from the last stage_history row (the history wins, warned): one open
 *      `propose` deal exported as "negotiate", one open `qualify` deal
 *      exported as "실주" (lost) without closed_at.
 *   The three extra deals have no stage_history rows; they are appended after
 *   the simulated deals and are not counted in `deals`.
 *
 * Exercised parser paths: Korean and English stage labels in deals.csv (with
 * and without the space in "가망 고객", upper case "WON"), quoted amounts with
 * thousands separators and "₩", deal names with `&`, `<`, `>`, quotes and
 * commas, a multi-line account note, USD deals converted with config `fx`,
 * Y/N booleans, datetimes with +09:00 offsets and plain dates.
 */
import { addMonths } from '../../src/lib/time.ts';
import { DEFAULT_STAGES } from '../../src/lib/ingest/config.ts';

// ---------------------------------------------------------------- public API

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
  /** Add the deliberate data-quality issues listed above. Default true. */
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

/** Generate every file in memory: file name to its full text. */
export function generateDataset(options: GenerateOptions = {}): GeneratedDataset & { summary: DatasetSummary } {
  const parts: Record<DatasetFile, string[]> = {
    'pipeline.config.json': [],
    'accounts.csv': [],
    'deals.csv': [],
    'stage_history.csv': [],
    'field_history.csv': [],
    'targets.csv': [],
  };
  const summary = streamDataset(options, (file, chunk) => parts[file].push(chunk));
  const out = { summary } as GeneratedDataset & { summary: DatasetSummary };
  for (const f of DATASET_FILES) out[f] = parts[f].join('');
  return out;
}

/**
 * Generate the files as a stream of chunks: `write(file, text)` is called in
 * order for each file (header first); chunks of different files interleave.
 * Concatenating the chunks of a file gives exactly `generateDataset(...)[file]`.
 */
export function streamDataset(options: GenerateOptions, write: (file: DatasetFile, chunk: string) => void): DatasetSummary {
  return new Generator(resolveOptions(options), write).run();
}

// ---------------------------------------------------------------- options

interface Resolved {
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

function resolveOptions(o: GenerateOptions): Resolved {
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

// ---------------------------------------------------------------- PRNG

/** sfc32, seeded through splitmix32. `next()` is uniform in [0, 1). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(...seeds: number[]) {
    let h = 0x9e3779b9;
    for (const s of seeds) h = splitmix(h ^ (s | 0) ^ Math.trunc(s / 4294967296));
    this.a = splitmix(h);
    this.b = splitmix(this.a);
    this.c = splitmix(this.b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      u -= weights[i]!;
      if (u < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given median and log-sd. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

function splitmix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// ---------------------------------------------------------------- time (KST is UTC+9 all year)

const DAY = 86_400_000;
const MINUTE = 60_000;
const KST = 9 * 3_600_000;

/** KST calendar day number (days since 1970-01-01) of an instant. */
const kstDay = (ms: number) => Math.floor((ms + KST) / DAY);
/** 00:00 KST of a day number. */
const dayStart = (day: number) => day * DAY - KST;
const dateMs = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - KST;

const dateCache = new Map<number, string>();

/** `YYYY-MM-DD` of a KST day number (Hinnant's civil-from-days, cached). */
function dayString(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    dateCache.set(day, s);
  }
  return s;
}

const fmtDate = (ms: number) => dayString(kstDay(ms));

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** `YYYY-MM-DDTHH:mm:00+09:00` (times are whole minutes). */
function fmtDateTime(ms: number): string {
  const day = kstDay(ms);
  const minutes = Math.floor((ms + KST - day * DAY) / MINUTE);
  return `${dayString(day)}T${TWO[Math.floor(minutes / 60)]}:${TWO[minutes % 60]}:00+09:00`;
}

/** Month number (year * 12 + month - 1) of an instant in KST. */
const monthIndexOf = (ms: number) => {
  const s = fmtDate(ms);
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
};
const monthKey = (index: number) => `${Math.floor(index / 12)}-${TWO[(index % 12) + 1]}`;

/** Day of week of a KST day number, 0 = Sunday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** A working-hours instant on the KST day of `ms` (weekends move to Monday), strictly after `notBefore`. */
function workTime(rng: Rng, ms: number, notBefore: number): number {
  let day = kstDay(ms);
  const dow = weekday(day);
  if (dow === 6) day += 2;
  else if (dow === 0) day += 1;
  let t = dayStart(day) + (9 * 60 + rng.int(0, 569)) * MINUTE;
  if (t <= notBefore) t = notBefore + rng.int(20, 240) * MINUTE;
  return t;
}

// ---------------------------------------------------------------- CSV

const NEEDS_QUOTES = /[",\r\n]/;
const esc = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// ---------------------------------------------------------------- the world

/** The default stages of input.md, written out in the sample config. */
export const STAGES = DEFAULT_STAGES;

const PROSPECT = 0;
const QUALIFY = 1;
const PROPOSE = 2;
const NEGOTIATE = 3;
const WON = 4;
const LOST = 5;
const STAGE_ID = STAGES.map((s) => s.id);
/** Other spellings written in deals.csv `stage` for some rows (labels, spacing, case). */
const STAGE_SPELLINGS: readonly (readonly string[])[] = [
  ['가망 고객', '가망고객', 'Prospect'],
  ['구매의사 확인·내부 검증', 'Qualification'],
  ['제안', 'Proposal'],
  ['협상', 'Negotiation'],
  ['수주', 'WON', 'Won'],
  ['실주', 'Lost'],
];

interface Product {
  code: string;
  lifecycle: number;
  /** Median amount in KRW and its log-sd. */
  median: number;
  sigma: number;
  /** Stage dwell multiplier. */
  pace: number;
  competitors: readonly string[];
  /** Deal name patterns; {a} = account, {n} = a count, {p} = plant. */
  names: readonly string[];
  renewal: readonly string[];
  lifecycleOverride: number;
}

const PRODUCTS: readonly Product[] = [
  {
    code: 'CNC-5X', lifecycle: 60, median: 420e6, sigma: 0.5, pace: 1.15,
    competitors: ['DMG Mori', 'Doosan Machine', 'Hanwha Precision', 'Hyundai WIA'],
    names: ['{a} 5축 가공기 {n}대 도입', '{a} {p} CNC-5X 증설', '{a} 노후 가공기 교체', '{a} 정밀가공 라인 신설'],
    renewal: ['{a} CNC-5X 노후 교체', '{a} 5축 가공기 리뉴얼'],
    lifecycleOverride: 36,
  },
  {
    code: 'LASER-CUT', lifecycle: 48, median: 380e6, sigma: 0.45, pace: 1.05,
    competitors: ['Trumpf', 'Bystronic', 'Amada'],
    names: ['{a} 레이저 절단기 도입', '{a} 후판 절단 라인 증설', '{a} {p} 파이버 레이저 {n}대'],
    renewal: ['{a} 레이저 절단기 교체'],
    lifecycleOverride: 36,
  },
  {
    code: 'INSPECT-AI', lifecycle: 36, median: 110e6, sigma: 0.6, pace: 0.9,
    competitors: ['Keyence', 'Cognex'],
    names: ['{a} AI 비전검사 PoC', '{a} 외관검사 자동화 {n}라인', '{a} {p} 검사 공정 개선'],
    renewal: ['{a} 비전검사 모델 고도화', '{a} INSPECT-AI 교체'],
    lifecycleOverride: 24,
  },
  {
    code: 'ROBOT-ARM', lifecycle: 72, median: 160e6, sigma: 0.6, pace: 1.0,
    competitors: ['Fanuc', 'Doosan Robotics', 'ABB', 'Hanwha Precision'],
    names: ['{a} 용접 로봇 {n}대', '{a} 팔레타이징 로봇 셀', '{a} {p} 핸들링 자동화'],
    renewal: ['{a} 로봇 셀 교체'],
    lifecycleOverride: 48,
  },
  {
    code: 'MES-SUITE', lifecycle: 24, median: 70e6, sigma: 0.6, pace: 0.8,
    competitors: ['Siemens', 'Samsung SDS', 'Miracom'],
    names: ['{a} MES 구축', '{a} {p} MES 확장', '{a} 생산실적 시스템 도입'],
    renewal: ['{a} MES 구독 갱신', '{a} MES-SUITE 재계약'],
    lifecycleOverride: 12,
  },
];
const CNC = 0;
const LASER = 1;
const INSPECT = 2;
const ROBOT = 3;
const MES = 4;

/** Relative strength: multiplies the chance of losing a stage transition. DMG Mori is the one we mostly lose to. */
const COMPETITOR_STRENGTH: Record<string, number> = {
  'DMG Mori': 2.3, 'Doosan Machine': 1.0, 'Hanwha Precision': 0.85, 'Hyundai WIA': 0.9,
  Trumpf: 1.3, Bystronic: 1.0, Amada: 1.05,
  Keyence: 1.15, Cognex: 1.05,
  Fanuc: 1.2, 'Doosan Robotics': 0.95, ABB: 1.05,
  Siemens: 1.25, 'Samsung SDS': 1.15, Miracom: 0.9,
};
const PREMIUM_BRANDS = new Set(['DMG Mori', 'Trumpf', 'Keyence', 'Siemens']);

interface Industry {
  name: string;
  weight: number;
  products: readonly number[];
  productWeights: readonly number[];
  regions: readonly string[];
}

const INDUSTRIES: readonly Industry[] = [
  { name: '자동차부품', weight: 30, products: [CNC, ROBOT, INSPECT, MES, LASER], productWeights: [4, 3, 2, 1.5, 1], regions: ['경기', '울산', '충남', '대구', '경남', '경북', '광주'] },
  { name: '반도체장비', weight: 14, products: [INSPECT, CNC, MES, ROBOT], productWeights: [4, 2.5, 2, 1], regions: ['경기', '충남', '충북', '인천'] },
  { name: '조선', weight: 9, products: [LASER, ROBOT, MES, CNC], productWeights: [4, 3, 1, 1], regions: ['울산', '경남', '부산', '전남'] },
  { name: '가전', weight: 12, products: [ROBOT, INSPECT, MES, LASER], productWeights: [3, 3, 2, 1], regions: ['경기', '광주', '경북', '충남'] },
  { name: '2차전지', weight: 10, products: [INSPECT, MES, ROBOT, LASER], productWeights: [3, 3, 2, 1], regions: ['충북', '충남', '경북', '울산'] },
  { name: '금형', weight: 12, products: [CNC, LASER, INSPECT], productWeights: [4, 2, 1], regions: ['인천', '경기', '대구', '부산', '경남'] },
  { name: '방산', weight: 6, products: [CNC, LASER, INSPECT, MES], productWeights: [3, 2, 1, 1], regions: ['경남', '대전', '경북'] },
  { name: '의료기기', weight: 7, products: [CNC, INSPECT, MES], productWeights: [2, 3, 2], regions: ['강원', '경기', '서울', '대전'] },
];

const TEAM_CAPITAL = '수도권영업팀';
const TEAM_SOUTH = '영남영업팀';
const TEAM_STRATEGIC = '전략사업팀';
const SOUTH_REGIONS = new Set(['울산', '경남', '경북', '부산', '대구', '전남', '광주']);

interface Owner {
  name: string;
  team: string;
  /** Multiplies the chance of losing (lower is better). */
  skill: number;
  /** Stage dwell multiplier. */
  pace: number;
  /** Chance of updating the expected close date when it passes. */
  diligence: number;
}

const OWNERS: readonly Owner[] = [
  { name: '김민준', team: TEAM_CAPITAL, skill: 0.95, pace: 1.0, diligence: 0.8 },
  { name: '이서연', team: TEAM_CAPITAL, skill: 0.78, pace: 0.9, diligence: 0.92 },
  { name: '박지호', team: TEAM_CAPITAL, skill: 1.2, pace: 1.15, diligence: 0.55 },
  { name: '최지훈', team: TEAM_CAPITAL, skill: 1.05, pace: 1.05, diligence: 0.7 },
  { name: '강도윤', team: TEAM_SOUTH, skill: 0.9, pace: 1.0, diligence: 0.85 },
  { name: '조수아', team: TEAM_SOUTH, skill: 1.0, pace: 0.95, diligence: 0.75 },
  { name: '윤서준', team: TEAM_SOUTH, skill: 1.12, pace: 1.1, diligence: 0.6 },
  { name: '장예린', team: TEAM_SOUTH, skill: 0.92, pace: 1.0, diligence: 0.88 },
  { name: '임재현', team: TEAM_STRATEGIC, skill: 0.88, pace: 1.2, diligence: 0.82 },
  { name: '한소율', team: TEAM_STRATEGIC, skill: 0.98, pace: 1.15, diligence: 0.9 },
];
/** 최지훈 leaves; his accounts and open deals go to 정하은 (who joins the same day). */
const LEAVER = '최지훈';
const SUCCESSOR: Owner = { name: '정하은', team: TEAM_CAPITAL, skill: 1.0, pace: 1.0, diligence: 0.85 };

const NAME_PREFIXES = [
  '대한', '삼원', '한빛', '동양', '세진', '우성', '태광', '신흥', '대성', '금강', '한일', '성진', '동아', '삼화', '유진', '대원', '일진', '화신',
  '경동', '서한', '영진', '보성', '청우', '한라', '동일', '상신', '진성', '미래', '은성', '광명', '태양', '백산', '새한', '정우', '오성', '제일',
];
const NAME_SUFFIXES = [
  '정밀', '오토텍', '금속', '기계', '산업', '테크', '중공업', '전자', '하이텍', '메탈', '엔지니어링', '소재', '오토모티브', '공업', '이노텍', '시스템', '정공', '기공',
];
const ENGLISH_NAMES = [
  'Korea Precision Castings', 'Daewon Motion Co.', 'Seoul Semitech Ltd.', 'K-Marine Heavy Industries', 'Pacific Gear Korea',
  'Union Robotics Korea', 'Nexus Battery Systems', 'Hanam Medical Devices', 'Eastgate Automotive Korea', 'Bluewave Display Parts',
];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const GIVEN = ['정호', '윤아', '도현', '성민', '지훈', '현우', '민서', '상철', '영수', '은지', '태식', '경희', '재원', '수빈', '동욱', '미경', '승현', '혜진'];
const TITLES = ['상무', '공장장', '구매팀장', '생산기술팀장', '전무', '대표이사', '설비팀장', '부사장', '품질팀장'];
const PLANTS = ['1공장', '2공장', '아산공장', '창원공장', '신규 라인', 'B동', '평택공장', '구미공장'];

const ACCOUNT_NOTES = [
  '',
  '',
  '',
  '2공장 증설 계획 (내년 하반기)',
  '구매팀장 교체됨, 관계 재구축 필요',
  '경쟁사 장비 다수 보유, A/S 불만 있음',
  '그룹 표준 벤더 등록 완료',
  '예산 심의는 매년 11월',
  '해외 법인 설비 투자 검토 중',
  '스마트공장 지원사업 신청 예정',
  '"납기" 최우선, 가격 민감도 낮음',
];

const SOURCES = ['inbound', 'outbound', 'referral', 'partner', 'exhibition'] as const;
const SOURCE_LOSS: Record<string, number> = { inbound: 0.92, outbound: 1.12, referral: 0.75, partner: 0.9, exhibition: 1.18 };

const LOSS_REASONS = ['after_sales', 'brand', 'timing', 'no_budget', 'price', 'competitor_relationship', 'sales_approach'] as const;
const LOSS_BASE = [27, 19, 14, 11, 15, 9, 7];
const WIN_REASONS = ['after_sales', 'technical_fit', 'relationship', 'delivery', 'price', 'reference_site'] as const;
const WIN_BASE = [27, 24, 18, 13, 10, 8];

/** Deal names that need escaping in HTML and CSV; given to the first deal of the product after 1/5, 2/5, ... of the file. */
const SPECIAL_NAMES: readonly { product: number; name: string }[] = [
  { product: ROBOT, name: 'Rack & Pinion <Phase 2>' },
  { product: MES, name: '"Smart Factory" 1차, 라인 A/B 자동화' },
  { product: CNC, name: '5축 가공기 2대, "긴급" 납기 건' },
  { product: INSPECT, name: 'Vision "Lite" <v2> & \'Pilot\', 1차' },
];

interface Account {
  id: string;
  name: string;
  industry: Industry;
  segment: string;
  region: string;
  team: string;
  owner: Owner;
  keyman: string;
  relationship: 'friendly' | 'neutral' | 'hostile';
  budgetCycleMonth: number;
  installedCompetitor: string;
  notes: string;
  weight: number;
  products: number[];
  productWeights: number[];
  usd: boolean;
  /** Per product: the wins (close instant, until instant) that keep the account quiet for that product. */
  quiet: { close: number; until: number }[][];
  /** Per product: until when a new deal for it is unlikely because one was just opened. */
  busyUntil: number[];
}

interface Candidate {
  /** When the next purchase starts to be discussed. */
  pickAt: number;
  close: number;
  account: number;
  product: number;
  dealId: string;
}

interface Event {
  stage: number;
  t: number;
}

interface Change {
  field: string;
  old: string;
  new: string;
  t: number;
}

// ---------------------------------------------------------------- the generator

class Generator {
  private readonly o: Resolved;
  private readonly write: (file: DatasetFile, chunk: string) => void;
  private readonly T: number;
  private readonly start: number;
  private readonly handover: number;
  private readonly idWidth: number;
  private accounts: Account[] = [];
  private accountWeightsCum: number[] = [];
  private readonly heap: Candidate[] = [];
  private readonly wonByMonth = new Map<number, Map<string, number>>();
  private naturalRows = 0;
  /** Rows of the current chunk. */
  private dealsOut: string[] = [];
  private historyOut: string[] = [];
  private fieldsOut: string[] = [];
  private emittedRows = 0;
  private summary: DatasetSummary;
  private special = { emptyAmount: false, mismatchPropose: false, mismatchQualify: false, names: 0 };

  constructor(o: Resolved, write: (file: DatasetFile, chunk: string) => void) {
    this.o = o;
    this.write = write;
    this.T = dayStart(kstDay(dateMs(o.endDate)) + 1);
    this.start = dayStart(kstDay(this.T) - Math.round(o.years * 365.25));
    this.handover = dateMs(`${addMonths(`${o.endDate.slice(0, 7)}-01`, -15)}`);
    this.idWidth = Math.max(5, String(o.deals + 10).length);
    this.summary = { deals: o.deals, dealRows: 0, stageHistoryRows: 0, fieldHistoryRows: 0, accounts: o.accounts, targetRows: 0, open: 0, won: 0, lost: 0 };
  }

  private dealId(n: number): string {
    return `D-${String(n).padStart(this.idWidth, '0')}`;
  }

  run(): DatasetSummary {
    this.write('pipeline.config.json', this.config());
    this.makeAccounts();
    this.write('accounts.csv', this.accountsCsv());
    this.write('deals.csv', 'deal_id,deal_name,account_id,account_name,owner,team,product,amount,currency,created_at,expected_close_at,closed_at,stage,lost_reason,win_reason,competitor,source,keyman,budget_confirmed,purchase_type,installed_at,lifecycle_months,cost\n');
    this.write('stage_history.csv', 'deal_id,stage,entered_at\n');
    this.write('field_history.csv', 'deal_id,field,old_value,new_value,changed_at\n');

    const created = this.creationTimes();
    for (let i = 0; i < this.o.deals; i++) {
      this.deal(i, created[i]!);
      if ((i + 1) % this.o.chunkDeals === 0 || i === this.o.deals - 1) {
        if (i === this.o.deals - 1 && this.o.dataQualityIssues) this.badRows();
        // join() gives flat strings: cheap to write and to keep (a += chain would be a rope of small pieces).
        this.write('deals.csv', this.dealsOut.join(''));
        this.write('stage_history.csv', this.historyOut.join(''));
        this.write('field_history.csv', this.fieldsOut.join(''));
        this.dealsOut = [];
        this.historyOut = [];
        this.fieldsOut = [];
      }
    }
    this.write('targets.csv', this.targetsCsv());
    return this.summary;
  }

  // ---------------------------------------------------------------- config

  private config(): string {
    const products: Record<string, { lifecycle_months: number }> = {};
    for (const p of PRODUCTS) products[p.code] = { lifecycle_months: p.lifecycle };
    const config = {
      ...(this.o.schemaRef ? { $schema: this.o.schemaRef } : {}),
      currency: 'KRW',
      timezone: 'Asia/Seoul',
      locale: 'ko',
      window_days: 365,
      waterfall_days: 30,
      stages: STAGES,
      date_order: 'YMD',
      decimal: '.',
      qualification_required_from: 'propose',
      stall_days: {},
      products,
      fx: { USD: 1380 },
    };
    return `${JSON.stringify(config, null, 2)}\n`;
  }

  // ---------------------------------------------------------------- accounts

  private makeAccounts(): void {
    const rng = new Rng(this.o.seed, 1);
    const n = this.o.accounts;
    const combos: string[] = [];
    for (const p of NAME_PREFIXES) for (const s of NAME_SUFFIXES) combos.push(p + s);
    rng.shuffle(combos);
    const englishEvery = 12;
    const ownersByTeam = new Map<string, Owner[]>();
    for (const ow of OWNERS) ownersByTeam.set(ow.team, [...(ownersByTeam.get(ow.team) ?? []), ow]);
    const rr = new Map<string, number>();
    let korean = 0;
    let english = 0;
    for (let i = 0; i < n; i++) {
      let name: string;
      const isEnglish = i % englishEvery === 5 && english < ENGLISH_NAMES.length * Math.ceil(n / 120);
      if (isEnglish) {
        const base = ENGLISH_NAMES[english % ENGLISH_NAMES.length]!;
        name = english < ENGLISH_NAMES.length ? base : `${base} ${Math.floor(english / ENGLISH_NAMES.length) + 1}`;
        english++;
      } else {
        const base = combos[korean % combos.length]!;
        name = korean < combos.length ? base : `${base} ${Math.floor(korean / combos.length) + 1}`;
        korean++;
      }
      const industry = rng.weighted(INDUSTRIES, INDUSTRIES.map((x) => x.weight));
      const region = rng.pick(industry.regions);
      const segment = rng.weighted(['대기업', '중견기업', '중소기업'], [14, 40, 46]);
      const team = segment === '대기업' ? TEAM_STRATEGIC : SOUTH_REGIONS.has(region) ? TEAM_SOUTH : TEAM_CAPITAL;
      const pool = ownersByTeam.get(team)!;
      const k = rr.get(team) ?? 0;
      rr.set(team, k + 1);
      const owner = pool[(k + rng.int(0, 1)) % pool.length]!;
      // 1-3 products of the industry's mix.
      const count = rng.weighted([1, 2, 3, 4], [12, 40, 33, 15]);
      const products: number[] = [];
      const productWeights: number[] = [];
      const avail = industry.products.slice();
      const aw = industry.productWeights.slice();
      while (products.length < count && avail.length > 0) {
        const p = rng.weighted(avail, aw);
        const at = avail.indexOf(p);
        products.push(p);
        productWeights.push(aw[at]! * rng.uniform(0.6, 1.4));
        avail.splice(at, 1);
        aw.splice(at, 1);
      }
      const relationship = rng.weighted(['friendly', 'neutral', 'hostile'] as const, [34, 50, 16]);
      const installed = rng.chance(0.42) ? rng.pick(PRODUCTS[products[0]!]!.competitors) : '';
      let notes = rng.pick(ACCOUNT_NOTES);
      if (i === 3) notes = '1공장: 5축 가공기 3대 운용 (2019년 도입)\n2공장: 신규 라인 검토 중, 담당 "박 과장"';
      if (installed === 'DMG Mori' && notes === '') notes = 'DMG Mori 장비 다수 보유, 브랜드 선호 강함';
      this.accounts.push({
        id: `A-${String(i + 1).padStart(4, '0')}`,
        name,
        industry,
        segment,
        region,
        team,
        owner,
        keyman: rng.chance(0.85) ? this.person(rng) : '',
        relationship,
        budgetCycleMonth: rng.weighted([1, 7, 10, 11, 12, 3], [42, 14, 8, 12, 16, 8]),
        installedCompetitor: installed,
        notes,
        weight: rng.lognormal(1, 0.7) * (segment === '대기업' ? 1.8 : segment === '중견기업' ? 1.1 : 0.8),
        products,
        productWeights,
        // Two foreign-invested accounts buy partly in USD (converted with config fx).
        usd: isEnglish && (english % ENGLISH_NAMES.length === 2 || english % ENGLISH_NAMES.length === 7),
        quiet: PRODUCTS.map(() => []),
        busyUntil: PRODUCTS.map(() => -Infinity),
      });
    }
    let cum = 0;
    this.accountWeightsCum = this.accounts.map((a) => (cum += a.weight));
  }

  private person(rng: Rng): string {
    return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)} ${rng.pick(TITLES)}`;
  }

  private accountsCsv(): string {
    const rows = ['account_id,account_name,industry,segment,region,keyman,relationship,budget_cycle_month,installed_competitor,notes\n'];
    for (const a of this.accounts) {
      rows.push(`${a.id},${esc(a.name)},${a.industry.name},${a.segment},${a.region},${esc(a.keyman)},${a.relationship},${a.budgetCycleMonth},${esc(a.installedCompetitor)},${esc(a.notes)}\n`);
    }
    return rows.join('');
  }

  private pickAccount(rng: Rng): number {
    const cum = this.accountWeightsCum;
    const u = rng.next() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // ---------------------------------------------------------------- creation times

  /** Sorted creation instants: growing intake, Korean seasonality (설, summer holidays), working days. */
  private creationTimes(): Float64Array {
    const rng = new Rng(this.o.seed, 2);
    const first = kstDay(this.start);
    const last = kstDay(this.T) - 1;
    const season = [0.85, 0.72, 1.15, 1.12, 1.0, 1.05, 0.92, 0.72, 1.0, 1.12, 1.1, 0.9];
    const days = last - first + 1;
    const cum = new Float64Array(days);
    let total = 0;
    for (let d = 0; d < days; d++) {
      const day = first + d;
      const dow = weekday(day);
      const month = Number(dayString(day).slice(5, 7)) - 1;
      total += (dow === 0 || dow === 6 ? 0.04 : 1) * season[month]! * (1 + (0.45 * d) / days);
      cum[d] = total;
    }
    const out = new Float64Array(this.o.deals);
    let d = 0;
    for (let k = 0; k < this.o.deals; k++) {
      const u = ((k + rng.next()) / this.o.deals) * total;
      while (d < days - 1 && cum[d]! <= u) d++;
      out[k] = dayStart(first + d) + (8 * 60 + 30 + rng.int(0, 600)) * MINUTE;
    }
    return out.sort();
  }

  // ---------------------------------------------------------------- one deal

  private deal(i: number, created: number): void {
    const rng = new Rng(this.o.seed, 1000 + i);
    const id = this.dealId(i + 1);
    const T = this.T;

    // Account and product: a due repurchase, else a weighted account and one of its products it is not quiet on.
    let accountIndex: number;
    let productIndex: number;
    let repurchase = false;
    const top = this.heap[0];
    if (top && top.pickAt <= created && top.close < created && rng.chance(0.6)) {
      heapPop(this.heap);
      accountIndex = top.account;
      productIndex = top.product;
      repurchase = true;
    } else {
      accountIndex = this.pickAccount(rng);
      productIndex = -1;
      // An account bought recently (quiet) or is already being worked on (busy) for the product: demand goes elsewhere.
      // Busy is a soft rule (given up after 10 tries), quiet a hard one (then cross-sell).
      for (let attempt = 0; attempt < 20 && productIndex < 0; attempt++) {
        if (attempt > 0) accountIndex = this.pickAccount(rng);
        const a = this.accounts[accountIndex]!;
        const p = rng.weighted(a.products, a.productWeights);
        if ((attempt >= 10 || a.busyUntil[p]! <= created) && !isQuiet(a, p, created)) productIndex = p;
      }
      if (productIndex < 0) {
        // Cross-sell: a product line new to the account (it stays in its mix), else any.
        const a = this.accounts[accountIndex]!;
        const fresh = PRODUCTS.map((_, p) => p).filter((p) => !a.products.includes(p));
        if (fresh.length > 0) {
          productIndex = rng.pick(fresh);
          a.products.push(productIndex);
          a.productWeights.push(rng.uniform(0.5, 1.5));
        } else productIndex = rng.weighted(a.products, a.productWeights);
      }
    }
    const account = this.accounts[accountIndex]!;
    const product = PRODUCTS[productIndex]!;
    account.busyUntil[productIndex] = created + rng.uniform(15, 90) * DAY;
    const owner0 = rng.chance(0.88) ? account.owner : rng.pick(OWNERS.filter((ow) => ow.team === account.team));
    let owner = owner0.name === LEAVER && created >= this.handover ? SUCCESSOR : owner0;

    // Deal traits.
    const month = monthIndexOf(created) % 12;
    const exhibitionSeason = month === 2 || month === 3 || month === 9 || month === 10;
    const source = repurchase
      ? rng.weighted(SOURCES, [45, 45, 5, 5, 0])
      : rng.weighted(SOURCES, account.team === TEAM_STRATEGIC ? [15, 45, 22, 15, 3] : [22, 26, 14, 18, exhibitionSeason ? 40 : 8]);
    const competitor = rng.chance(repurchase ? 0.55 : 0.72)
      ? account.installedCompetitor && rng.chance(0.5)
        ? account.installedCompetitor
        : rng.pick(product.competitors)
      : '';
    const keymanLatent = rng.chance(account.relationship === 'friendly' ? 0.88 : account.relationship === 'hostile' ? 0.5 : 0.72);
    const budgetLatent = rng.chance(repurchase ? 0.8 : account.team === TEAM_STRATEGIC ? 0.72 : 0.6);
    const loss =
      (keymanLatent ? 1 : 1.7) *
      (budgetLatent ? 1 : 1.5) *
      (competitor ? (COMPETITOR_STRENGTH[competitor] ?? 1) : 0.85) *
      (account.relationship === 'friendly' ? 0.75 : account.relationship === 'hostile' ? 1.35 : 1) *
      SOURCE_LOSS[source]! *
      owner0.skill *
      (repurchase ? 0.7 : 1);
    const sizeFactor = account.segment === '대기업' ? 1.6 : account.segment === '중견기업' ? 1.0 : 0.65;
    let amountKrw = rng.lognormal(product.median * sizeFactor * (repurchase && productIndex === MES ? 0.6 : 1), product.sigma);
    amountKrw = Math.min(2e9, Math.max(30e6, amountKrw));
    const usd = account.usd && rng.chance(0.7);
    const money = (krw: number) => {
      const v = Math.min(2e9, Math.max(30e6, krw));
      return usd ? Math.round(v / 1380 / 100) * 100 : Math.round(v / 1e5) * 1e5;
    };
    let amount = money(amountKrw);
    const pace = product.pace * owner0.pace * Math.pow(amountKrw / 200e6, 0.12);
    const entry = source === 'referral' || source === 'inbound' || repurchase ? rng.weighted([PROSPECT, QUALIFY, PROPOSE], [70, 22, 8]) : rng.chance(0.06) ? QUALIFY : PROSPECT;
    const zombie = rng.chance(0.03);

    // Stage path over the whole life, then cut at T.
    let bounces = 0;
    if (this.o.historyRowsPerDeal !== null) {
      const avgNatural = i > 0 ? this.naturalRows / i : 3.5;
      const perDeal = (this.o.historyRowsPerDeal - avgNatural) / 2;
      const deficit = (this.o.historyRowsPerDeal * i - this.emittedRows) / 2;
      bounces = rng.poisson(Math.max(0, Math.min(perDeal + deficit, 3 * Math.max(perDeal, 0) + 2)));
    }
    const { events: full, natural, reopened } = this.path(rng, created, entry, loss, pace, zombie, bounces);
    this.naturalRows += natural;
    const events = full.filter((e) => e.t < T);
    this.emittedRows += events.length;
    const last = events[events.length - 1]!;
    const state = last.stage;
    const closed = state === WON || state === LOST;
    const closeAt = closed ? last.t : null;
    if (state === WON) this.summary.won++;
    else if (state === LOST) this.summary.lost++;
    else this.summary.open++;

    // Open intervals (for field changes): from created or a reopen to a close or T.
    const intervals: [number, number][] = [];
    {
      let startAt: number | null = created;
      for (let k = 1; k < full.length; k++) {
        const e = full[k]!;
        const terminal = e.stage === WON || e.stage === LOST;
        if (terminal && startAt !== null) {
          intervals.push([startAt, Math.min(e.t, T)]);
          startAt = null;
        } else if (!terminal && startAt === null) startAt = e.t;
        if (e.t >= T) break;
      }
      if (startAt !== null && startAt < T) intervals.push([startAt, T]);
    }

    // Amount changes: revised at the proposal, discounted in negotiation.
    const changes: Change[] = [];
    const fmtAmount = (v: number) => String(v);
    let revised = false;
    let discounted = false;
    for (let k = 1; k < events.length; k++) {
      const e = events[k]!;
      const prev = events[k - 1]!;
      if (!revised && e.stage === PROPOSE && prev.stage < PROPOSE && rng.chance(0.32)) {
        revised = true;
        const t = workTime(rng, e.t + rng.uniform(0, 6) * DAY, e.t);
        const next = events[k + 1]?.t ?? T;
        if (t < next && t < T) {
          const v = money(amountKrw * rng.uniform(0.82, 1.38));
          if (v !== amount) changes.push({ field: 'amount', old: fmtAmount(amount), new: fmtAmount(v), t });
          amount = v;
          amountKrw = usd ? v * 1380 : v;
        }
      } else if (!discounted && e.stage === NEGOTIATE && rng.chance(0.38)) {
        discounted = true;
        const t = workTime(rng, e.t + rng.uniform(0, 8) * DAY, e.t);
        const next = events[k + 1]?.t ?? T;
        if (t < next && t < T) {
          const v = money(amountKrw * rng.uniform(0.85, 0.97));
          if (v !== amount) changes.push({ field: 'amount', old: fmtAmount(amount), new: fmtAmount(v), t });
          amount = v;
          amountKrw = usd ? v * 1380 : v;
        }
      }
    }

    // Expected close: optimistic at creation, pushed when it passes (or not, by lazy owners).
    let expected: number | null = rng.chance(entry === PROSPECT ? 0.14 : 0.04)
      ? null
      : this.closeDate(rng, created + rng.lognormal(62 * product.pace * Math.pow(amountKrw / 200e6, 0.2), 0.5) * DAY);
    const setChange = (t: number, value: number | null) => {
      changes.push({ field: 'expected_close_at', old: expected === null ? '' : fmtDate(expected), new: value === null ? '' : fmtDate(value), t });
      expected = value;
    };
    let lastChange = created;
    intervals.forEach(([a, b], k) => {
      if (k > 0) {
        // Reopened: a fresh close date.
        const t = workTime(rng, a + rng.uniform(0.1, 2) * DAY, Math.max(a, lastChange));
        if (t < b) {
          setChange(t, this.closeDate(rng, t + rng.uniform(40, 110) * DAY));
          lastChange = t;
        }
      }
      if (expected === null) {
        // Unscheduled deals get a date once qualified.
        const q = events.find((e) => e.t >= a && e.t < b && e.stage >= QUALIFY && e.stage <= NEGOTIATE && e.t > created);
        if (!q || !rng.chance(0.8)) return;
        const t = workTime(rng, q.t + rng.uniform(0.2, 4) * DAY, Math.max(q.t, lastChange));
        if (t >= b) return;
        setChange(t, this.closeDate(rng, t + rng.uniform(30, 100) * DAY));
        lastChange = t;
      }
      for (let pushes = 0; pushes < 8 && expected !== null; pushes++) {
        const t = workTime(rng, expected + rng.uniform(-8, 20) * DAY, Math.max(lastChange, a));
        if (t >= b) break;
        if (!rng.chance(owner0.diligence * (pushes === 0 ? 1 : 0.93))) break;
        let next = this.closeDate(rng, expected + rng.uniform(20, 95) * DAY);
        if (next <= t + 7 * DAY) next = this.closeDate(rng, t + rng.uniform(20, 75) * DAY);
        setChange(t, next);
        lastChange = t;
      }
    });

    // Owner handover.
    if (owner0.name === LEAVER && created < this.handover) {
      // Open at the handover, or reopened after it.
      const after = intervals.find(([, b]) => b > this.handover);
      if (after) {
        const from = Math.max(after[0], this.handover);
        const t = workTime(rng, from + rng.uniform(0, 3) * DAY, from);
        if (t < after[1]) {
          changes.push({ field: 'owner', old: LEAVER, new: SUCCESSOR.name, t });
          owner = SUCCESSOR;
        }
      }
    }
    changes.sort((x, y) => x.t - y.t);

    // Reasons, qualification facts and the rest of the row.
    let lostReason = '';
    let winReason = '';
    if (state === LOST) lostReason = rng.chance(0.045) ? '' : this.lossReason(rng, events, competitor, budgetLatent, keymanLatent, account, zombie);
    if (state === WON) winReason = rng.chance(0.04) ? '' : this.winReason(rng, competitor, account, repurchase, source);
    const reachedPropose = events.some((e) => e.stage >= PROPOSE && e.stage <= WON);
    let keyman = '';
    if (keymanLatent && (state !== PROSPECT || rng.chance(0.4)) && (state !== QUALIFY || rng.chance(0.7))) keyman = rng.chance(0.7) && account.keyman ? account.keyman : this.person(rng);
    else if (state === WON && rng.chance(0.6)) keyman = account.keyman || this.person(rng);
    let budget: string;
    if (state === WON) budget = rng.chance(0.94) ? 'Y' : 'N';
    else if (state === PROSPECT) budget = budgetLatent && rng.chance(0.3) ? 'Y' : rng.chance(0.5) ? '' : 'N';
    else budget = budgetLatent && (reachedPropose || rng.chance(0.6)) ? 'Y' : 'N';
    const purchaseType = rng.chance(0.08) ? '' : rng.chance(productIndex === MES || productIndex === ROBOT ? 0.5 : 0.28) ? 'phased' : 'bulk';
    const lifecycle = rng.chance(0.03) ? product.lifecycleOverride : null;
    let installedAt: number | null = null;
    if (state === WON && closeAt !== null && !rng.chance(0.12)) {
      const inst = dayStart(kstDay(closeAt + rng.uniform(30, 95) * DAY));
      if (inst < T) installedAt = inst;
    }
    const cost = rng.chance(0.1) ? null : usd ? Math.round((amount * rng.uniform(0.56, 0.8)) / 100) * 100 : Math.round((amount * rng.uniform(0.56, 0.8)) / 1e5) * 1e5;

    // Repurchase bookkeeping for wins: quiet on the product until near the due date, maybe a repurchase deal then.
    if (state === WON && closeAt !== null) {
      const base = installedAt ?? dayStart(kstDay(closeAt));
      const months = lifecycle ?? product.lifecycle;
      const due = dateMs(addMonths(fmtDate(base), months));
      if (rng.chance(0.5)) {
        // The repurchase is discussed in time: a new deal for the same account and product some months before it is due.
        heapPush(this.heap, { pickAt: due - rng.uniform(1, 7) * 30 * DAY, close: closeAt, account: accountIndex, product: productIndex, dealId: id });
        if (rng.chance(0.85)) account.quiet[productIndex]!.push({ close: closeAt, until: due - rng.uniform(5, 10) * 30 * DAY });
      } else if (rng.chance(0.9)) {
        // Nobody follows up: the account stays quiet past the due date (an overdue repurchase).
        account.quiet[productIndex]!.push({ close: closeAt, until: due + rng.uniform(3, 18) * 30 * DAY });
      }
      const m = monthIndexOf(closeAt);
      let byTeam = this.wonByMonth.get(m);
      if (!byTeam) this.wonByMonth.set(m, (byTeam = new Map()));
      const krw = usd ? amount * 1380 : amount;
      byTeam.set(owner.team, (byTeam.get(owner.team) ?? 0) + krw);
    }

    // Deliberate quirks.
    const late = i >= this.o.deals * 0.8;
    let stageCell = rng.chance(0.1) ? rng.pick(STAGE_SPELLINGS[state]!) : STAGE_ID[state]!;
    let closedCell = closeAt === null ? '' : fmtDateTime(closeAt);
    let amountCell: string;
    const r = rng.next();
    if (r < 0.08 && !usd) amountCell = `"${withCommas(amount)}"`;
    else if (r < 0.11 && !usd) amountCell = `"₩${withCommas(amount)}"`;
    else amountCell = String(amount);
    let name = this.dealName(rng, account, product, repurchase);
    const special = SPECIAL_NAMES[this.special.names];
    if (special && special.product === productIndex && i >= ((this.special.names + 1) * this.o.deals) / (SPECIAL_NAMES.length + 1)) {
      name = special.name;
      this.special.names++;
    }
    if (this.o.dataQualityIssues && late) {
      const noAmountChanges = !changes.some((c) => c.field === 'amount');
      if (!this.special.mismatchPropose && i >= this.o.deals * 0.8 && state === PROPOSE) {
        this.special.mismatchPropose = true;
        stageCell = 'negotiate';
      } else if (!this.special.mismatchQualify && i >= this.o.deals * 0.85 && state === QUALIFY && !reopened) {
        this.special.mismatchQualify = true;
        stageCell = '실주';
        closedCell = '';
        lostReason = 'no_budget';
      } else if (!this.special.emptyAmount && i >= this.o.deals * 0.9 && state === PROSPECT && noAmountChanges) {
        this.special.emptyAmount = true;
        amountCell = '';
      }
    }

    this.dealsOut.push(`${id},${esc(name)},${account.id},${esc(account.name)},${owner.name},${owner.team},${product.code},${amountCell},${usd ? 'USD' : 'KRW'},` +
        `${fmtDateTime(created)},${expected === null ? '' : fmtDate(expected)},${closedCell},${stageCell},${lostReason},${winReason},${competitor},${source},` +
        `${esc(keyman)},${budget},${purchaseType},${installedAt === null ? '' : fmtDate(installedAt)},${lifecycle ?? ''},${cost ?? ''}\n`);
    this.summary.dealRows++;
    for (const e of events) this.historyOut.push(`${id},${STAGE_ID[e.stage]},${fmtDateTime(e.t)}\n`);
    this.summary.stageHistoryRows += events.length;
    for (const c of changes) {
      if (c.t >= T) continue;
      this.fieldsOut.push(`${id},${c.field},${c.old},${c.new},${fmtDateTime(c.t)}\n`);
      this.summary.fieldHistoryRows++;
    }
  }

  /** A close date (00:00 KST) near `ms`: 40% snapped to the month's last day, the rest a working day. */
  private closeDate(rng: Rng, ms: number): number {
    let day = kstDay(ms);
    if (rng.chance(0.4)) {
      const s = dayString(day);
      const end = addMonths(`${s.slice(0, 7)}-01`, 1);
      day = kstDay(dateMs(end)) - 1;
    }
    const dow = weekday(day);
    if (dow === 6) day -= 1;
    else if (dow === 0) day -= 2;
    return dayStart(day);
  }

  /**
   * The full stage path from creation, ignoring T. `natural` counts the rows
   * without the extra benchmark bounces.
   */
  private path(rng: Rng, created: number, entry: number, loss: number, pace: number, zombie: boolean, bounces: number): { events: Event[]; natural: number; reopened: boolean } {
    const events: Event[] = [{ stage: entry, t: created }];
    let natural = 1;
    let stage = entry;
    let t = created;
    let reopenedOnce = false;
    let budget = bounces;
    let pending: number | null = null;
    const add = (s: number, days: number, bounce: boolean) => {
      t = workTime(rng, t + days * DAY, t);
      events.push({ stage: s, t });
      stage = s;
      if (!bounce) natural++;
    };
    for (let guard = 0; guard < 200; guard++) {
      if (stage === WON) break;
      if (stage === LOST) {
        const from = events[events.length - 2]?.stage ?? PROSPECT;
        if (!reopenedOnce && from >= QUALIFY && from <= NEGOTIATE && rng.chance(0.07)) {
          reopenedOnce = true;
          add(rng.chance(0.6) ? QUALIFY : PROPOSE, rng.uniform(45, 220), false);
          continue;
        }
        break;
      }
      // The natural next move is drawn first and kept across any bounces, so bounces do not change outcomes.
      let next: number = pending ?? this.nextStage(rng, stage, loss);
      if (budget > 0 && (next === WON || next === LOST || rng.chance(0.5))) {
        budget--;
        pending = next;
        const other = stage === PROSPECT ? QUALIFY : stage - 1;
        const here = stage;
        add(other, rng.uniform(0.2, 3), true);
        add(here, rng.uniform(0.2, 3), true);
        continue;
      }
      pending = null;
      let dwell: number;
      if (zombie && stage === PROPOSE) {
        // Goes dark in the proposal stage; someone closes it as lost much later.
        next = LOST;
        dwell = rng.uniform(150, 520);
      } else {
        const base = DWELL[stage]!;
        dwell = rng.lognormal(base.median * pace, base.sigma);
        if (next === LOST) dwell *= 1.35;
        if (next < stage) dwell *= 0.7;
      }
      add(next, dwell, false);
    }
    return { events, natural, reopened: reopenedOnce };
  }

  private nextStage(rng: Rng, stage: number, loss: number): number {
    const lost = (p: number) => rng.chance(Math.min(0.92, p * loss));
    switch (stage) {
      case PROSPECT:
        if (lost(0.21)) return LOST;
        return rng.chance(0.07) ? PROPOSE : QUALIFY;
      case QUALIFY:
        if (lost(0.15)) return LOST;
        if (rng.chance(0.035)) return PROSPECT;
        return rng.chance(0.05) ? NEGOTIATE : PROPOSE;
      case PROPOSE:
        if (lost(0.24)) return LOST;
        if (rng.chance(0.07)) return QUALIFY;
        return rng.chance(0.06) ? WON : NEGOTIATE;
      default:
        if (lost(0.2)) return LOST;
        if (rng.chance(0.1)) return PROPOSE;
        return WON;
    }
  }

  private lossReason(rng: Rng, events: Event[], competitor: string, budgetOk: boolean, keymanOk: boolean, account: Account, zombie: boolean): string {
    if (zombie) return rng.chance(0.6) ? 'timing' : 'no_budget';
    let from = PROSPECT;
    for (let k = events.length - 2; k >= 0; k--) {
      if (events[k]!.stage <= NEGOTIATE) {
        from = events[k]!.stage;
        break;
      }
    }
    const w = LOSS_BASE.slice();
    const at = (reason: (typeof LOSS_REASONS)[number]) => LOSS_REASONS.indexOf(reason);
    if (PREMIUM_BRANDS.has(competitor)) w[at('brand')]! *= competitor === 'DMG Mori' ? 3 : 2;
    if (competitor && competitor === account.installedCompetitor) w[at('competitor_relationship')]! *= 3;
    if (!competitor) {
      w[at('brand')]! *= 0.4;
      w[at('competitor_relationship')]! *= 0.2;
    }
    if (!budgetOk) w[at('no_budget')]! *= 1.5;
    if (!keymanOk) w[at('sales_approach')]! *= 1.8;
    if (account.relationship === 'hostile') w[at('sales_approach')]! *= 1.6;
    if (from <= QUALIFY) {
      w[at('timing')]! *= 1.3;
      w[at('no_budget')]! *= 1.2;
      w[at('price')]! *= 0.5;
      w[at('after_sales')]! *= 0.85;
    } else if (from === NEGOTIATE) {
      w[at('price')]! *= 1.5;
      w[at('timing')]! *= 0.6;
    }
    return rng.weighted(LOSS_REASONS, w);
  }

  private winReason(rng: Rng, competitor: string, account: Account, repurchase: boolean, source: string): string {
    const w = WIN_BASE.slice();
    if (repurchase || account.relationship === 'friendly') w[2]! *= 1.8;
    if (source === 'referral') w[5]! *= 2;
    if (competitor === 'DMG Mori' || competitor === 'Trumpf') w[4]! *= 2.2;
    return rng.weighted(WIN_REASONS, w);
  }

  private dealName(rng: Rng, account: Account, product: Product, repurchase: boolean): string {
    const pattern = rng.pick(repurchase ? product.renewal : product.names);
    return pattern.replace('{a}', account.name).replace('{n}', String(rng.int(1, 4))).replace('{p}', rng.pick(PLANTS));
  }

  // ---------------------------------------------------------------- deliberate bad rows

  private badRows(): void {
    const rng = new Rng(this.o.seed, 3);
    const a = this.accounts[rng.int(0, this.accounts.length - 1)]!;
    const b = this.accounts[rng.int(0, this.accounts.length - 1)]!;
    const c = this.accounts[rng.int(0, this.accounts.length - 1)]!;
    const lastDay = kstDay(this.T) - 1;
    const when = (back: number) => fmtDateTime(workTime(rng, dayStart(lastDay - back), 0));
    const n = this.o.deals;
    const cells = (x: Account, p: string) => `${x.id},${esc(x.name)},${x.owner.name === LEAVER ? SUCCESSOR.name : x.owner.name},${x.team},${p}`;
    // 1. unknown stage "보류" (on hold)
    this.dealsOut.push(`${this.dealId(n + 1)},${esc(`${a.name} 설비 검토 (보류)`)},${cells(a, 'INSPECT-AI')},85000000,KRW,${when(40)},${fmtDate(dayStart(lastDay + 90))},,보류,,,,inbound,,N,,,,\n`);
    // 2. month 13 in expected_close_at
    this.dealsOut.push(`${this.dealId(n + 2)},${esc(`${b.name} 로봇 셀 추가`)},${cells(b, 'ROBOT-ARM')},120000000,KRW,${when(25)},${this.o.endDate.slice(0, 4)}-13-01,,prospect,,,,outbound,,,,,,\n`);
    // 3. negative amount
    this.dealsOut.push(`${this.dealId(n + 3)},${esc(`${c.name} MES 옵션 변경`)},${cells(c, 'MES-SUITE')},-45000000,KRW,${when(12)},${fmtDate(dayStart(lastDay + 45))},,qualify,,,,inbound,,N,,,,\n`);
    this.summary.dealRows += 3;
    // 5. stage history of a deal that is not in deals.csv
    this.historyOut.push(`${this.dealId(0)},propose,${when(60)}\n`);
    this.summary.stageHistoryRows++;
  }

  // ---------------------------------------------------------------- targets

  /**
   * Company-wide monthly and quarterly targets and per-team quarterly targets
   * for the calendar years endYear-2 .. endYear+1, set a bit above what was
   * (or, for future periods, is expected to be) won, rounded to 10M/100M KRW.
   */
  private targetsCsv(): string {
    const rng = new Rng(this.o.seed, 4);
    const endYear = Number(this.o.endDate.slice(0, 4));
    const endMonth = monthIndexOf(this.T - 1);
    const wonIn = (from: number, to: number, team?: string) => {
      let s = 0;
      for (let m = from; m <= to; m++) {
        const byTeam = this.wonByMonth.get(m);
        if (!byTeam) continue;
        if (team) s += byTeam.get(team) ?? 0;
        else for (const v of byTeam.values()) s += v;
      }
      return s;
    };
    // Run rate: the last 12 full months before the end month.
    const runRate = Math.max(wonIn(endMonth - 12, endMonth - 1), 1e9);
    const teams = [TEAM_CAPITAL, TEAM_SOUTH, TEAM_STRATEGIC];
    const teamTotal = teams.reduce((s, tm) => s + wonIn(endMonth - 36, endMonth, tm), 0);
    const share = teams.map((tm) => (teamTotal > 0 ? wonIn(endMonth - 36, endMonth, tm) / teamTotal : 1 / teams.length));
    const qWeight = [0.21, 0.25, 0.24, 0.3];
    const mWeight = [0.3, 0.32, 0.38];
    const rows = ['period,owner,team,target_amount\n'];
    const roundTo = (v: number, unit: number) => Math.max(unit, Math.round(v / unit) * unit);
    for (let y = endYear - 2; y <= endYear + 1; y++) {
      // Plan = the year's won amount (or the run rate grown 10%/year when not known yet) plus 10% stretch.
      const yearStart = y * 12;
      const known = yearStart + 11 < endMonth;
      const yearsAhead = (yearStart + 6 - endMonth) / 12;
      const base = known ? wonIn(yearStart, yearStart + 11) : runRate * Math.pow(1.1, Math.max(0, yearsAhead));
      const plan = Math.max(base, 1e9) * 1.1;
      for (let q = 0; q < 4; q++) {
        const qStart = yearStart + q * 3;
        let quarter = plan * qWeight[q]!;
        // The quarter and month of endDate end a little short of target (won / target about 0.8-0.9): a gap to cover.
        if (qStart <= endMonth && endMonth <= qStart + 2) quarter = Math.max(quarter, (wonIn(qStart, endMonth) / rng.uniform(0.8, 0.9)) * (3 / (endMonth - qStart + 1)));
        rows.push(`${y}-Q${q + 1},,,${roundTo(quarter, 1e8)}\n`);
        for (let k = 0; k < 3; k++) {
          let month = quarter * mWeight[k]!;
          if (qStart + k === endMonth) month = Math.max(month, wonIn(endMonth, endMonth) / rng.uniform(0.8, 0.9));
          rows.push(`${monthKey(qStart + k)},,,${roundTo(month, 1e7)}\n`);
        }
        teams.forEach((tm, ti) => rows.push(`${y}-Q${q + 1},,${tm},${roundTo(quarter * share[ti]!, 1e8)}\n`));
      }
    }
    this.summary.targetRows = rows.length - 1;
    return rows.join('');
  }
}

const DWELL: readonly { median: number; sigma: number }[] = [
  { median: 9, sigma: 0.8 }, // prospect
  { median: 17, sigma: 0.75 }, // qualify
  { median: 36, sigma: 0.85 }, // propose: the bottleneck
  { median: 15, sigma: 0.65 }, // negotiate
];

/** True when a past win keeps the account quiet on product `p` at `t`; drops entries that ended (t only grows). */
function isQuiet(a: Account, p: number, t: number): boolean {
  const list = a.quiet[p]!;
  let quiet = false;
  for (let k = list.length - 1; k >= 0; k--) {
    const q = list[k]!;
    if (q.until <= t) {
      list[k] = list[list.length - 1]!;
      list.pop();
    } else if (q.close < t) quiet = true;
  }
  return quiet;
}

// ---------------------------------------------------------------- a small binary heap on pickAt

function heapPush(heap: Candidate[], c: Candidate): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (heap[p]!.pickAt <= heap[i]!.pickAt) break;
    [heap[p], heap[i]] = [heap[i]!, heap[p]!];
    i = p;
  }
}

function heapPop(heap: Candidate[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && heap[l]!.pickAt < heap[m]!.pickAt) m = l;
    if (r < heap.length && heap[r]!.pickAt < heap[m]!.pickAt) m = r;
    if (m === i) break;
    [heap[m], heap[i]] = [heap[i]!, heap[m]!];
    i = m;
  }
}
