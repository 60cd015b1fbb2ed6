import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Result } from "../../src/result.js";
import { csv, runCli, workspace } from "../helpers.js";

/**
 * The new outcomes as a user meets them on the command line: every output format carries them, and
 * each mistake is an exit 2 with a message that names what to change, never a stack trace.
 * p1 is referred 2021-06-15, window 10 days: pre 2021-06-05 … 06-14, post 06-16 … 06-25.
 */
const execFileAsync = promisify(execFile);
const CLI = new URL("../../dist/prepost.js", import.meta.url).pathname;

const files = {
  "referrals.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-15\n",
  // 06-08 → 06-10: nights 08, 09 (pre), £1,200; 06-16 → 06-19: nights 16, 17, 18 (post), no cost.
  "admissions.csv": csv`
    patient_id,admission_date,admission_method,discharge_date,Tariff_Total_Payment
    p1,2021-06-08,21,2021-06-10,1200
    p1,2021-06-16,21,2021-06-19,
  `,
  // 06-05 seen (5), 06-06 did not attend (3), 06-17 seen late (6): pre 1, post 1.
  "outpatients.csv": "patient_id,appointment_date,attendance_status\np1,2021-06-05,5\np1,2021-06-06,3\np1,2021-06-17,6\n",
  // 06-07 and 06-20: pre 1, post 1.
  "gp.csv": "Patient_Pseudo,Appointment_Date\np1,07/06/2021\np1,20/06/2021\n",
  "evaluation.json": JSON.stringify({
    referrals: "referrals.csv",
    admissions: "admissions.csv",
    outpatients: "outpatients.csv",
    outcomes: ["unplanned_admissions", "emergency_bed_days", "outpatient_attendances", "gp_appointments"],
    customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv", columns: { patient_id: "Patient_Pseudo", event_date: "Appointment_Date" } }],
    costColumns: { admission: "Tariff_Total_Payment" },
    unitCosts: { bed_day: 350, outpatient: 160 },
    window: "10d",
    dataStart: "2021-01-01",
    dataEnd: "2021-12-31",
    bootstrap: 0,
  }),
};

/** The text a reader sees: Markdown's escapes and HTML's entities undone. */
const plain = (text: string) => text.replace(/\\([_*'\\])/g, "$1").replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&amp;/g, "&");

const LABELS = ["Unplanned admissions", "Emergency bed days", "Outpatient attendances", "GP appointments"];

describe("every output format carries the new outcomes, a section each", () => {
  it("json: each outcome with its label, extract, unit and figures", async () => {
    const ws = await workspace(files);
    const run = await runCli(["evaluate", "--config", ws.path("evaluation.json"), "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.outcomes.map(({ outcome, label, extract, unit, total }) => ({ outcome, label, extract, unit, pre: total.pre, post: total.post }))).toEqual([
      { outcome: "unplanned_admissions", label: "Unplanned admissions", extract: "admissions", unit: "rows", pre: 1, post: 1 },
      { outcome: "emergency_bed_days", label: "Emergency bed days", extract: "admissions", unit: "nights", pre: 2, post: 3 },
      { outcome: "outpatient_attendances", label: "Outpatient attendances", extract: "outpatients", unit: "rows", pre: 1, post: 1 },
      { outcome: "gp_appointments", label: "GP appointments", extract: "gp_appointments", unit: "rows", pre: 1, post: 1 },
    ]);
    // Costs: admissions from their column (£1,200 pre; the post row has none); bed days 2 × 350, 3 × 350; outpatients 160 each.
    expect(result.outcomes[0]!.total).toMatchObject({ cost_column: "Tariff_Total_Payment", cost_pre: 1200, cost_post: 0, cost_missing: 1 });
    expect(result.outcomes[1]!.total).toMatchObject({ unit_cost: 350, cost_pre: 700, cost_post: 1050 });
    expect(result.outcomes[2]!.total).toMatchObject({ unit_cost: 160, cost_pre: 160, cost_post: 160 });
    expect(Object.keys(result.rows.accounts)).toEqual(["unplanned_admissions", "emergency_bed_days", "outpatient_attendances", "gp_appointments"]);
  });

  for (const format of ["table", "markdown", "html"]) {
    it(`${format}: a section per outcome, its costs, and its row account`, async () => {
      const ws = await workspace(files);
      const run = await runCli(["evaluate", "--config", ws.path("evaluation.json"), "--format", format]);
      expect(run.code, run.stderr).toBe(0);
      const text = plain(run.stdout);
      for (const label of LABELS) {
        expect(text).toContain(`${label}: 10 days before and after the first intervention`);
        expect(text).toMatch(new RegExp(`${label}: rows read|>${label}<|### ${label}\\n`));
      }
      // A cost column's costs are shown, and where they come from, as a unit cost's are.
      expect(text).toContain("Unplanned admissions: cost from each row's Tariff_Total_Payment");
      expect(text).toContain("Emergency bed days: cost at £350 each");
      expect(text).toContain("Outpatient attendances: cost at £160 each");
      expect(text).toContain("£1,200");
    });
  }

  it("csv: rows of each outcome, with a cost column's column and missing costs", async () => {
    const ws = await workspace(files);
    const run = await runCli(["evaluate", "--config", ws.path("evaluation.json"), "--format", "csv"]);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parse(run.stdout) as string[][];
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => `${row[at("outcome")]} ${row[at("cohort")]} ${row[at("pre")]} ${row[at("post")]}`)).toEqual([
      "unplanned_admissions A 1 1",
      "unplanned_admissions Total 1 1",
      "emergency_bed_days A 2 3",
      "emergency_bed_days Total 2 3",
      "outpatient_attendances A 1 1",
      "outpatient_attendances Total 1 1",
      "gp_appointments A 1 1",
      "gp_appointments Total 1 1",
    ]);
    expect(at("cost_column")).toBeGreaterThan(0);
    expect(rows[1]![at("cost_column")]).toBe("Tariff_Total_Payment");
    expect(rows[1]![at("cost_missing")]).toBe("1");
    expect(rows[3]![at("cost_pre")]).toBe("700");
  });
});

describe("mistakes with outcomes: exit 2, naming what to change", () => {
  async function refused(args: string[], message: RegExp, extraFiles: Record<string, string> = {}) {
    const ws = await workspace({ ...files, ...extraFiles });
    const run = await runCli(args.map((arg) => (arg in files || arg in extraFiles ? ws.path(arg) : arg)));
    expect(run.code, run.stdout).toBe(2);
    expect(run.stderr).toMatch(/^prepost: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(message);
  }
  const base = ["evaluate", "--referrals", "referrals.csv", "--data-start", "2021-01-01", "--data-end", "2021-12-31"];

  it("an outcome listed whose extract was not given", async () => {
    await refused([...base, "--outpatients", "outpatients.csv", "--outcomes", "outpatient_attendances,emergency_bed_days"], /"emergency_bed_days" is counted from the admissions extract.*--admissions/);
  });

  it("an unknown outcome in --outcomes, with the nearest", async () => {
    await refused([...base, "--admissions", "admissions.csv", "--outcomes", "emergency_bed_day"], /"emergency_bed_day" is not an outcome.*emergency_bed_days/s);
  });

  it("an outcome listed twice", async () => {
    await refused([...base, "--admissions", "admissions.csv", "--outcomes", "unplanned_admissions,unplanned_admissions"], /listed twice/);
  });

  it("a unit cost that is not OUTCOME=GBP", async () => {
    await refused([...base, "--admissions", "admissions.csv", "--unit-cost", "bed_day=abc"], /--unit-cost.*OUTCOME=GBP/s);
    await refused([...base, "--admissions", "admissions.csv", "--unit-cost", "bed_day=0"], /above 0/);
  });

  it("a cost column not OUTCOME=COLUMN", async () => {
    await refused([...base, "--admissions", "admissions.csv", "--cost-column", "Tariff_Total_Payment"], /OUTCOME=COLUMN/);
  });

  it("a cost column on bed days", async () => {
    await refused([...base, "--admissions", "admissions.csv", "--outcomes", "emergency_bed_days", "--cost-column", "bed_day=Tariff_Total_Payment"], /emergency_bed_days counts nights/);
  });

  it("a mistyped key of a custom outcome, with the nearest", async () => {
    const config = JSON.stringify({ referrals: "referrals.csv", customOutcomes: [{ id: "gp_appointments", label: "GP", extract: "gp.csv", countwhere: { column: "x", in: ["y"] } }] });
    await refused(["evaluate", "--config", "bad.json"], /countwhere.*countWhere/s, { "bad.json": config });
  });

  it("a custom outcome without a label or an extract", async () => {
    const config = JSON.stringify({ referrals: "referrals.csv", customOutcomes: [{ id: "gp_appointments", extract: "gp.csv" }] });
    await refused(["evaluate", "--config", "bad.json"], /customOutcomes\.0\.label/, { "bad.json": config });
  });

  it("a custom outcome's extract that is not there", async () => {
    const config = JSON.stringify({ referrals: "referrals.csv", customOutcomes: [{ id: "gp_appointments", label: "GP", extract: "nowhere.csv" }] });
    await refused(["evaluate", "--config", "bad.json", "--data-start", "2021-01-01", "--data-end", "2021-12-31"], /nowhere\.csv/, { "bad.json": config });
  });

  it("a custom outcome's extract without its date column, naming the column to map", async () => {
    const config = JSON.stringify({ referrals: "referrals.csv", customOutcomes: [{ id: "gp_appointments", label: "GP", extract: "gp.csv" }] });
    // gp.csv's headers are Patient_Pseudo and Appointment_Date: neither patient_id nor event_date without a mapping.
    await refused(["evaluate", "--config", "bad.json", "--data-start", "2021-01-01", "--data-end", "2021-12-31"], /gp\.csv.*(patient_id|event_date)/s, { "bad.json": config });
  });
});

describe("end to end: the built CLI, reading each extract in a worker thread, gives the in-process answers", () => {
  it("bed days, a cost column, outpatients and a custom outcome", async () => {
    const ws = await workspace(files);
    const args = ["evaluate", "--config", "evaluation.json", "--format", "json"];
    const inProcess = await runCli(["evaluate", "--config", ws.path("evaluation.json"), "--format", "json"]);
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: ws.dir, env: { ...process.env, PREPOST_WORKER_MIN_BYTES: "0", PREPOST_DEBUG_ENGINE: "1" } });
    const strip = (text: string) => {
      const { inputs: _inputs, ...rest } = JSON.parse(text) as Result;
      return rest;
    };
    for (const extract of ["admissions", "outpatients", "gp_appointments"]) expect(stderr).toContain(`${extract} read in a worker thread`);
    expect(strip(stdout)).toEqual(strip(inProcess.stdout));
    expect((JSON.parse(stdout) as Result).outcomes[1]!.total).toMatchObject({ pre: 2, post: 3 });
  });
});
