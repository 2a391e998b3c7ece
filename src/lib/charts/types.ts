/**
 * The contract of every chart: a pure function `(viewModel, options) -> ChartOutput`.
 * View-models carry already-resolved labels (stage labels, buyer steps, reason
 * names); options carry the formatting functions and the (translated) strings,
 * so a chart never looks anything up and never formats a number on its own.
 */

export type ChartLocale = 'en' | 'ko';

/**
 * The formatting functions a page passes in. `Formatter` of src/lib/format
 * satisfies this interface structurally; tests use a small deterministic fake.
 */
export interface ChartFormat {
  /** Full amount: '₩12,000,000'. */
  money(amount: number): string;
  /** Compact amount for labels and ticks: '₩12M' / '1,200만원'. */
  moneyCompact(amount: number): string;
  /** A whole number: '1,234'. */
  count(n: number): string;
  /** A ratio 0..1 as a percentage: '57%'. Null renders as a dash. */
  percent(ratio: number | null): string;
  /** A duration in days: '14.3 days' / '14.3일'. Null renders as a dash. */
  days(d: number | null): string;
  /** A calendar month 'YYYY-MM': 'Jun 2025' / '2025년 6월'. */
  month(yyyyMm: string): string;
  /** A calendar date 'YYYY-MM-DD': 'Jun 30, 2026' / '2026. 6. 30.'. */
  date(yyyyMmDd: string): string;
  /** A compact amount per day (sales velocity): '₩400K/day' / '하루 40만원'. */
  perDay(amount: number): string;
}

/** How a table column's raw values should be formatted (with the page's ChartFormat). */
/** 'month' and 'date' cells are 'YYYY-MM' and 'YYYY-MM-DD': written so in a CSV (a spreadsheet reads them), in words on the page. */
export type ColumnKind = 'text' | 'money' | 'perDay' | 'count' | 'percent' | 'days' | 'month' | 'date';

/** The numbers behind a chart, unformatted, for an accessible or downloadable table. */
export interface ChartTable {
  headers: string[];
  /** One entry per column: lets the page format the raw cells (see `formatTable`). */
  kinds: ColumnKind[];
  rows: (string | number | null)[][];
}

export interface ChartOutput {
  /** A standalone, responsive, accessible SVG document fragment (starts with `<svg`). */
  svg: string;
  /**
   * The same chart laid out for a phone (NARROW_WIDTH, re-flowed), when the
   * chart was drawn at its default width; the page shows it instead of `svg`
   * where `svg` would have to shrink below one CSS px per unit.
   */
  narrowSvg?: string;
  title: string;
  /** One sentence computed from the data; also the SVG's `<desc>`. */
  takeaway: string;
  table: ChartTable;
}

/** Every chart's strings have at least these. */
export interface BaseChartText {
  title: string;
  /** Shown (and used as the takeaway) when there is nothing to draw. */
  noData: string;
}

export interface ChartOptions<Text extends BaseChartText> {
  /**
   * Width of the viewBox (the SVG scales to its container). Default 640, with
   * a narrow variant (`narrowSvg`) drawn too; a given width draws only that.
   * Below NARROW_LAYOUT_BELOW (480) the chart re-flows for a phone.
   */
  width?: number;
  /** Height of the viewBox. Default: computed from the number of rows. */
  height?: number;
  locale: ChartLocale;
  fmt: ChartFormat;
  text: Text;
  /**
   * Unique per page: prefixes the SVG's class name and its element ids, so two
   * charts on one page never collide. Defaults to the chart's own name
   * ('funnel', 'loss-reasons', ...); pass another when one chart appears twice.
   */
  id?: string;
  /**
   * A sentence that replaces the computed takeaway (and the SVG's `<desc>`):
   * the page's own when the data cannot support the computed one (too small
   * a sample, a field never recorded). The chart is drawn as usual.
   */
  takeaway?: string;
}

/** A count with its amount (waterfall steps, repurchase buckets). */
export interface CountAmount {
  count: number;
  amount: number;
}

/** How a stage chart marks parked stages (open, but outside the funnel's sequence). */
export interface ParkedText {
  /** The label row above them: 'Parked (outside the sequence)'. */
  group: string;
  /** A parked stage's name in a table, with what sets it apart: 'Lost (outside the sequence)', '보류(단계 밖)'. */
  tagged(label: string): string;
}
