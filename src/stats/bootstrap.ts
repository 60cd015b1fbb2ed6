/**
 * Bootstrap replicates of a row's pooled `change_pct` (statistics.md, "Confidence interval of the
 * change"): the nonparametric bootstrap of B. Efron, "Bootstrap methods: another look at the
 * jackknife", Annals of Statistics 7 (1979) 1–26, resampling patients, the unit that was sampled,
 * so that each keeps their own pre and post counts and the pairing is preserved. For `Total` each
 * cohort is resampled within itself with its size fixed (the stratified bootstrap of A. C. Davison
 * and D. V. Hinkley, *Bootstrap Methods and their Application*, 1997, §3.2) and the draws pooled.
 *
 * A replicate whose resampled `pre` is 0 has no change and is recorded as NaN; `percentileInterval`
 * discards those. Nothing is allocated per draw: counts are copied once into typed arrays and each
 * cohort's resample is drawn a whole cohort at a time (`fillUniformInts`) into one reused buffer.
 */
import { checkPatientCounts, type PatientCounts } from "./patient-counts.js";
import type { RandomSource } from "../random/xoshiro128.js";

/**
 * @param strata the row's patients: one entry for a cohort row, every cohort for `Total`
 * @param replicates how many replicates (`--bootstrap`)
 * @param random the row's own stream (`streamFor`), consumed in order: for each replicate, for each
 *   stratum in turn, one `fillUniformInts` of as many patients as it has
 * @returns each replicate's `change_pct`, NaN where the replicate's `pre` was 0
 */
export function bootstrapChangePct(
  strata: readonly PatientCounts[],
  replicates: number,
  random: RandomSource,
): Float64Array {
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new Error(`bootstrapChangePct: replicates must be a whole number ≥ 0 (got ${replicates})`);
  }
  for (const stratum of strata) checkPatientCounts("bootstrapChangePct", stratum);
  const pres = strata.map((stratum) => Int32Array.from(stratum.pre));
  const posts = strata.map((stratum) => Int32Array.from(stratum.post));
  const draws = new Int32Array(Math.max(0, ...pres.map((pre) => pre.length)));
  const resamples = pres.map((pre) => draws.subarray(0, pre.length));

  const changes = new Float64Array(replicates);
  for (let replicate = 0; replicate < replicates; replicate++) {
    let pre = 0;
    let post = 0;
    for (let s = 0; s < pres.length; s++) {
      const stratumPre = pres[s]!;
      const stratumPost = posts[s]!;
      const patients = stratumPre.length;
      const resample = resamples[s]!;
      random.fillUniformInts(resample, patients);
      for (let draw = 0; draw < patients; draw++) {
        const patient = resample[draw]!;
        pre += stratumPre[patient]!;
        post += stratumPost[patient]!;
      }
    }
    // The same expression as changePct, inlined: counts sum exactly in doubles.
    changes[replicate] = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
  }
  return changes;
}
