/**
 * The bootstrap as statistics.md words it, patient by patient, kept in the tests as the independent
 * reference for the one prepost runs (a multinomial draw over distinct profiles): each replicate draws
 * every stratum's patients with replacement, as many as it has, sums their pre and post counts, and
 * recomputes the pooled change. It is the algorithm prepost used before the frequency table.
 */
import type { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import type { PatientCounts } from "../../src/stats/patient-counts.js";

export function patientBootstrap(strata: readonly PatientCounts[], replicates: number, random: Xoshiro128StarStar): Float64Array {
  const changes = new Float64Array(replicates);
  const largest = Math.max(0, ...strata.map((stratum) => stratum.pre.length));
  const resample = new Int32Array(largest);
  for (let replicate = 0; replicate < replicates; replicate++) {
    let pre = 0;
    let post = 0;
    for (const stratum of strata) {
      const patients = stratum.pre.length;
      const drawn = resample.subarray(0, patients);
      random.fillUniformInts(drawn, patients);
      for (const patient of drawn) {
        pre += stratum.pre[patient]!;
        post += stratum.post[patient]!;
      }
    }
    changes[replicate] = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
  }
  return changes;
}
