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
 * Counts are small whole numbers, so nearly every |d| is tied with thousands of others, and the test
 * needs only how many patients had each d: it reads the row's (pre, post) `ProfileTable`, ranks the
 * distinct |d| in one sort and gives each group of tied patients its average rank at once, in the
 * same order and with the same arithmetic as ranking patient by patient, so the p-value is the same
 * double. (simple-statistics has no signed-rank test and no tie-averaging rank function to reuse.)
 */
import { normalCdf } from "./normal-cdf.js";
import { POST_FIELD, PRE_FIELD } from "./patient-counts.js";
import type { ProfileTable } from "./profile-table.js";

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

/** @param pairs the row's patients tabulated by (pre, post) (`tabulatePairs`) */
export function wilcoxonSignedRank(pairs: ProfileTable): WilcoxonSignedRank {
  const groups = tiedGroups(pairs);
  let n = 0;
  let v = 0;
  let tieSum = 0;
  for (const { tied, increases } of groups) {
    // Ranks n+1 … n+tied share their average; t³ − t is summed in doubles, as R's table does.
    const averageRank = (n + 1 + (n + tied)) / 2;
    v += averageRank * increases;
    tieSum += tied * tied * tied - tied;
    n += tied;
  }

  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
  if (n === 0 || !(variance > 0)) return { n, v, z: null, pValue: null };
  const centred = v - (n * (n + 1)) / 4;
  const z = (centred - Math.sign(centred) * 0.5) / Math.sqrt(variance);
  return { n, v, z, pValue: 2 * normalCdf(-Math.abs(z)) };
}

interface TiedGroup {
  /** The |post − pre| the group shares. */
  absolute: number;
  /** How many patients have it. */
  tied: number;
  /** How many of them rose (post > pre). */
  increases: number;
}

/** The patients whose counts changed, grouped by |post − pre|, in ascending order of it. */
function tiedGroups(pairs: ProfileTable): TiedGroup[] {
  if (pairs.width < 2) throw new Error(`wilcoxonSignedRank: profiles need pre and post (got width ${pairs.width})`);
  const byAbsolute = new Map<number, TiedGroup>();
  for (let profile = 0; profile < pairs.patients.length; profile++) {
    const difference = pairs.profiles[profile * pairs.width + POST_FIELD]! - pairs.profiles[profile * pairs.width + PRE_FIELD]!;
    if (difference === 0) continue;
    const absolute = Math.abs(difference);
    let group = byAbsolute.get(absolute);
    if (group === undefined) {
      group = { absolute, tied: 0, increases: 0 };
      byAbsolute.set(absolute, group);
    }
    group.tied += pairs.patients[profile]!;
    if (difference > 0) group.increases += pairs.patients[profile]!;
  }
  return [...byAbsolute.values()].sort((a, b) => a.absolute - b.absolute);
}
