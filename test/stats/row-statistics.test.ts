import { describe, expect, it } from "vitest";
import { bootstrapChangePct as bootstrapOfTables } from "../../src/stats/bootstrap.js";
import { tabulatePairs, type PatientCounts } from "../../src/stats/patient-counts.js";
import { differenceInDifferencesReplicates } from "../../src/stats/difference-in-differences.js";
import { percentileInterval } from "../../src/stats/percentile-interval.js";
import type { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { TOTAL_ROW_INDEX, streamFor } from "../../src/stats/random-stream.js";
import { unplannedAdmissions } from "../../src/outcomes/unplanned-admissions.js";
import { rowStatistics, type CohortPatients } from "../../src/stats/row-statistics.js";

const cohortOne: CohortPatients = {
  pre: [2, 0, 1, 3, 0, 4, 1, 0, 2, 5],
  post: [1, 0, 0, 1, 2, 1, 1, 0, 2, 2],
  priorCovered: [true, true, false, true, false, true, true, true, true, true],
  prior: [1, 0, 7, 2, 7, 3, 0, 0, 1, 4],
};
const cohortTwo: CohortPatients = {
  pre: [1, 0, 2, 0, 3, 1],
  post: [0, 0, 1, 1, 1, 0],
  priorCovered: [false, false, false, false, false, false],
  prior: [0, 0, 0, 0, 0, 0],
};
const comparisonOne = { pre: [1, 2, 0, 1, 3, 0, 2, 1], post: [1, 1, 0, 2, 2, 0, 1, 1] };
const comparisonTwo = { pre: [0, 1, 1], post: [0, 0, 1] };

/** The bootstrap as rowStatistics calls it: each cohort tabulated by (pre, post), then resampled. */
function bootstrapChangePct(cohorts: readonly PatientCounts[], replicates: number, random: Xoshiro128StarStar): Float64Array {
  return bootstrapOfTables(cohorts.map(tabulatePairs), replicates, random);
}

const settings = { bootstrap: 400, seed: 7, outcomeIndex: unplannedAdmissions.streamIndex, rowIndex: 0 };

describe("rowStatistics: every statistics.md figure of a cohort row", () => {
  const figures = rowStatistics([cohortOne], settings);

  it("gives the shares, the test and its p-value", () => {
    expect(figures.pre_any_pct).toBe(70);
    expect(figures.post_any_pct).toBe(70);
    expect(figures.test).toBe("wilcoxon_signed_rank");
    // wilcox.test(c(1,0,0,1,2,1,1,0,2,2), c(2,0,1,3,0,4,1,0,2,5), paired = TRUE, exact = FALSE, correct = TRUE)$p.value
    expect(figures.p_value).toBeCloseTo(0.16939738581311808, 14);
  });

  it("bootstraps the interval from the row's own referred stream", () => {
    const expected = percentileInterval(bootstrapChangePct([cohortOne], 400, streamFor(7, 1, 0, "referred")));
    expect(figures.ci_low).toBe(expected.low);
    expect(figures.ci_high).toBe(expected.high);
    // change_pct = (10 - 18) / 18 * 100 = -44.4…
    expect(figures.ci_low!).toBeLessThan(-44.4);
    expect(figures.ci_high!).toBeGreaterThan(-44.5);
  });

  it("gives the prior-window check over the covered patients", () => {
    // covered: prior 1+0+2+3+0+0+1+4 = 11, pre 2+0+3+4+1+0+2+5 = 17; (17 - 11) / 11 * 100
    expect(figures.prior_patients).toBe(8);
    expect(figures.prior).toBe(11);
    expect(figures.prior_pre).toBe(17);
    expect(figures.prior_change_pct).toBeCloseTo(54.54545454545455, 12);
  });

  it("warns that ten patients are too few, and leaves out the comparison fields without a comparison group", () => {
    expect(figures.warnings).toEqual([expect.stringMatching(/^Fewer than 30 patients \(10\)/)]);
    expect(Object.keys(figures)).toEqual([
      "pre_any_pct", "post_any_pct", "test", "p_value", "ci_low", "ci_high",
      "prior_patients", "prior", "prior_pre", "prior_change_pct", "warnings",
    ]);
  });
});

describe("rowStatistics: Total pools the cohorts, and resamples within each", () => {
  const total = rowStatistics([cohortOne, cohortTwo], { ...settings, rowIndex: TOTAL_ROW_INDEX });

  it("computes the shares and the test on every patient together", () => {
    // 100 * mean(c(pre1, pre2) > 0) = 68.75; 100 * mean(c(post1, post2) > 0) = 62.5
    expect(total.pre_any_pct).toBe(68.75);
    expect(total.post_any_pct).toBe(62.5);
    // wilcox.test(c(post1, post2), c(pre1, pre2), paired = TRUE, exact = FALSE, correct = TRUE)$p.value
    expect(total.p_value).toBeCloseTo(0.056759446386013532, 14);
    expect(total.prior_patients).toBe(8);
  });

  it("bootstraps each cohort within itself from Total's stream", () => {
    const expected = percentileInterval(bootstrapChangePct([cohortOne, cohortTwo], 400, streamFor(7, 1, TOTAL_ROW_INDEX)));
    expect([total.ci_low, total.ci_high]).toEqual([expected.low, expected.high]);
  });
});

describe("rowStatistics: the comparison group and the difference in differences", () => {
  const withComparison = rowStatistics([cohortOne], settings, [comparisonOne]);
  const without = rowStatistics([cohortOne], settings);

  it("gives the comparison's own counts, change and interval from its own stream", () => {
    const interval = percentileInterval(bootstrapChangePct([comparisonOne], 400, streamFor(7, 1, 0, "comparison")));
    expect(withComparison.comparison).toEqual({
      patients: 8,
      pre: 10,
      post: 8,
      change_pct: -20,
      ci_low: interval.low,
      ci_high: interval.high,
    });
  });

  it("gives did_pct in percentage points, and its interval from both groups resampled independently", () => {
    // (10 - 18) / 18 * 100 - (8 - 10) / 10 * 100 = -24.444444444444443
    expect(withComparison.did_pct).toBeCloseTo(-24.444444444444443, 12);
    const referred = bootstrapChangePct([cohortOne], 400, streamFor(7, 1, 0, "referred"));
    const comparison = bootstrapChangePct([comparisonOne], 400, streamFor(7, 1, 0, "comparison"));
    const interval = percentileInterval(differenceInDifferencesReplicates(referred, comparison));
    expect([withComparison.did_ci_low, withComparison.did_ci_high]).toEqual([interval.low, interval.high]);
  });

  it("leaves the referred row's own interval exactly as it is without a comparison group", () => {
    expect([withComparison.ci_low, withComparison.ci_high]).toEqual([without.ci_low, without.ci_high]);
    expect(withComparison.p_value).toBe(without.p_value);
  });

  it("pools the comparison cohorts for Total", () => {
    const total = rowStatistics([cohortOne, cohortTwo], { ...settings, rowIndex: TOTAL_ROW_INDEX }, [comparisonOne, comparisonTwo]);
    expect(total.comparison).toMatchObject({ patients: 11, pre: 12, post: 9, change_pct: -25 });
    // (13 - 25) / 25 * 100 - (9 - 12) / 12 * 100 = -48 + 25
    expect(total.did_pct).toBeCloseTo(-23, 12);
  });

  it("refuses a comparison group that does not match the cohorts one for one", () => {
    expect(() => rowStatistics([cohortOne, cohortTwo], settings, [comparisonOne])).toThrow(/rowStatistics/);
  });
});

describe("rowStatistics: --bootstrap 0 turns every interval off", () => {
  it("gives null intervals but every other figure", () => {
    const figures = rowStatistics([cohortOne], { ...settings, bootstrap: 0 }, [comparisonOne]);
    expect([figures.ci_low, figures.ci_high, figures.did_ci_low, figures.did_ci_high]).toEqual([null, null, null, null]);
    expect(figures.comparison).toMatchObject({ change_pct: -20, ci_low: null, ci_high: null });
    expect(figures.p_value).not.toBeNull();
    expect(figures.did_pct).not.toBeNull();
  });
});
