/** The customer accounts: made once from their own stream, then picked by weight and kept quiet after a purchase. */
import { Rng } from './rng.ts';
import type { GenState } from './state.ts';
import {
  ACCOUNT_NOTES, ENGLISH_NAMES, GIVEN, INDUSTRIES, type Industry, NAME_PREFIXES, NAME_SUFFIXES, OWNERS, type Owner, PRODUCTS,
  SOUTH_REGIONS, SURNAMES, TEAM_CAPITAL, TEAM_SOUTH, TEAM_STRATEGIC, TITLES,
} from './world.ts';

export interface Account {
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

/** Make `s.o.accounts` accounts (stream 1) into `s.accounts`, with their cumulative pick weights. */
export function makeAccounts(s: GenState): void {
  const rng = new Rng(s.o.seed, 1);
  const n = s.o.accounts;
  const combos: string[] = [];
  for (const prefix of NAME_PREFIXES) for (const suffix of NAME_SUFFIXES) combos.push(prefix + suffix);
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
    s.accounts.push({
      id: `A-${String(i + 1).padStart(4, '0')}`,
      name,
      industry,
      segment,
      region,
      team,
      owner,
      keyman: rng.chance(0.85) ? person(rng) : '',
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
  s.accountWeightsCum = s.accounts.map((a) => (cum += a.weight));
}

/** A contact: name and title. */
export function person(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)} ${rng.pick(TITLES)}`;
}

/** An account index drawn by weight (one draw). */
export function pickAccount(s: GenState, rng: Rng): number {
  const cum = s.accountWeightsCum;
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

/** True when a past win keeps the account quiet on product `p` at `t`; drops entries that ended (t only grows). */
export function isQuiet(a: Account, p: number, t: number): boolean {
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
