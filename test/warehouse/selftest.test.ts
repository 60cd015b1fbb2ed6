import { selftestRows } from "./selftest-rows.js";
import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { selftestScript } from "../../src/warehouse/selftest.js";
import { SELFTEST_CHECKS, SELFTEST_TABLES } from "../../src/warehouse/selftest-extracts.js";
import { cohortRow, outcome, workspace } from "../helpers.js";
import { runInDuckDb } from "./duckdb-harness.js";


describe("prepost sql --selftest", () => {
  it("passes every check in DuckDB", async () => {
    const rows = selftestRows(await runInDuckDb([], selftestScript("duckdb")));
    expect(rows.map((row) => row.check)).toEqual(SELFTEST_CHECKS.map((check) => check.check));
    expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
  });

  it("expects what a local run of the same extracts gives (its answers were worked out by hand)", async () => {
    const csvOf = ({ columns, rows }: { columns: readonly string[]; rows: readonly (readonly (string | number)[])[] }) => [columns.join(","), ...rows.map((row) => row.join(","))].join("\n") + "\n";
    const ws = await workspace({
      "referrals.csv": csvOf(SELFTEST_TABLES.referrals),
      "comparison.csv": csvOf(SELFTEST_TABLES.comparison),
      "ae.csv": csvOf(SELFTEST_TABLES.ae),
      "admissions.csv": csvOf(SELFTEST_TABLES.admissions),
    });
    const result = await evaluateCounts(
      await resolveRun({
        referrals: ws.path("referrals.csv"),
        ae: ws.path("ae.csv"),
        admissions: ws.path("admissions.csv"),
        comparison: ws.path("comparison.csv"),
        outcomes: ["ae_attendances", "unplanned_admissions", "emergency_bed_days"],
        by: ["age_band"],
        ageBands: [18, 35, 55, 75],
        dataStart: "2019-01-01",
        dataEnd: "2023-12-31",
        skipInvalid: true,
        maxInvalid: "100%",
        bootstrap: 0,
      }),
    );
    expect(cohortRow(result, "ae_attendances", "month_end")).toMatchObject({ patients: 1, pre: 1, post: 1 });
    expect(cohortRow(result, "ae_attendances", "leap_day")).toMatchObject({ patients: 1, pre: 1, post: 1 });
    expect(cohortRow(result, "ae_attendances", "index_day")).toMatchObject({ patients: 1, pre: 0, post: 0 });
    expect(cohortRow(result, "unplanned_admissions", "month_end")).toMatchObject({ pre: 1, post: 1 });
    expect(result.rows.accounts.ae_attendances).toMatchObject({
      activityOfOthers: 1,
      notCountable: { excluded_category: 1, missing_date: 1 },
      outsideWindows: 3,
      onIndexDay: 2,
      counted: 4,
    });
    expect(result.rows.accounts.unplanned_admissions!.notCountable).toEqual({ later_episode: 2, not_emergency: 1, missing_date: 1 });
    // Each cohort's row lists every group found among the included patients: its own patient's is the one with a patient.
    const band = (cohort: string) =>
      cohortRow(result, "ae_attendances", cohort)
        .breakdowns![0]!.rows.filter((row) => row.patients > 0)
        .map(({ group, patients, pre, post }) => ({ group, patients, pre, post }));
    expect(band("leap_day")).toEqual([{ group: "35-54", patients: 1, pre: 1, post: 1 }]);
    expect(band("month_end")).toEqual([{ group: "35-54", patients: 1, pre: 1, post: 1 }]);
    expect(band("bed_days_open")).toEqual([{ group: "75+", patients: 1, pre: 0, post: 0 }]);
    expect(band("index_day")).toEqual([{ group: "unknown", patients: 1, pre: 0, post: 0 }]);
    const sets = (cohort: string) => cohortRow(result, "ae_attendances", cohort).matched_cases;
    expect(sets("month_end")).toMatchObject({ patients: 1, unmatched: 0, controls_without_case: 0, pre: 1, post: 1 });
    expect(cohortRow(result, "ae_attendances", "month_end").comparison).toMatchObject({ patients: 2, pre: 0, post: 0 });
    expect(sets("leap_day")).toMatchObject({ patients: 0, unmatched: 1, controls_without_case: 0 });
    expect(sets("index_day")).toMatchObject({ patients: 0, unmatched: 1, controls_without_case: 1 });
    expect(cohortRow(result, "emergency_bed_days", "bed_days_edges")).toMatchObject({ patients: 1, pre: 3, post: 0 });
    expect(cohortRow(result, "emergency_bed_days", "bed_days_index")).toMatchObject({ patients: 1, pre: 2, post: 1 });
    expect(cohortRow(result, "emergency_bed_days", "bed_days_open")).toMatchObject({ patients: 1, pre: 0, post: 2 });
    expect(result.attrition[0]).toMatchObject({ reason: "invalid_referral_row", excluded: 1 });
    expect(result.settings.coverage.ae).toMatchObject({ start: "2019-01-01" });
    // month_end, leap_day, index_day and the three bed_days patients (x1's only row is invalid).
    expect(outcome(result, "ae_attendances").total.patients).toBe(6);
  });
});
