/**
 * One multinomial draw: how many of n draws with replacement land on each of a table's profiles,
 * each profile drawn with probability (its patients) / (all patients). This is exactly what a
 * bootstrap resample of n patients records of them, since patients with the same profile are
 * interchangeable in every statistic.
 *
 * Drawn by conditional binomials (L. Devroye, *Non-Uniform Random Variate Generation*, 1986, §XI.1):
 * profile i takes Binomial(draws left, its patients / patients of profiles i, i+1, …); the last takes
 * whatever is left. The patients are whole numbers, so the remaining weight is exact and the last
 * probability exactly 1. Once no draws are left the rest are 0, and no more random numbers are used.
 */
import { binomial, type Uint32Source } from "./binomial.js";

/**
 * @param draws how many patients to draw (a cohort's size)
 * @param patients each profile's patients, whole numbers summing to `total`
 * @param total the sum of `patients`
 * @param into where to write each profile's draws (as long as `patients`)
 * @param random consumed profile by profile, in table order
 */
export function drawMultinomial(draws: number, patients: Float64Array, total: number, into: Float64Array, random: Uint32Source): void {
  if (into.length !== patients.length) {
    throw new Error(`drawMultinomial: into must have one entry per profile (got ${into.length} for ${patients.length})`);
  }
  if (draws > 0 && !(total > 0)) throw new Error(`drawMultinomial: ${draws} draws need profiles with patients`);
  let left = draws;
  let weightLeft = total;
  for (let profile = 0; profile < patients.length; profile++) {
    const weight = patients[profile]!;
    const drawn = left === 0 ? 0 : weight >= weightLeft ? left : binomial(left, weight / weightLeft, random);
    into[profile] = drawn;
    left -= drawn;
    weightLeft -= weight;
  }
}
