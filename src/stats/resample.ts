/**
 * The bootstrap's resamples (statistics.md), drawn once in one documented order so that every figure
 * resampled from a row's patients sees the same resampled patients: for each replicate, for each
 * stratum (cohort) in turn, one multinomial draw of as many patients as it has over its profiles
 * (`multinomial.ts`), or, for a table of nearly as many profiles as patients, its patients drawn one
 * by one (the same distribution, cheaper there). The row's interval of the change and the month-by-month intervals of its
 * outcome both read these draws from the row's stream.
 */
import type { Uint32Source } from "./binomial.js";
import { drawMultinomial, drawPatients, PATIENT_DRAWS_FROM, profileOfEachPatient } from "./multinomial.js";
import type { ProfileTable } from "./profile-table.js";

/**
 * @param strata the row's tables of profiles, one per cohort
 * @param replicates how many resamples (`--bootstrap`)
 * @param random the row's stream (`streamFor`), consumed replicate by replicate, stratum by stratum
 * @param visit told each replicate's draws: per stratum, how many of its patients' draws landed on
 *   each profile (the arrays are reused from one replicate to the next)
 */
export function resampleStrata(
  strata: readonly ProfileTable[],
  replicates: number,
  random: Uint32Source & { uniformInt(n: number): number },
  visit: (draws: readonly Float64Array[], replicate: number) => void,
): void {
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new Error(`resampleStrata: replicates must be a whole number ≥ 0 (got ${replicates})`);
  }
  const draws = strata.map((stratum) => new Float64Array(stratum.patients.length));
  // A table of nearly as many profiles as patients is drawn patient by patient (multinomial.ts).
  const byPatient = strata.map((stratum) =>
    stratum.patients.length * PATIENT_DRAWS_FROM > stratum.total ? profileOfEachPatient(stratum.patients, stratum.total) : undefined,
  );
  for (let replicate = 0; replicate < replicates; replicate++) {
    for (let s = 0; s < strata.length; s++) {
      const { patients, total } = strata[s]!;
      const profileOf = byPatient[s];
      if (profileOf) drawPatients(profileOf, draws[s]!, random);
      else drawMultinomial(total, patients, total, draws[s]!, random);
    }
    visit(draws, replicate);
  }
}
