import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { comparisonCsv } from "../../src/extracts/write-comparison.js";
import { matchComparison, matchedOutcomes } from "../../src/match-comparison.js";
import { aeAttendances } from "../../src/outcomes/ae-attendances.js";
import { emergencyBedDays } from "../../src/outcomes/emergency-bed-days.js";
import { unplannedAdmissions } from "../../src/outcomes/unplanned-admissions.js";
import { csv, workspace } from "../helpers.js";

describe("matching.md: what each outcome of the run is matched on", () => {
  it("an outcome that counts rows, by its counts; bed days by their spells, once, not again beside unplanned admissions", () => {
    expect(matchedOutcomes([aeAttendances, unplannedAdmissions, emergencyBedDays])).toEqual([
      { id: "ae_attendances", name: "ae_attendances" },
      { id: "unplanned_admissions", name: "unplanned_admissions" },
    ]);
    expect(matchedOutcomes([emergencyBedDays, aeAttendances])).toEqual([
      { id: "emergency_bed_days", name: "emergency_bed_days_spells" },
      { id: "ae_attendances", name: "ae_attendances" },
    ]);
  });

  const files = {
    "referrals.csv": csv`
      patient_id,cohort,intervention_date
      c1,A,2021-06-01
      c2,A,2021-06-01
    `,
    // c1 and k1 had an emergency spell in the pre window, c2 and k2 none; a planned spell (11) counts for no one.
    "admissions.csv": csv`
      patient_id,admission_date,admission_method,discharge_date
      c1,2021-04-01,21,2021-04-09
      k1,2021-04-20,22,2021-04-21
      k2,2021-04-02,11,2021-04-30
      x,2019-01-01,21,2019-01-02
      y,2023-01-01,21,2023-01-04
    `,
    "population.csv": csv`
      patient_id,sex,birth_year
      c1,F,1950
      c2,F,1950
      k1,F,1950
      k2,F,1950
    `,
  };

  it("with bed days alone, matches on their spells: the same controls on either engine (the row reader files them)", async () => {
    const ws = await workspace(files);
    const flags = { referrals: ws.path("referrals.csv"), admissions: ws.path("admissions.csv"), population: ws.path("population.csv"), outcomes: ["emergency_bed_days"], caliper: null, bootstrap: 0 };
    const stream = await matchComparison(await resolveRun({ ...flags, engine: "stream" }));
    const duckdb = await matchComparison(await resolveRun({ ...flags, engine: "duckdb" }));
    expect(stream.report.variables.near).toEqual(["age", "emergency_bed_days_spells_pre", "emergency_bed_days_spells_prior"]);
    expect(comparisonCsv(stream.controls)).toBe("patient_id,cohort,index_date,matched_to\nk1,A,2021-06-01,c1\nk2,A,2021-06-01,c2\n");
    expect(comparisonCsv(duckdb.controls)).toBe(comparisonCsv(stream.controls));
  });
});
