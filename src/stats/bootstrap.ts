/**
 * Bootstrap replicates of a row's pooled `change_pct` (statistics.md, "Confidence interval of the
 * change"): the nonparametric bootstrap of B. Efron, "Bootstrap methods: another look at the
 * jackknife", Annals of Statistics 7 (1979) 1–26, resampling patients, the unit that was sampled,
 * so that each keeps their own pre and post counts and the pairing is preserved. For `Total` each
 * cohort is resampled within itself with its size fixed (the stratified bootstrap of A. C. Davison
 * and D. V. Hinkley, *Bootstrap Methods and their Application*, 1997, §3.2) and the draws pooled.
 *
 * A resample of n patients is drawn as what it is to the statistic: how many of the n draws land on
 * each distinct (pre, post) profile, one multinomial draw over the cohort's `ProfileTable`. That is the
 * same distribution as drawing patient by patient, at a cost in profiles instead of patients.
 *
 * A replicate whose resampled `pre` is 0 has no change and is recorded as NaN; `percentileInterval`
 * discards those.
 */
import type { Uint32Source } from "./binomial.js";
import { POST_FIELD, PRE_FIELD } from "./patient-counts.js";
import type { ProfileTable } from "./profile-table.js";
import { resampleStrata } from "./resample.js";

/**
 * @param strata the row's patients tabulated by (pre, post) (`tabulatePairs`): one table for a cohort
 *   row, one per cohort for `Total`. Fields after pre and post ride along, resampled with them.
 * @param replicates how many replicates (`--bootstrap`)
 * @param random the row's own stream (`streamFor`), consumed in order: for each replicate, for each
 *   stratum in turn, one `drawMultinomial` of as many patients as it has (`resampleStrata`)
 * @returns each replicate's `change_pct`, NaN where the replicate's `pre` was 0
 */
export function bootstrapChangePct(strata: readonly ProfileTable[], replicates: number, random: Uint32Source & { uniformInt(n: number): number }): Float64Array {
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new Error(`bootstrapChangePct: replicates must be a whole number ≥ 0 (got ${replicates})`);
  }
  for (const stratum of strata) {
    if (stratum.width < 2) throw new Error(`bootstrapChangePct: profiles need pre and post (got width ${stratum.width})`);
  }
  const changes = new Float64Array(replicates);
  resampleStrata(strata, replicates, random, (draws, replicate) => {
    let pre = 0;
    let post = 0;
    for (let s = 0; s < strata.length; s++) {
      const { width, profiles } = strata[s]!;
      const drawn = draws[s]!;
      for (let profile = 0; profile < drawn.length; profile++) {
        const times = drawn[profile]!;
        pre += times * profiles[profile * width + PRE_FIELD]!;
        post += times * profiles[profile * width + POST_FIELD]!;
      }
    }
    // The same expression as changePct, inlined: counts sum exactly in doubles.
    changes[replicate] = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
  });
  return changes;
}
