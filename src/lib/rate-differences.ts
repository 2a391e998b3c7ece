/**
 * Whether groups' win rates differ by more than chance would at their counts: a test of homogeneity of proportions on
 * the table of won and lost per group. A page that names the group won most and least often says so when they do not,
 * so that a review does not act on a gap of a handful of deals (32% of 189 against 27% of 341 is such a gap).
 *
 * Two groups: Fisher's exact test, two-sided (exact at any count, so a comparison of 10 deals is judged fairly).
 * More: Pearson's chi-square test of the k × 2 table, k − 1 degrees of freedom; one test of all the groups compared,
 * not of the extreme pair alone, which would find a gap among many groups by chance alone. The same test of a larger
 * table (`contingencyP`) says whether a mix, such as the loss reasons' from quarter to quarter, changed.
 */

export interface WonOfClosed {
  won: number;
  closed: number;
}

/** The significance level: a difference is clear when chance alone would give one as large less than 5% of the time. */
export const CLEAR_DIFFERENCE_P = 0.05;

/** Whether the groups' win rates differ by more than chance would (p below CLEAR_DIFFERENCE_P). */
export function winRatesClearlyDiffer(groups: readonly WonOfClosed[]): boolean {
  return rateDifferenceP(groups) < CLEAR_DIFFERENCE_P;
}

/** The p-value of the groups' won-of-closed counts being drawn from one win rate; 1 for fewer than two groups. */
export function rateDifferenceP(groups: readonly WonOfClosed[]): number {
  const used = groups.filter((g) => g.closed > 0);
  if (used.length < 2) return 1;
  const won = used.reduce((sum, g) => sum + g.won, 0);
  const closed = used.reduce((sum, g) => sum + g.closed, 0);
  // Every deal won, or none: the rates are equal.
  if (won === 0 || won === closed) return 1;
  if (used.length === 2) return fisherExactP(used[0]!, used[1]!);
  return contingencyP(used.map((g) => [g.won, g.closed - g.won]));
}

/**
 * Pearson's chi-square test of independence of a table of counts (rows by columns: loss reasons by quarter, groups by
 * won and lost): the p-value of the rows sharing one mix of the columns. Rows and columns without a count are left
 * out, as they say nothing of the mix; (r − 1)(c − 1) degrees of freedom; 1 when fewer than two of either are left.
 */
export function contingencyP(table: readonly (readonly number[])[]): number {
  const rowSums = table.map((row) => row.reduce((sum, n) => sum + n, 0));
  const width = Math.max(0, ...table.map((row) => row.length));
  const columnSums = Array.from({ length: width }, (_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const rows = rowSums.flatMap((sum, i) => (sum > 0 ? [i] : []));
  const columns = columnSums.flatMap((sum, j) => (sum > 0 ? [j] : []));
  if (rows.length < 2 || columns.length < 2) return 1;
  const total = rowSums.reduce((sum, n) => sum + n, 0);
  let chiSquare = 0;
  for (const i of rows) {
    for (const j of columns) {
      const expected = (rowSums[i]! * columnSums[j]!) / total;
      chiSquare += ((table[i]![j] ?? 0) - expected) ** 2 / expected;
    }
  }
  return chiSquareSurvival(chiSquare, (rows.length - 1) * (columns.length - 1));
}

/**
 * Fisher's exact test of two groups, two-sided: the probability, with the margins fixed, of every table as likely as
 * the one seen or less so. The tables' weights come from the ratio of each to the next, in logarithms, so that no
 * factorial of a large count is formed.
 */
export function fisherExactP(a: WonOfClosed, b: WonOfClosed): number {
  const won = a.won + b.won;
  const low = Math.max(0, won - b.closed);
  const high = Math.min(a.closed, won);
  const logWeights = new Float64Array(high - low + 1);
  for (let x = low; x < high; x++) {
    // P(x + 1) / P(x) for the hypergeometric law of the first group's won count.
    logWeights[x - low + 1] = logWeights[x - low]! + Math.log(((a.closed - x) * (won - x)) / ((x + 1) * (b.closed - won + x + 1)));
  }
  let most = -Infinity;
  for (const w of logWeights) most = Math.max(most, w);
  const seen = logWeights[a.won - low]!;
  let all = 0;
  let asExtreme = 0;
  for (const w of logWeights) {
    const weight = Math.exp(w - most);
    all += weight;
    // A relative tolerance, as R's fisher.test: tables as likely as the one seen, to rounding, count as extreme.
    if (w <= seen + 1e-7) asExtreme += weight;
  }
  return Math.min(1, asExtreme / all);
}

/** P(X ≥ x) for X chi-square distributed with `df` degrees of freedom: the regularized upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return upperGammaQ(df / 2, x / 2);
}

/** Q(a, x) by its series below a + 1 and its continued fraction above (Numerical Recipes' gammq). */
function upperGammaQ(a: number, x: number): number {
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0, by Lanczos' approximation (g = 7), good to ~15 digits. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const shifted = z - 1;
  let sum = 0.99999999999980993;
  for (let i = 0; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (shifted + i + 1);
  const t = shifted + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}
