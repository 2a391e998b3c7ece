/** The ready-to-paste `stages` snippet of the unmatched-stage error. */
import type { Config } from '../config.ts';
import { guessStageKind, nameLabel, stageIdFrom } from './stage-guess.ts';

interface SnippetStage {
  id: string;
  kind: string;
  probability?: number;
  parked?: boolean;
  label: Record<string, string>;
  buyer_step?: Record<string, string>;
  aliases?: string[];
}

/**
 * The configured stages as configured (buyer steps and aliases kept, since
 * the snippet replaces the whole list) plus one per unmatched name, each new
 * one's kind guessed from its name (review it). A name that looks won
 * becomes an alias of the one won stage, since a config has exactly one.
 */
export function stagesSnippet(config: Config, unmatched: readonly string[]): string {
  const stages: SnippetStage[] = config.stages.map((s) => ({
    id: s.id,
    kind: s.kind,
    probability: s.probability,
    ...(s.parked ? { parked: true } : {}),
    label: { ...s.label },
    ...(s.buyer_step ? { buyer_step: { ...s.buyer_step } } : {}),
    ...(s.aliases.length > 0 ? { aliases: [...s.aliases] } : {}),
  }));
  const taken = new Set(stages.map((s) => s.id));
  const won = stages.find((s) => s.kind === 'won')!;
  for (const name of unmatched) {
    const guess = guessStageKind(name);
    if (guess.kind === 'won') {
      won.aliases = [...(won.aliases ?? []), name];
      continue;
    }
    const id = stageIdFrom(name, taken);
    taken.add(id);
    const stage: SnippetStage = { id, kind: guess.kind, ...(guess.parked ? { parked: true } : {}), label: nameLabel(name) };
    // Open stages go before the closed ones, in the order the names were first seen.
    const at = guess.kind === 'open' ? stages.findIndex((s) => s.kind !== 'open') : stages.length;
    stages.splice(at === -1 ? stages.length : at, 0, stage);
  }
  const body = stages.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  return `  "stages": [\n${body}\n  ]`;
}
