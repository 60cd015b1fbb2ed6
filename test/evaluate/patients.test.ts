import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateWithPatients } from "../../src/evaluate.js";
import { renderPatientsCsv } from "../../src/render/patients-csv.js";
import type { Result } from "../../src/result.js";
import { refusalOf } from "../helpers/refusal.js";
import { csv, runCli, workspace } from "../helpers.js";

// One patient per fate: included (two cohorts), outside the period, without consent, too young,
// with an incomplete window, one with an invalid row among valid ones, one whose only row is invalid.
const referrals = csv`
  patient_id,cohort,intervention_date,consent,age
  in1,A,2021-06-15,y,40
  in2,B,2021-07-01,y,70
  early,A,2020-01-10,y,40
  noconsent,A,2021-06-15,n,40
  young,B,2021-06-15,y,12
  late,B,2022-11-01,y,40
  mixed,A,2021-06-15,y,40
  mixed,A,2021-02-30,y,40
  broken,B,not a date,y,40
`;
const ae = csv`
  patient_id,arrival_date
  in1,2021-05-01
  in1,2021-05-02
  in1,2021-08-01
  in2,2021-09-01
  early,2020-01-01
  c1,2021-05-20
  c1,2021-07-20
`;
const admissions = csv`
  patient_id,admission_date,admission_method
  in2,2021-03-01,21
  in2,2021-12-01,21
`;
const comparison = csv`
  patient_id,cohort,index_date
  c1,A,2021-06-15
  c2,B,2019-01-01
  in1,A,2021-06-15
`;

async function evaluated(flags: Record<string, unknown> = {}) {
  const ws = await workspace({ "referrals.csv": referrals, "ae.csv": ae, "admissions.csv": admissions, "comparison.csv": comparison });
  const run = await resolveRun({
    referrals: ws.path("referrals.csv"),
    ae: ws.path("ae.csv"),
    admissions: ws.path("admissions.csv"),
    comparison: ws.path("comparison.csv"),
    from: "2021-01-01",
    dataStart: "2020-01-01",
    dataEnd: "2022-12-31",
    requireConsent: true,
    minAge: 18,
    skipInvalid: true,
    maxInvalid: 5,
    bootstrap: 0,
    ...flags,
  });
  return evaluateWithPatients(run);
}

describe("statistics.md per-patient output: one row per referred and comparison patient", () => {
  it("gives each patient's first excluding rule or included, and their pre and post where included", async () => {
    const { patients } = await evaluated();
    expect(patients.outcomes.map((o) => o.outcome)).toEqual(["ae_attendances", "unplanned_admissions"]);
    expect(patients.rows.map((row) => [row.patient_id, row.group, row.cohort, row.index_date, row.status, row.counts])).toEqual([
      ["in1", "referred", "A", "2021-06-15", "included", [{ pre: 2, post: 1 }, { pre: 0, post: 0 }]],
      ["in2", "referred", "B", "2021-07-01", "included", [{ pre: 0, post: 1 }, { pre: 1, post: 1 }]],
      ["early", "referred", "A", "2020-01-10", "outside_period", [null, null]],
      ["noconsent", "referred", "A", "2021-06-15", "no_consent", [null, null]],
      ["young", "referred", "B", "2021-06-15", "age", [null, null]],
      ["late", "referred", "B", "2022-11-01", "incomplete_window", [null, null]],
      ["mixed", "referred", "A", "2021-06-15", "invalid_referral_row", [null, null]],
      ["broken", "referred", "", "", "invalid_referral_row", [null, null]],
      ["c1", "comparison", "A", "2021-06-15", "included", [{ pre: 1, post: 1 }, { pre: 0, post: 0 }]],
      ["c2", "comparison", "B", "2019-01-01", "outside_period", [null, null]],
      ["in1", "comparison", "A", "2021-06-15", "referred", [null, null]],
    ]);
  });

  it("renders them as CSV, the counts empty where a patient is excluded", async () => {
    const { patients } = await evaluated();
    const lines = renderPatientsCsv(patients).split("\n");
    expect(lines[0]).toBe("patient_id,group,cohort,index_date,status,ae_attendances_pre,ae_attendances_post,unplanned_admissions_pre,unplanned_admissions_post");
    expect(lines[1]).toBe("in1,referred,A,2021-06-15,included,2,1,0,0");
    expect(lines[3]).toBe("early,referred,A,2020-01-10,outside_period,,,,");
  });

  it("is refused under --suppress, before any extract is read", async () => {
    const message = await refusalOf(evaluated({ suppress: true }));
    expect(message).toMatch(/--format patients-csv: is patient-level data .* a run with --suppress does not write it/);
  });
});

describe("statistics.md per-patient output: what every cohort row adds up from", () => {
  /** Each outcome's cohort rows and Total, and the comparison's, summed from the patient table. */
  function expectRowsFromPatients(result: Result, patients: Awaited<ReturnType<typeof evaluated>>["patients"]): void {
    result.outcomes.forEach((outcome, o) => {
      for (const row of [...outcome.cohorts, outcome.total]) {
        for (const group of ["referred", "comparison"] as const) {
          const mine = patients.rows.filter((p) => p.group === group && p.status === "included" && (row.cohort === "Total" || p.cohort === row.cohort));
          const sum = (field: "pre" | "post") => mine.reduce((total, p) => total + p.counts[o]![field], 0);
          const expected = group === "referred" ? row : row.comparison;
          if (!expected) continue;
          expect({ patients: mine.length, pre: sum("pre"), post: sum("post") }, `${outcome.outcome} ${row.cohort} ${group}`).toEqual({ patients: expected.patients, pre: expected.pre, post: expected.post });
        }
      }
    });
  }

  it("adds up to every row of the hand-made extracts", async () => {
    const { result, patients } = await evaluated();
    expectRowsFromPatients(result as Result, patients);
  });

  it("adds up to every row of the West Kent example, every outcome, both groups", async () => {
    const { result, patients } = await evaluateWithPatients(await resolveRun({ config: "fixtures/west-kent/evaluation.json", bootstrap: 0 }));
    expect(patients.rows.filter((p) => p.group === "referred")).toHaveLength(result.referred as number);
    expectRowsFromPatients(result as Result, patients);
  }, 60_000);
});

describe("prepost evaluate --format patients-csv", () => {
  const files = { "referrals.csv": referrals, "ae.csv": ae };
  const args = (ws: { path(name: string): string }) => ["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--skip-invalid", "--max-invalid", "5", "--bootstrap", "0"];

  it("writes a .patients.csv file beside the others, and says on standard error that it is patient-level data", async () => {
    const ws = await workspace(files);
    const out = ws.path("run.patients.csv");
    const run = await runCli([...args(ws), "--out", out, "--out", ws.path("figures.csv")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`prepost: warning: ${out} has patient-level data (a row per patient, with their own counts; never suppressed): keep it where the extracts are kept, and do not publish it\n`);
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.patient_id === "in1")).toMatchObject({ status: "included", ae_attendances_pre: "2", ae_attendances_post: "1" });
    expect(await readFile(ws.path("figures.csv"), "utf8")).toMatch(/^outcome,outcome_label,cohort/);
  });

  it("is refused with --suppress (exit 2), and no output is written", async () => {
    const ws = await workspace(files);
    const run = await runCli([...args(ws), "--suppress", "--out", ws.path("run.patients.csv"), "--out", ws.path("figures.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/patients-csv: is patient-level data/);
    await expect(readFile(ws.path("figures.csv"), "utf8")).rejects.toThrow(/ENOENT/);
    await expect(readFile(ws.path("run.patients.csv"), "utf8")).rejects.toThrow(/ENOENT/);
  });
});
