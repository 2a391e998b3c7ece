/** The manifest's word on filters (views/schema.ts): the filter form's choices and data file, or why the build left filters out. */
import { z } from 'zod';

/** The filter form's choices and the data file a filter loads (filters/build-data.ts); absent when the build wrote none. */
export const filterMetaSchema = z.strictObject({
  /** Below the site root: `data/filter-data.<hash>.json`. */
  data: z.string().regex(/^data\/filter-data\.[0-9a-f]+\.json$/),
  /** Below the site root: the filter form's script (`_astro/….js`, scripts/lib/filter-script.ts); none in `npm run dev`, which serves it from source. */
  script: z.string().regex(/^_astro\/[\w.-]+\.js$/).optional(),
  owners: z.array(z.string()),
  teams: z.array(z.string()),
  products: z.array(z.string()),
  /** Empty when no deal has a lead source: the form then has no such field. */
  sources: z.array(z.string()),
  /** Empty when no deal's account has a segment (industry, region) in accounts.csv: the form then has no such field. */
  segments: z.array(z.string()),
  industries: z.array(z.string()),
  regions: z.array(z.string()),
  /** Creation periods: `YYYY-Qn` and `YYYY`, newest first. */
  periods: z.array(z.string()),
  /** Close periods (the deals' close dates at as_of, model/close-days.ts): the same. */
  closings: z.array(z.string()),
});

/** Filters left out because their data file would pass the build's limit (`--max-filter-mb`): what the pages say instead of the form. */
export const filtersOffSchema = z.strictObject({
  deals: z.int().nonnegative(),
  /** The size the filter data file would have had, in MB, rounded up to a tenth. */
  mb: z.number().nonnegative(),
  limit_mb: z.int().nonnegative(),
});

export type FilterMeta = z.infer<typeof filterMetaSchema>;
