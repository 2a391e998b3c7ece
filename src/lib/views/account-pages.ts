/**
 * The account pages' share of the site data, split from the manifest so a
 * page loads only its own slice: the account with its deals and stage
 * visits, and its repurchase rows (grouped by account once, not filtered
 * from every row for every page). The build writes one line per account
 * page, `<slug>\t<slice JSON>\n`, into the file beside the manifest
 * (`accountSlicesPath`); a page finds its line through `sliceIndex`. Pure:
 * the build and the site do the file access.
 */
import { z } from 'zod';
import { metricsSchema } from '../metrics/schema.ts';
import type { RepurchaseRow } from '../metrics/types.ts';
import { groupBy } from '../group-by.ts';
import { accountSchema } from './deal-schemas.ts';

export const accountSliceSchema = z.strictObject({
  account: accountSchema,
  /** The account's rows of metrics.repurchase, in their order there. */
  repurchase: metricsSchema.shape.repurchase,
});
export type AccountSlice = z.infer<typeof accountSliceSchema>;

/** The slices file beside the manifest `site-data-<out>.json`: `site-data-<out>.accounts.jsonl`. */
export function accountSlicesPath(siteDataPath: string): string {
  return `${siteDataPath.replace(/\.json$/u, '')}.accounts.jsonl`;
}

/** Repurchase rows by account id, in their order: built once for every account page. */
export function repurchaseByAccount(rows: readonly RepurchaseRow[]): Map<string, RepurchaseRow[]> {
  return groupBy(rows, (r) => r.account_id);
}

/** One line of the slices file (a slug is `[a-z0-9_-]`, so never holds a tab or a line end; JSON text never holds a raw line end). */
export function sliceLine(slice: AccountSlice): string {
  return `${slice.account.slug}\t${JSON.stringify(slice)}\n`;
}

const TAB = 9;
const NEWLINE = 10;

/**
 * Where each slug's slice is in the file: fed the file's bytes in order,
 * chunk by chunk (so the file is never in memory whole), it records each
 * line's slug and the byte range of its JSON.
 */
export function sliceIndex(): { add(chunk: Uint8Array): void; done(): Map<string, { start: number; length: number }> } {
  const index = new Map<string, { start: number; length: number }>();
  let offset = 0; // bytes before the current chunk
  let lineStart = 0;
  /** The current line's slug once its tab is seen, with where its JSON starts; the bytes of a slug split across chunks before that. */
  let current: { slug: string; start: number } | null = null;
  let pending: number[] = [];
  return {
    add(chunk) {
      let i = 0;
      while (i < chunk.length) {
        if (current === null) {
          const tab = chunk.indexOf(TAB, i);
          const end = chunk.indexOf(NEWLINE, i);
          if (end >= 0 && (tab < 0 || end < tab)) throw new Error(`account slices: the line at byte ${lineStart} has no slug`);
          if (tab < 0) {
            pending.push(...chunk.subarray(i));
            break;
          }
          current = { slug: String.fromCharCode(...pending, ...chunk.subarray(i, tab)), start: offset + tab + 1 };
          pending = [];
          i = tab + 1;
        } else {
          const end = chunk.indexOf(NEWLINE, i);
          if (end < 0) break;
          index.set(current.slug, { start: current.start, length: offset + end - current.start });
          current = null;
          lineStart = offset + end + 1;
          i = end + 1;
        }
      }
      offset += chunk.length;
    },
    done() {
      if (current !== null || pending.length > 0) throw new Error(`account slices: the file ends inside the line at byte ${lineStart}`);
      return index;
    },
  };
}
