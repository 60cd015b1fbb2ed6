import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/render/json.js";
import { cohortRow, covered, csv, evaluateExtracts } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  a,A,2021-08-31
  b,A,2021-08-31
  c,A,2021-08-31
`;

// statistics.md, prior window: prior_start ≤ d < pre_start, prior_start = index − 2N months, clamped.
describe("statistics: the prior window is counted by the same rules as the pre window", () => {
  // Index 31 Aug 2021: pre_start 28 Feb 2021, prior_start 31 Aug 2020.
  const ae = csv`
    patient_id,arrival_date,attendance_category
    a,2020-08-30,1
    a,2020-08-31,1
    a,2021-02-27,1
    a,2021-02-27,4
    a,2021-02-28,1
    b,2021-03-01,1
    b,1800-01-01,1
  `;

  it("includes prior_start, stops the day before pre_start, and skips what is not countable", async () => {
    const row = cohortRow(await evaluateExtracts({ referrals, ae }, { dataStart: "2020-08-31", dataEnd: "2022-12-31" }), "ae_attendances", "A");
    expect(row).toMatchObject({ prior_patients: 3, prior: 2, prior_pre: 2, prior_change_pct: 0 });
  });

  it("takes only patients whose prior window the data covers", async () => {
    const row = cohortRow(await evaluateExtracts({ referrals, ae }, { dataStart: "2020-09-01", dataEnd: "2022-12-31" }), "ae_attendances", "A");
    expect(row).toMatchObject({ prior_patients: 0, prior: null, prior_pre: null, prior_change_pct: null });
    // They stay in every other figure.
    expect(row.patients).toBe(3);
  });
});

describe("statistics: every row carries the figures of statistics.md", () => {
  const ae = csv`
    patient_id,arrival_date
    a,2021-05-01
    a,2021-05-02
    b,2021-05-03
    b,2021-10-01
    c,2021-06-01
  `;

  it("gives shares with any use, the paired test and intervals on cohort rows and the total", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200 });
    for (const row of [cohortRow(result, "ae_attendances", "A"), cohortRow(result, "ae_attendances", "Total")]) {
      expect(row.pre_any_pct).toBe(100);
      expect(row.post_any_pct).toBeCloseTo(100 / 3, 10);
      expect(row.test).toBe("wilcoxon_signed_rank");
      expect(row.p_value).toBeGreaterThan(0);
      expect(row.ci_low).not.toBeNull();
      expect(row.ci_low!).toBeLessThanOrEqual(row.ci_high!);
      expect(row.warnings!.length).toBeGreaterThan(0);
    }
    expect(result.settings).toMatchObject({ bootstrap: 200, seed: 1 });
  });

  it("gives the same bytes for the same inputs and seed, other intervals for another seed", async () => {
    const once = renderJson(await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200, seed: 7 }));
    const again = renderJson(await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200, seed: 7 }));
    const other = renderJson(await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200, seed: 8 }));
    expect(again.replace(/"(referrals|ae)": "[^"]*"/g, "")).toBe(once.replace(/"(referrals|ae)": "[^"]*"/g, ""));
    expect(other).not.toBe(once);
  });

  it("has a null interval where more than 1% of replicates have no pre-window event", async () => {
    // One patient of three with pre events: (2/3)^3 ≈ 30% of resamples miss them.
    const sparse = csv`
      patient_id,arrival_date
      a,2021-05-01
    `;
    const row = cohortRow(await evaluateExtracts({ referrals, ae: sparse }, { ...covered, bootstrap: 200 }), "ae_attendances", "A");
    expect(row).toMatchObject({ change_pct: -100, ci_low: null, ci_high: null });
  });

  it("has null intervals, never absent ones, with --bootstrap 0", async () => {
    const row = cohortRow(await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 0 }), "ae_attendances", "A");
    expect(row).toHaveProperty("ci_low", null);
    expect(row).toHaveProperty("ci_high", null);
  });
});
