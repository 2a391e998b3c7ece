/**
 * How stage names are compared (an id, a label, an alias: case and every
 * space ignored): a module of its own, without the config's zod schema,
 * so that the stage-history thread does not build that schema when it
 * starts (its chunk took ~17 ms to import there).
 */
import type { Config, Stage } from '../config.ts';

const NON_ASCII = /[^\u0000-\u007f]/u;

/** Stage names match by id, any label or alias, ignoring case and all whitespace. */
export function normalizeStageName(name: string): string {
  // Zero-width characters too (text copied from a web page or chat carries them, unseen), and fullwidth letters as their ASCII (NFKC).
  const text = NON_ASCII.test(name) ? name.normalize('NFKC') : name;
  return text.replace(/[\s\u00ad\u200b-\u200d\u2060]+/gu, '').toLowerCase();
}

/** A lookup from any accepted spelling of a stage (id, label, alias) to its Stage. */
export function stageLookup(config: Config): Map<string, Stage> {
  const map = new Map<string, Stage>();
  for (const s of config.stages) {
    map.set(normalizeStageName(s.id), s);
    for (const label of [...Object.values(s.label), ...s.aliases]) {
      const key = normalizeStageName(label);
      if (!map.has(key)) map.set(key, s);
    }
  }
  return map;
}
