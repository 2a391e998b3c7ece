/**
 * `npm run init`: the `stages` of a suggested config from what the exports
 * show about each stage name: how many rows use it, the order deals move
 * through them, the closed/won flags of the rows at it, its probabilities,
 * and a stage table's sort order when the export has one. Names the flags
 * say nothing about are guessed from the name (stage-guess.ts).
 */
import type { StageKind } from '../config.ts';
import { normalizeStageName } from '../stage-names.ts';
import { guessStageKind, nameLabel, stageIdFrom } from './stage-guess.ts';
import { orderByMoves } from './suggest-order.ts';
import { isSheetError } from '../sheet-errors.ts';

/** A deals row's stage, with what its own record says of that stage. */
export interface DealStageRow {
  deal: string;
  stage: string;
  /** From the record's closed/won flags or status; null when it has none. */
  vote: StageKind | null;
  /** A fraction 0-1, null when the record has none. */
  probability: number | null;
  /**
   * A canonical deals.csv row's own close (null for a CRM's export, whose flags vote instead): closed when
   * `closed_at` is filled, and won or lost when exactly one of `win_reason` and `lost_reason` is.
   */
  close?: { closed: boolean; outcome: 'won' | 'lost' | null } | null;
}

/** A stage entry of the history. */
export interface HistoryStageRow {
  deal: string;
  stage: string;
  /** Instant it was entered; null when the date does not parse. */
  at: number | null;
  probability: number | null;
}

/** What a stage table (Salesforce OpportunityStage) says of a stage. */
export interface StageDefinition {
  sortOrder: number | null;
  kind: StageKind | null;
  probability: number | null;
}

export interface StageEvidence {
  deals: readonly DealStageRow[];
  history: readonly HistoryStageRow[];
  /** By normalized stage name (config.ts normalizeStageName). */
  definitions: ReadonlyMap<string, StageDefinition>;
  /** The columns the votes and probabilities came from, for the notes ('"Closed"/"Won"', '"Probability (%)"'). */
  voteColumns: string;
  probabilityColumns: string;
}

export interface SuggestedStage {
  id: string;
  kind: StageKind;
  probability?: number;
  parked?: true;
  label: Record<string, string>;
  /** Other names of the stage in the data (the won stage's other won-looking names): matched, never shown. */
  aliases?: string[];
}

const PROPOSAL = /\b(propos(al|e|ition)|quot(e|ation)|angebot|devis|propuesta|proposta|offerte|offerta)\b|견적|제안/iu;

interface Facts {
  key: string;
  spellings: Map<string, { deals: number; history: number }>;
  rows: number;
  votes: Map<StageKind, number>;
  probabilities: number[];
  name: string;
  kind: StageKind;
  parked: boolean;
  why: string;
}

const quoted = (s: string) => JSON.stringify(s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(Math.min(1, Math.max(0, m)) * 1000) / 1000;
}

function collectFacts(e: StageEvidence): Facts[] {
  const facts = new Map<string, Facts>();
  const add = (stage: string, from: 'deals' | 'history', probability: number | null): Facts | null => {
    // A spreadsheet's error value (#N/A) is no stage: metrics rejects its rows (sheet_error), so no stage is suggested for it.
    if (stage === '' || isSheetError(stage)) return null;
    const key = normalizeStageName(stage);
    let f = facts.get(key);
    if (!f) facts.set(key, (f = { key, spellings: new Map(), rows: 0, votes: new Map(), probabilities: [], name: stage, kind: 'open', parked: false, why: '' }));
    let s = f.spellings.get(stage);
    if (!s) f.spellings.set(stage, (s = { deals: 0, history: 0 }));
    s[from]++;
    f.rows++;
    if (probability !== null) f.probabilities.push(probability);
    return f;
  };
  // First appearance: the history as exported, then the deals.
  for (const r of e.history) add(r.stage, 'history', r.probability);
  for (const r of e.deals) {
    const f = add(r.stage, 'deals', r.probability);
    if (f && r.vote !== null) f.votes.set(r.vote, (f.votes.get(r.vote) ?? 0) + 1);
  }
  for (const f of facts.values()) {
    // The label: the spelling most deals carry (history headers may be lower-cased), then the most used.
    f.name = [...f.spellings].sort((a, b) => b[1].deals - a[1].deals || b[1].history + b[1].deals - (a[1].history + a[1].deals))[0]![0];
    const guess = guessStageKind(f.name);
    const definition = e.definitions.get(f.key);
    const votes = [...f.votes].sort((a, b) => b[1] - a[1]);
    const closes = closeEvidence(e, f.key);
    if (definition?.kind) {
      f.kind = definition.kind;
      f.why = `${f.kind}: the stage table says so`;
    } else if (closes.kind !== null) {
      f.kind = closes.kind;
      f.why = closes.why;
    } else if (votes.length > 0 && (votes.length === 1 || votes[0]![1] > votes[1]![1])) {
      f.kind = votes[0]![0];
      const total = votes.reduce((n, [, c]) => n + c, 0);
      f.why = `${f.kind}: so say ${e.voteColumns} for ${votes[0]![1]} of its ${plural(total, 'deal')}`;
    } else {
      f.kind = guess.kind;
      f.why = `${f.kind}: guessed from its name${votes.length > 0 ? ` (${e.voteColumns} disagree)` : ''}`;
    }
    f.parked = f.kind === 'open' && guess.parked;
    if (f.parked) f.why += ', parked: its name says on hold';
  }
  return [...facts.values()];
}

/**
 * What a canonical deals.csv says of a stage's kind: closed when most deals at it have `closed_at`, and then
 * won or lost by the reasons they carry, when more say one than the other (a reopened deal's old reason
 * outvotes nothing: most of the stage's deals must be closed first).
 */
function closeEvidence(e: StageEvidence, key: string): { kind: StageKind | null; why: string } {
  let rows = 0;
  let closed = 0;
  let won = 0;
  let lost = 0;
  for (const r of e.deals) {
    if (!r.close || normalizeStageName(r.stage) !== key) continue;
    rows++;
    if (!r.close.closed) continue;
    closed++;
    if (r.close.outcome === 'won') won++;
    else if (r.close.outcome === 'lost') lost++;
  }
  if (rows === 0 || closed * 2 <= rows || won === lost) return { kind: null, why: '' };
  const kind = won > lost ? 'won' : 'lost';
  const reason = kind === 'won' ? 'win_reason' : 'lost_reason';
  return { kind, why: `${kind}: ${closed} of its ${plural(rows, 'deal')} have closed_at, and ${Math.max(won, lost)} a ${reason} (${Math.min(won, lost)} the other reason)` };
}

/** Each deal's stage keys in time order, ending at its current stage. */
function dealPaths(e: StageEvidence): string[][] {
  const history = new Map<string, HistoryStageRow[]>();
  for (const r of e.history) {
    if (r.stage === '') continue;
    let list = history.get(r.deal);
    if (!list) history.set(r.deal, (list = []));
    list.push(r);
  }
  const paths = new Map<string, string[]>();
  for (const [deal, rows] of history) {
    // Sorted by time when every date parses; else as exported.
    const ordered = rows.every((r) => r.at !== null) ? [...rows].sort((a, b) => a.at! - b.at!) : rows;
    paths.set(deal, ordered.map((r) => normalizeStageName(r.stage)));
  }
  for (const r of e.deals) {
    if (r.stage === '') continue;
    const key = normalizeStageName(r.stage);
    const path = paths.get(r.deal);
    if (!path) paths.set(r.deal, [key]);
    else if (path.at(-1) !== key) path.push(key);
  }
  return [...paths.values()];
}

export interface StagesSuggestion {
  stages: SuggestedStage[];
  qualificationFrom: string | null;
  notes: string[];
}

export function suggestStages(e: StageEvidence): StagesSuggestion {
  const notes: string[] = [];
  const facts = collectFacts(e);
  const byKey = new Map(facts.map((f) => [f.key, f]));

  // One won stage: the most used; the other won-looking names become its aliases so their rows still match.
  const winners = facts.filter((f) => f.kind === 'won').sort((a, b) => b.rows - a.rows);
  const won = winners[0];
  const extraWonNames = winners.slice(1);
  if (extraWonNames.length > 0) {
    notes.push(
      `${winners.map((f) => quoted(f.name)).join(', ')} all look won, and a config has one won stage: ${quoted(won!.name)} (the most used, ` +
        `${plural(won!.rows, 'row')}) is it, and the others are its "aliases" so their rows still count as won`,
    );
  }

  // The sequence: the open, unparked stages, in the order deals move (or the stage table's sort order).
  const sequence = facts.filter((f) => f.kind === 'open' && !f.parked);
  const sortOrders = sequence.map((f) => e.definitions.get(f.key)?.sortOrder ?? null);
  let ordered: Facts[];
  if (sequence.length > 0 && sortOrders.every((o) => o !== null)) {
    ordered = [...sequence].sort((a, b) => e.definitions.get(a.key)!.sortOrder! - e.definitions.get(b.key)!.sortOrder!);
    notes.push('order of the open stages: the sort order of the stage table in the export');
  } else {
    // Ties (stages no move orders) go by probability when every stage has one, else by first appearance in the deals' paths.
    const paths = dealPaths(e);
    const firstAt = new Map<string, number>();
    for (const key of paths.flat()) if (!firstAt.has(key)) firstAt.set(key, firstAt.size);
    const byProbability = sequence.every((f) => f.probabilities.length > 0);
    const tieOrder = [...sequence].sort((a, b) =>
      byProbability ? median(a.probabilities) - median(b.probabilities) || 0 : (firstAt.get(a.key) ?? Infinity) - (firstAt.get(b.key) ?? Infinity) || 0,
    );
    const result = orderByMoves(paths, tieOrder.map((f) => f.key));
    ordered = result.order.map((k) => byKey.get(k)!);
    if (sequence.length > 1) {
      const fallback = byProbability ? 'by their probability' : 'in the order they first appear';
      if (result.moves === 0) notes.push(`WARNING: order of the open stages: no deal moved between them, so they are ${fallback}: check it`);
      else notes.push(`order of the open stages: the direction most deals took between each pair, from ${plural(result.moves, 'move')} between them (stages no move orders: ${fallback})`);
      for (const [a, b] of result.ties) {
        notes.push(`WARNING: deals moved between ${quoted(byKey.get(a)!.name)} and ${quoted(byKey.get(b)!.name)} as often one way as the other: their order is a guess`);
      }
      if (result.cyclic) notes.push('WARNING: the moves between open stages go round in a circle; the order breaks it where most deals moved on and fewest came back: check it');
    }
  }
  const parked = facts.filter((f) => f.parked);
  const lost = facts.filter((f) => f.kind === 'lost');

  const taken = new Set<string>();
  const stages: SuggestedStage[] = [];
  // A cell names a stage by id or label, ignoring case and spaces: no id may read as another stage's name (`a_b` beside `A B`'s id).
  const names = new Set(facts.map((f) => normalizeStageName(f.name)));
  const addStage = (f: Facts) => {
    const own = normalizeStageName(f.name);
    const id = stageIdFrom(f.name, { has: (candidate: string) => taken.has(candidate) || (candidate !== own && names.has(candidate)) });
    taken.add(id);
    const definition = e.definitions.get(f.key);
    let value: number | undefined;
    let probability = '';
    if (definition?.probability != null) {
      value = Math.round(definition.probability * 1000) / 1000;
      probability = `, probability ${value} from the stage table`;
    } else if (f.probabilities.length > 0) {
      value = median(f.probabilities);
      probability = `, probability ${value}: the median of ${plural(f.probabilities.length, 'value')} of ${e.probabilityColumns}`;
    }
    // Keys in input.md's order.
    const stage: SuggestedStage = {
      id,
      kind: f.kind,
      ...(value === undefined ? {} : { probability: value }),
      ...(f.parked ? { parked: true as const } : {}),
      label: nameLabel(f.name),
    };
    notes.push(`stage ${quoted(f.name)} (${plural(f.rows, 'row')}) -> id ${quoted(id)}, ${f.why}${probability}`);
    stages.push(stage);
    return stage;
  };
  ordered.forEach(addStage);
  parked.forEach(addStage);
  if (won) {
    const stage = addStage(won);
    if (extraWonNames.length > 0) stage.aliases = extraWonNames.map((f) => f.name);
    for (const f of extraWonNames) notes.push(`stage ${quoted(f.name)} (${plural(f.rows, 'row')}) -> an alias of ${quoted(stage.id)}, ${f.why}`);
  }
  lost.forEach(addStage);

  // A config needs an unparked open stage, one won and one lost stage even when no deal is at one yet.
  const placeholder = (id: string, kind: StageKind, name: string, at: number) => {
    const stageId = stageIdFrom(id, { has: (candidate: string) => taken.has(candidate) || names.has(candidate) });
    // Its label too must not be another stage's name.
    const stage: SuggestedStage = { id: stageId, kind, label: nameLabel(names.has(normalizeStageName(name)) || taken.has(normalizeStageName(name)) ? stageId : name) };
    taken.add(stage.id);
    stages.splice(at, 0, stage);
    notes.push(`WARNING: no stage name looks ${kind === 'open' ? 'open' : kind}, and a config needs one: added ${quoted(stage.id)} for it; if one of the names above is ${kind}, set its kind instead and remove this stage`);
  };
  if (ordered.length === 0) placeholder('open', 'open', 'Open', 0);
  if (!won) placeholder('won', 'won', 'Won', stages.length - lost.length);
  if (lost.length === 0) placeholder('lost', 'lost', 'Lost', stages.length);

  if (facts.length > 0 && facts.every((f) => f.probabilities.length === 0) && ![...e.definitions.values()].some((d) => d.probability !== null)) {
    notes.push('no probabilities in the exports: "probability" left out, so each open stage counts 0 (won 1); add them if you weigh the pipeline by stage');
  }

  let qualificationFrom: string | null = null;
  const proposalAt = ordered.findIndex((f) => PROPOSAL.test(f.name));
  if (proposalAt !== -1) {
    qualificationFrom = stages[proposalAt]!.id;
    notes.push(
      `qualification_required_from ${quoted(qualificationFrom)}: ${quoted(ordered[proposalAt]!.name)} is a proposal stage; open deals at it or later are ` +
        'flagged when no keyman is named or the budget is unconfirmed (only when those columns exist). Set null to turn the flags off',
    );
  } else {
    notes.push('qualification_required_from left out (the flags are off): no stage is clearly a proposal stage; name the first stage where a keyman and budget should be known to turn them on');
  }
  return { stages, qualificationFrom, notes };
}
