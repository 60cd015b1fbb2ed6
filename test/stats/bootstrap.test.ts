import { describe, expect, it } from "vitest";
import type { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { bootstrapChangePct as bootstrapOfTables } from "../../src/stats/bootstrap.js";
import { drawMultinomial, drawPatients, PATIENT_DRAWS_FROM, profileOfEachPatient } from "../../src/stats/multinomial.js";
import { tabulatePairs, type PatientCounts } from "../../src/stats/patient-counts.js";
import { percentileInterval } from "../../src/stats/percentile-interval.js";
import { streamFor } from "../../src/stats/random-stream.js";
import { differenceInDifferencesReplicates } from "../../src/stats/difference-in-differences.js";
import { patientBootstrap } from "./patient-bootstrap.js";
import { simulateCohort } from "./simulate.js";
import { expectSameReplicates, REPLICATES } from "./same-distribution.js";

/** The bootstrap as rowStatistics calls it: each cohort tabulated by (pre, post), then resampled. */
function bootstrapChangePct(cohorts: readonly PatientCounts[], replicates: number, random: Xoshiro128StarStar): Float64Array {
  return bootstrapOfTables(cohorts.map(tabulatePairs), replicates, random);
}

/** The cohorts of the R calls below: i <- 0:399; pre <- c(...)[i %% 11 + 1]; post <- c(...)[i %% 13 + 1]. */
function cohortB(): PatientCounts {
  const prePattern = [0, 0, 0, 1, 0, 2, 0, 1, 0, 0, 3];
  const postPattern = [0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 1, 0, 0];
  return {
    pre: Int32Array.from({ length: 400 }, (_, i) => prePattern[i % 11]!),
    post: Int32Array.from({ length: 400 }, (_, i) => postPattern[i % 13]!),
  };
}

/** j <- 0:19; preA <- c(9,11,10,10,10)[j %% 5 + 1]; postA <- c(10,10,11,9,10,12,8)[j %% 7 + 1] */
function cohortA(): PatientCounts {
  const prePattern = [9, 11, 10, 10, 10];
  const postPattern = [10, 10, 11, 9, 10, 12, 8];
  return {
    pre: Int32Array.from({ length: 20 }, (_, j) => prePattern[j % 5]!),
    post: Int32Array.from({ length: 20 }, (_, j) => postPattern[j % 7]!),
  };
}

describe("statistics.md bootstrap: same inputs and seed, same numbers", () => {
  it("gives bit-identical replicates for the same stream, and different ones for another seed", () => {
    const first = bootstrapChangePct([cohortB()], 500, streamFor(1, 0, 0));
    const again = bootstrapChangePct([cohortB()], 500, streamFor(1, 0, 0));
    const otherSeed = bootstrapChangePct([cohortB()], 500, streamFor(2, 0, 0));
    const otherRow = bootstrapChangePct([cohortB()], 500, streamFor(1, 0, 1));
    expect(Buffer.from(again.buffer)).toEqual(Buffer.from(first.buffer));
    expect(Array.from(otherSeed)).not.toEqual(Array.from(first));
    expect(Array.from(otherRow)).not.toEqual(Array.from(first));
  });

  it("draws in the documented order: replicate by replicate, a cohort at a time, one multinomial over its profiles (patient by patient for a table of nearly as many profiles as patients)", () => {
    const cohorts = [cohortA(), cohortB()];
    const replicates = bootstrapChangePct(cohorts, 2, streamFor(5, 1, -1));
    const random = streamFor(5, 1, -1);
    const tables = cohorts.map(tabulatePairs);
    for (let replicate = 0; replicate < 2; replicate++) {
      let pre = 0;
      let post = 0;
      for (const table of tables) {
        const drawn = new Float64Array(table.patients.length);
        // cohortA's 20 patients have 20 profiles of their own: drawn patient by patient; cohortB's 400 have 15.
        if (table.patients.length * PATIENT_DRAWS_FROM > table.total) drawPatients(profileOfEachPatient(table.patients, table.total), drawn, random);
        else drawMultinomial(table.total, table.patients, table.total, drawn, random);
        drawn.forEach((times, profile) => {
          pre += times * table.profiles[2 * profile]!;
          post += times * table.profiles[2 * profile + 1]!;
        });
      }
      expect(replicates[replicate]).toBe(((post - pre) / pre) * 100);
    }
  });

  it("gives the same bytes for the same patients listed in another order", () => {
    const cohort = cohortB();
    const order = Array.from({ length: 400 }, (_, i) => (i * 263) % 400);
    const shuffled = { pre: Int32Array.from(order, (i) => cohort.pre[i]!), post: Int32Array.from(order, (i) => cohort.post[i]!) };
    const first = bootstrapChangePct([cohort], 200, streamFor(1, 0, 0));
    expect(Buffer.from(bootstrapChangePct([shuffled], 200, streamFor(1, 0, 0)).buffer)).toEqual(Buffer.from(first.buffer));
  });
});

describe("statistics.md bootstrap: patients resampled with their own pre and post, cohorts within themselves", () => {
  it("agrees with a bootstrap in R for one cohort, within resampling error", () => {
    // pct <- function(pre, post) (post - pre) / pre * 100; set.seed(20240101); B <- 200000
    // for (b in 1:B) { idx <- sample.int(400, 400, replace = TRUE); reps[b] <- pct(sum(pre[idx]), sum(post[idx])) }
    // quantile(reps, c(0.025, 0.975), type = 7): -51.2741, -24.0664 (sd of replicates 6.96)
    const interval = percentileInterval(bootstrapChangePct([cohortB()], 20_000, streamFor(1, 0, 0)));
    // Monte Carlo error of a 2.5% quantile from 20 000 replicates: about 0.13 points here.
    expect(Math.abs(interval.low! - -51.2741)).toBeLessThan(0.75);
    expect(Math.abs(interval.high! - -24.0664)).toBeLessThan(0.75);
  });

  it("agrees with R's stratified bootstrap for a total of two cohorts, not the unstratified one", () => {
    // set.seed(20240101); B <- 200000
    // for (b in 1:B) { a <- sample.int(20, 20, replace = TRUE); k <- sample.int(400, 400, replace = TRUE)
    //   reps[b] <- pct(sum(preA[a]) + sum(pre[k]), sum(postA[a]) + sum(post[k])) }
    // quantile(reps, c(0.025, 0.975), type = 7): -29.8507, -11.8605 (sd 4.59)
    // Resampling all 420 together instead gives -31.7758, -11.4340: the low end is 1.9 points away.
    const interval = percentileInterval(bootstrapChangePct([cohortA(), cohortB()], 20_000, streamFor(1, 0, -1)));
    expect(Math.abs(interval.low! - -29.8507)).toBeLessThan(0.5);
    expect(Math.abs(interval.high! - -11.8605)).toBeLessThan(0.5);
  });

  it("covers a known change about 95% of the time (200 simulated cohorts)", () => {
    // True change: post rate 0.8 × pre rate for every patient, so −20%.
    const simulation = streamFor(2024, 0, 0);
    let covered = 0;
    const cohorts = 200;
    for (let c = 0; c < cohorts; c++) {
      const cohort = simulateCohort(simulation, 300, 0.8);
      const interval = percentileInterval(bootstrapChangePct([cohort], 1000, streamFor(c, 0, 0)));
      if (interval.low !== null && interval.high !== null && interval.low <= -20 && -20 <= interval.high) covered++;
    }
    // A binomial(200, 0.95) lies in [180, 198] with probability > 0.999.
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });
});

describe("the multinomial bootstrap and patient-by-patient resampling give the same replicates, within resampling error", () => {
  // Both sides from B replicates on their own streams (same-distribution.ts says how close).
  const B = REPLICATES;

  it("for a sparse cohort of 400", () => {
    expectSameReplicates(bootstrapChangePct([cohortB()], B, streamFor(21, 0, 0)), patientBootstrap([cohortB()], B, streamFor(22, 0, 0)));
  });

  it("for 2,000 simulated patients, a few of them heavy users", () => {
    const cohort = simulateCohort(streamFor(2025, 0, 0), 2000, 0.8);
    expectSameReplicates(bootstrapChangePct([cohort], B, streamFor(23, 0, 0)), patientBootstrap([cohort], B, streamFor(24, 0, 0)));
  });

  it("for 600 heavy users with counts nearly all their own (a table drawn patient by patient, multinomial.ts)", () => {
    // 600 patients in about 590 distinct (pre, post) pairs: more than one profile in PATIENT_DRAWS_FROM patients.
    const pre = Int32Array.from({ length: 600 }, (_, i) => 40 + ((i * 37) % 101));
    const post = Int32Array.from({ length: 600 }, (_, i) => 30 + ((i * 53) % 89));
    const cohort = { pre, post };
    expect(tabulatePairs(cohort).patients.length * PATIENT_DRAWS_FROM).toBeGreaterThan(600);
    expectSameReplicates(bootstrapChangePct([cohort], B, streamFor(27, 0, 0)), patientBootstrap([cohort], B, streamFor(28, 0, 0)));
  });

  it("for a Total of two cohorts, each resampled within itself", () => {
    const cohorts = [cohortA(), cohortB()];
    expectSameReplicates(bootstrapChangePct(cohorts, B, streamFor(25, 0, -1)), patientBootstrap(cohorts, B, streamFor(26, 0, -1)));
  });

  it("for the difference in differences, both groups resampled independently", () => {
    const referred = simulateCohort(streamFor(2026, 0, 0), 1500, 0.8);
    const comparison = simulateCohort(streamFor(2026, 0, 0, "comparison"), 1500, 0.95);
    const ours = differenceInDifferencesReplicates(
      bootstrapChangePct([referred], B, streamFor(27, 0, 0, "referred")),
      bootstrapChangePct([comparison], B, streamFor(27, 0, 0, "comparison")),
    );
    const reference = differenceInDifferencesReplicates(
      patientBootstrap([referred], B, streamFor(28, 0, 0, "referred")),
      patientBootstrap([comparison], B, streamFor(28, 0, 0, "comparison")),
    );
    expectSameReplicates(ours, reference);
  });
});

describe("statistics.md bootstrap: replicates with pre = 0 are discarded", () => {
  it("marks them NaN, so that a row resting on one patient's events gets no interval", () => {
    // One patient in 200 has the only pre event: a resample misses them with probability (1 − 1/200)^200 ≈ 37%.
    const pre = new Int32Array(200);
    const post = new Int32Array(200);
    pre[17] = 1;
    post[3] = 1;
    const replicates = bootstrapChangePct([{ pre, post }], 1000, streamFor(1, 0, 0));
    const discarded = replicates.filter(Number.isNaN).length;
    expect(discarded).toBeGreaterThan(300);
    expect(discarded).toBeLessThan(440);
    expect(percentileInterval(replicates)).toEqual({ low: null, high: null });
  });

  it("gives no replicates for --bootstrap 0, and all NaN for a row without patients", () => {
    expect(bootstrapChangePct([cohortB()], 0, streamFor(1, 0, 0))).toHaveLength(0);
    const empty = bootstrapChangePct([{ pre: [], post: [] }], 3, streamFor(1, 0, 0));
    expect(Array.from(empty)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });

  it("refuses a number of replicates that is not a whole number ≥ 0, and a table without pre and post", () => {
    expect(() => bootstrapChangePct([cohortB()], -1, streamFor(1, 0, 0))).toThrow(/bootstrapChangePct: replicates/);
    expect(() => bootstrapChangePct([cohortB()], 1.5, streamFor(1, 0, 0))).toThrow(/bootstrapChangePct: replicates/);
    const single = { width: 1, profiles: Int32Array.from([1]), patients: Float64Array.from([3]), total: 3 };
    expect(() => bootstrapOfTables([single], 1, streamFor(1, 0, 0))).toThrow(/bootstrapChangePct: profiles/);
  });
});
