/**
 * The filter form's script (FilterBar.astro): a few lines that load the
 * filter code only when a filter is used (filters/loader.ts). A build
 * bundles it once per version of the code (scripts/lib/filter-script.ts);
 * `npm run dev` serves it from here.
 */
import { startFilters } from '../lib/filters/loader.ts';

startFilters(document);
