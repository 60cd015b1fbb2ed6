/**
 * Simulated cohorts with a known change, for the bootstrap's coverage test: patient i has an
 * underlying rate λᵢ (0.2 for most, 2.0 for three in ten heavy users), a pre count ~ Poisson(λᵢ) and a
 * post count ~ Poisson(ratio · λᵢ), so the population's change is exactly (ratio − 1) × 100 while
 * each patient's pre and post stay correlated, as real patients' are.
 */
import type { PatientCounts } from "../../src/stats/patient-counts.js";
import type { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";

/** A uniform number strictly inside (0, 1). */
function uniformOpen(random: Xoshiro128StarStar): number {
  return (random.nextUint32() + 0.5) / 2 ** 32;
}

/** D. E. Knuth, *The Art of Computer Programming* 2, 3rd ed., §3.4.1: fine for the small λ here. */
function poisson(random: Xoshiro128StarStar, lambda: number): number {
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = uniformOpen(random);
  while (product > limit) {
    count++;
    product *= uniformOpen(random);
  }
  return count;
}

export function simulateCohort(random: Xoshiro128StarStar, patients: number, ratio: number): PatientCounts {
  const pre = new Int32Array(patients);
  const post = new Int32Array(patients);
  for (let i = 0; i < patients; i++) {
    const lambda = random.uniformInt(10) < 3 ? 2.0 : 0.2;
    pre[i] = poisson(random, lambda);
    post[i] = poisson(random, ratio * lambda);
  }
  return { pre, post };
}
