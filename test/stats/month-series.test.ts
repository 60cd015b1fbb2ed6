import { describe, expect, it } from "vitest";
import type { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { type CohortMonths, monthReplicates, monthSeries, monthTable, monthTables } from "../../src/stats/month-series.js";
import { streamFor } from "../../src/stats/random-stream.js";
import { expectSameReplicates, REPLICATES } from "./same-distribution.js";

/** Months −2…2 (W = 2): five per patient. */
const MONTHS = 5;

/** Patients as a run has them: their pre, post, whether the data cover their months, and their months. */
interface MonthPatients {
  pre: ArrayLike<number>;
  post: ArrayLike<number>;
  covered: ArrayLike<number>;
  months: ArrayLike<number>;
}

/** The covered patients' tables, month by month. */
function tablesOf(cohort: MonthPatients): CohortMonths {
  const covered = Array.from({ length: cohort.pre.length }, (_, i) => i).filter((i) => cohort.covered[i]);
  return { patients: covered.length, months: Array.from({ length: MONTHS }, (_, m) => monthTable(covered.map((i) => cohort.months[i * MONTHS + m]!))) };
}

/**
 * Simulated patients: a rate each (0.3, or 1.5 for one in five), a Poisson count per month, pre the
 * sum of months −2 and −1 and post of +1 and +2, as the months of a real series add up; a share of
 * them not covered by the data.
 */
function simulated(random: Xoshiro128StarStar, patients: number, coveredPct: number): MonthPatients {
  const months = new Int32Array(patients * MONTHS);
  const pre = new Int32Array(patients);
  const post = new Int32Array(patients);
  const covered = new Uint8Array(patients);
  for (let i = 0; i < patients; i++) {
    const rate = random.uniformInt(5) === 0 ? 1.5 : 0.3;
    for (let m = 0; m < MONTHS; m++) {
      let count = 0;
      let product = (random.nextUint32() + 0.5) / 2 ** 32;
      while (product > Math.exp(-rate)) {
        count++;
        product *= (random.nextUint32() + 0.5) / 2 ** 32;
      }
      months[i * MONTHS + m] = m === 2 ? 0 : count;
    }
    pre[i] = months[i * MONTHS]! + months[i * MONTHS + 1]!;
    post[i] = months[i * MONTHS + 3]! + months[i * MONTHS + 4]!;
    covered[i] = random.uniformInt(100) < coveredPct ? 1 : 0;
  }
  return { pre, post, covered, months };
}

/** statistics.md's bootstrap, patient by patient: each cohort's covered patients drawn with replacement, their mean of one month. */
function patientBootstrapOfMonth(cohorts: readonly MonthPatients[], month: number, replicates: number, random: Xoshiro128StarStar): Float64Array {
  const means = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    let patients = 0;
    let sum = 0;
    for (const cohort of cohorts) {
      const covered = Array.from({ length: cohort.pre.length }, (_, i) => i).filter((i) => cohort.covered[i]);
      for (let k = 0; k < covered.length; k++) {
        patients++;
        sum += cohort.months[covered[random.uniformInt(covered.length)]! * MONTHS + month]!;
      }
    }
    means[r] = sum / patients;
  }
  return means;
}

describe("statistics.md months: a month's mean over the patients the series covers", () => {
  it("sums each month over the covered patients and divides by them (worked by hand)", () => {
    // Three patients, the third not covered: month −2 is 1 + 0, month +1 is 2 + 1, over 2 patients.
    const cohort: MonthPatients = {
      pre: [1, 0, 5],
      post: [2, 1, 0],
      covered: [1, 1, 0],
      months: [1, 0, 0, 2, 0, /**/ 0, 0, 0, 1, 0, /**/ 3, 2, 0, 0, 0],
    };
    const series = monthSeries([tablesOf(cohort)], MONTHS, 0, streamFor(1, 0, -1, "referred_months"));
    expect(series.patients).toBe(2);
    expect(series.counts).toEqual([1, 0, 0, 3, 0]);
    expect(series.means).toEqual([0.5, 0, 0, 1.5, 0]);
    expect(series.intervals.every((interval) => interval.low === null && interval.high === null)).toBe(true);
  });

  it("has no mean where no patient is covered", () => {
    const series = monthSeries([tablesOf({ pre: [1], post: [0], covered: [0], months: [1, 0, 0, 0, 0] })], MONTHS, 10, streamFor(1, 0, -1, "referred_months"));
    expect(series.patients).toBe(0);
    expect(series.means).toEqual([null, null, null, null, null]);
    expect(series.intervals[0]).toEqual({ low: null, high: null });
  });

  it("refuses a cohort without every month's table", () => {
    expect(() => monthReplicates([{ patients: 1, months: [monthTable([1]), monthTable([0])] }], MONTHS, 1, streamFor(1, 0, 0))).toThrow(/monthSeries/);
  });

  it("tabulates a month's counts: each distinct count once, ascending, with its patients", () => {
    const table = monthTable([2, 0, 0, 5, 2, 0]);
    expect(Array.from(table.counts)).toEqual([0, 2, 5]);
    expect(Array.from(table.patients)).toEqual([3, 2, 1]);
  });

  it("tabulates every month of the chosen patients from a tally laid out patient by patient", () => {
    // Four patients × two months; patient 2 is not among those chosen.
    const counts = Int32Array.from([2, 0, 0, 1, 9, 9, 2, 1]);
    const [first, second] = monthTables(counts, [0, 1, 3], 2).map((table) => [Array.from(table.counts), Array.from(table.patients)]);
    expect(first).toEqual([[0, 2], [1, 2]]);
    expect(second).toEqual([[0, 1], [1, 2]]);
  });

  it("tabulates a month with a count too large for an array of counts (in a map instead) alike", () => {
    const counts = Int32Array.from([70_000, 3, 0, 3]);
    const tables = monthTables(counts, [0, 1], 2).map((table) => [Array.from(table.counts), Array.from(table.patients)]);
    expect(tables).toEqual([
      [[0, 70_000], [1, 1]],
      [[3], [2]],
    ]);
  });
});

describe("statistics.md months: each month's interval, a bootstrap of its covered patients", () => {
  const cohorts = [simulated(streamFor(3, 0, 0), 300, 90), simulated(streamFor(3, 0, 1), 120, 70)];

  it("gives the same bytes for the same seed, and other bytes for another", () => {
    const run = (seed: number) => Buffer.from(monthReplicates(cohorts.map(tablesOf), MONTHS, 200, streamFor(seed, 0, -1, "referred_months")).buffer);
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it("gives the same bytes for the same patients in another order", () => {
    const [first] = cohorts;
    const order = Array.from({ length: 300 }, (_, i) => (i * 7) % 300);
    const shuffled: MonthPatients = {
      pre: order.map((i) => first!.pre[i]!),
      post: order.map((i) => first!.post[i]!),
      covered: order.map((i) => first!.covered[i]!),
      months: order.flatMap((i) => Array.from({ length: MONTHS }, (_, m) => first!.months[i * MONTHS + m]!)),
    };
    const run = (cohort: MonthPatients) => monthReplicates([tablesOf(cohort)], MONTHS, 200, streamFor(1, 0, 0, "referred_months"));
    expect(Buffer.from(run(shuffled).buffer)).toEqual(Buffer.from(run(first!).buffer));
  });

  it("resamples patients: each month's replicates are those of patient-by-patient resampling, within resampling error", () => {
    const B = REPLICATES;
    const ours = monthReplicates(cohorts.map(tablesOf), MONTHS, B, streamFor(31, 0, -1, "referred_months"));
    for (const month of [0, 1, 3]) {
      const mine = Float64Array.from({ length: B }, (_, r) => ours[r * MONTHS + month]!);
      expectSameReplicates(mine, patientBootstrapOfMonth(cohorts, month, B, streamFor(32, 0, month)));
    }
  });

  it("agrees with patient-by-patient resampling where every patient's months differ", () => {
    // 200 patients with counts 0…199 in month −2 and 199…0 in +2: every profile distinct.
    const n = 200;
    const months = Int32Array.from({ length: n * MONTHS }, (_, j) => {
      const [i, m] = [Math.floor(j / MONTHS), j % MONTHS];
      return m === 0 ? i : m === 4 ? n - 1 - i : 0;
    });
    const cohort: MonthPatients = { pre: Int32Array.from({ length: n }, (_, i) => i), post: Int32Array.from({ length: n }, (_, i) => n - 1 - i), covered: new Uint8Array(n).fill(1), months };
    const B = REPLICATES;
    const ours = monthReplicates([tablesOf(cohort)], MONTHS, B, streamFor(41, 0, -1, "referred_months"));
    for (const month of [0, 4]) {
      expectSameReplicates(Float64Array.from({ length: B }, (_, r) => ours[r * MONTHS + month]!), patientBootstrapOfMonth([cohort], month, B, streamFor(42, 0, month)));
    }
  });
});
