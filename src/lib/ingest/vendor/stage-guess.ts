/**
 * Guessing what a CRM stage name means, for the stage-map error's snippet
 * and `npm run init`: won, lost, parked (on hold) or an ordinary open stage.
 * Only a suggestion the user reviews; the engine never maps names by guess.
 */
import type { StageKind } from '../config.ts';

const WON = /\b(closed[\s_-]*won|won|win|gewonnen|gagn[ée]e?|ganad[ao]|ganho|vinto)\b|수주|성사|계약\s*완료/iu;
const LOST = /\b(closed[\s_-]*lost|lost|lose|loss|not[\s_-]*awarded|disqualified|verloren|perdu[e]?|perdid[ao]|perso|no[\s_-]*decision|dead)\b|실주|실패|드롭/iu;
const PARKED = /\b(on[\s_-]*hold|hold|paused|parked|revisit|future[\s_-]*opportunit(y|ies)|dormant|nurture)\b|보류|대기/iu;

export interface StageGuess {
  kind: StageKind;
  parked: boolean;
}

export function guessStageKind(name: string): StageGuess {
  if (WON.test(name) && !/\bnot\b/iu.test(name)) return { kind: 'won', parked: false };
  if (LOST.test(name)) return { kind: 'lost', parked: false };
  if (PARKED.test(name)) return { kind: 'open', parked: true };
  return { kind: 'open', parked: false };
}

/** A config stage id from a CRM stage name: lower-case ASCII words joined by `_` (or `stage_N` when nothing is left). */
export function stageIdFrom(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '_')
      .replace(/^_+|_+$/gu, '') || 'stage';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}
