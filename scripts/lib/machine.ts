/**
 * One line naming the machine a bench ran on: its processor (model name,
 * and family/model/stepping where /proc/cpuinfo gives them: cloud hosts
 * often name only "AMD EPYC"), cores, memory and Node. Rounds of the bench
 * run on whatever host the session gets; a ratio that moves with the host
 * (DuckDB gains more than Pipescope on a newer processor) is told from one
 * that moves with the code only when the host is written beside it.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

export interface Processor {
  model: string;
  /** "family 25 model 17 stepping 1", or '' where /proc/cpuinfo does not say. */
  generation: string;
}

/** The first processor's model name and generation in a /proc/cpuinfo text (null when it names none). */
export function processorOf(cpuinfo: string): Processor | null {
  const fields = new Map<string, string>();
  for (const line of cpuinfo.split('\n')) {
    if (line.trim() === '') {
      if (fields.size > 0) break; // the first processor's block ends
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    if (!fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  const model = fields.get('model name');
  if (model === undefined || model === '') return null;
  const parts = [['family', 'cpu family'], ['model', 'model'], ['stepping', 'stepping']]
    .filter(([, key]) => fields.get(key!) !== undefined && fields.get(key!) !== '')
    .map(([word, key]) => `${word} ${fields.get(key!)}`);
  return { model: model.replace(/\s+/g, ' '), generation: parts.join(' ') };
}

/** "machine: AMD EPYC (family 25 model 17 stepping 1), 2 cores, 24 GB, Node v22.23.3". */
export function machineLine(cpuinfo: () => string = () => readFileSync('/proc/cpuinfo', 'utf8')): string {
  let processor: Processor | null = null;
  try {
    processor = processorOf(cpuinfo());
  } catch {
    // no /proc (macOS, Windows): Node's own name for the processor below
  }
  const name = processor ? processor.model + (processor.generation ? ` (${processor.generation})` : '') : (cpus()[0]?.model.trim() ?? 'unknown processor');
  return `machine: ${name}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}
