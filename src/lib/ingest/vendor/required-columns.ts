/**
 * The columns a deals export must have for deals.csv's required columns (input.md), checked on the export itself, so that
 * a missing one is named as the CRM calls it, in the file that lacks it (a series of exports may differ), not as
 * deals.csv's column of a file the user never wrote.
 */
import { IngestFatalError } from '../issues.ts';

/** `[canonical column, the export's column labels (the first is named), ...]`, as the adapters' column tables list them. */
type ColumnTable = readonly (readonly [canonical: string, ...labels: string[]])[];

const quoted = (s: string) => JSON.stringify(s);

/** Throws when `present` (canonical columns found in `file`) lacks one of `required`, naming each by its labels in `table`. */
export function requireExportColumns(file: string, what: string, present: ReadonlyMap<string, unknown>, required: readonly string[], table: ColumnTable): void {
  const missing = required.filter((c) => !present.has(c));
  if (missing.length === 0) return;
  const names = missing.map((c) => {
    const labels = table.find(([canonical]) => canonical === c)?.slice(1) ?? [c];
    return labels.map(quoted).join(' or ');
  });
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  throw new IngestFatalError('export_lacks_columns', file, `${file}: the ${what} lacks ${list}; add ${missing.length > 1 ? 'them' : 'it'} to the exported columns and export again`);
}
