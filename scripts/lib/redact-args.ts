/** `--redact` and `--redact-amounts <band>` (build and metrics): shareable output with pseudonyms (src/lib/ingest/redact.ts). */
import type { RedactOptions } from '../../src/lib/ingest/redact.ts';
import { type Args, UsageError, wholeNumberOption } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';

export const REDACT_ARGS = { redact: 'flag', 'redact-amounts': 'value' } as const;
export const REDACT_USAGE = '[--redact [--redact-amounts <band>]]';

/** The redaction asked for, or undefined without `--redact`; a UsageError for a bad combination or band. */
export function redactOption(args: Args, config?: { name: string }): RedactOptions | undefined {
  const band = wholeNumberOption('redact-amounts', args['redact-amounts']);
  if (band !== undefined && args.redact !== true) throw new UsageError(msg('redact_amounts_alone'));
  if (band === 0) throw new UsageError(msg('redact_amounts_zero'));
  // The config is named by messages (a missing salt) as given to --config.
  return args.redact === true ? { amountBand: band, ...(config ? { configName: config.name } : {}) } : undefined;
}
