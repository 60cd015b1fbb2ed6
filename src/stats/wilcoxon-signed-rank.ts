/**
 * The paired test of statistics.md: the Wilcoxon signed-rank test with the normal approximation,
 * tie correction and continuity correction, exactly as R computes
 * `wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE)` (R's
 * `stats:::wilcox.test.default`; F. Wilcoxon, "Individual comparisons by ranking methods",
 * Biometrics Bulletin 1 (1945) 80–83; large-sample form with tied ranks as in M. Hollander,
 * D. A. Wolfe and E. Chicken, *Nonparametric Statistical Methods*, 3rd ed., 2014, §3.1):
 *
 * 1. `d = post − pre` per patient; drop the zeros; `n` = the number left.
 * 2. Rank `|d|` from 1, ties getting their average rank; `V` = the sum of the ranks of the positive `d`.
 * 3. `z = V − n(n+1)/4`; `σ = sqrt(n(n+1)(2n+1)/24 − Σ(t³ − t)/48)` over each group of `t` tied `|d|`.
 * 4. `z = (z − sign(z)·0.5) / σ`; `p = 2·min(Φ(z), 1 − Φ(z))`, computed as 2·Φ(−|z|) so that a tiny
 *    p-value keeps its digits (R likewise takes the upper tail directly).
 *
 * Counts are small whole numbers, so nearly every |d| is tied with thousands of others: ranks are
 * given per group of equal |d| after one sort, O(n log n), never patient by patient.
 * (simple-statistics has no signed-rank test and no tie-averaging rank function to reuse.)
 */
import { normalCdf } from "./normal-cdf.js";
import { checkPatientCounts, type PatientCounts } from "./patient-counts.js";

export interface WilcoxonSignedRank {
  /** Patients whose pre and post counts differ. */
  n: number;
  /** R's statistic `V`: the sum of the ranks of the increases. */
  v: number;
  /** The continuity-corrected z; null where σ is 0 (no patient's count changed). */
  z: number | null;
  /** Two-sided p-value; null where n is 0 or σ is 0. */
  pValue: number | null;
}

export function wilcoxonSignedRank(counts: PatientCounts): WilcoxonSignedRank {
  checkPatientCounts("wilcoxonSignedRank", counts);
  const { absolute, increases } = sortedNonZeroDifferences(counts);
  const n = absolute.length;

  let v = 0;
  let tieSum = 0;
  let nextIncrease = 0;
  for (let start = 0; start < n; ) {
    const value = absolute[start]!;
    let end = start + 1;
    while (end < n && absolute[end] === value) end++;
    // Positions start+1 … end share the average rank; t³ − t is summed in doubles, as R's table does.
    const tied = end - start;
    const averageRank = (start + 1 + end) / 2;
    let increasesInGroup = 0;
    while (nextIncrease < increases.length && increases[nextIncrease] === value) {
      increasesInGroup++;
      nextIncrease++;
    }
    v += averageRank * increasesInGroup;
    tieSum += tied * tied * tied - tied;
    start = end;
  }

  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
  if (n === 0 || !(variance > 0)) return { n, v, z: null, pValue: null };
  const centred = v - (n * (n + 1)) / 4;
  const z = (centred - Math.sign(centred) * 0.5) / Math.sqrt(variance);
  return { n, v, z, pValue: 2 * normalCdf(-Math.abs(z)) };
}

/** |post − pre| of the patients whose counts changed, and of those whose counts rose, each sorted. */
function sortedNonZeroDifferences(counts: PatientCounts): { absolute: Float64Array; increases: Float64Array } {
  const { pre, post } = counts;
  let changed = 0;
  let rose = 0;
  for (let i = 0; i < pre.length; i++) {
    const difference = post[i]! - pre[i]!;
    if (difference !== 0) changed++;
    if (difference > 0) rose++;
  }
  const absolute = new Float64Array(changed);
  const increases = new Float64Array(rose);
  for (let i = 0, a = 0, r = 0; i < pre.length; i++) {
    const difference = post[i]! - pre[i]!;
    if (difference !== 0) absolute[a++] = Math.abs(difference);
    if (difference > 0) increases[r++] = difference;
  }
  // Typed arrays sort numerically, in O(n log n).
  absolute.sort();
  increases.sort();
  return { absolute, increases };
}
