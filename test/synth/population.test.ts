import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderJson } from "../../src/render/json.js";
import { POPULATION_VERSION, writePopulation } from "../../src/synth/population.js";
import { readCsv } from "./spec-counter.js";

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "prepost-population-"));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const lines = async (path: string): Promise<string[]> => (await readFile(path, "utf8")).split("\n").slice(0, -1);

// The spec's columns under their default names first (so evaluation.json maps none), then a real export's.
const AE_HEADER = [
  "patient_id",
  "arrival_date",
  "attendance_category",
  "attendance_id",
  "arrival_time",
  "department_type",
  "provider_code",
  "arrival_mode",
  "chief_complaint",
  "discharge_destination",
  "age_band",
  "lsoa",
];
const ADMISSIONS_HEADER = [
  "patient_id",
  "admission_date",
  "admission_method",
  "episode_order",
  "spell_id",
  "admission_source",
  "provider_code",
  "main_specialty",
  "primary_diagnosis",
  "discharge_date",
  "lsoa",
];
const OUTPATIENTS_HEADER = [
  "patient_id",
  "appointment_date",
  "attendance_status",
  "attendance_id",
  "provider_code",
  "treatment_function_code",
  "first_attendance",
  "age_band",
  "lsoa",
];
const GP_HEADER = ["Patient_Pseudo", "Appointment_Date", "Status", "Practice_Code", "HCP_Type", "Appt_Mode", "LSOA"];

describe("prepost synth population", () => {
  test("writes the requested patients and activity rows, with a config for them", async () => {
    const written = await writePopulation(join(outDir, "a"), { patients: 300, activityRows: 5001, seed: 1 });
    const referrals = readCsv(join(outDir, "a", "referrals.csv"));
    const ae = readCsv(join(outDir, "a", "ae.csv"));
    const admissions = readCsv(join(outDir, "a", "admissions.csv"));
    expect(new Set(referrals.map((row) => row.patient_id)).size).toBe(300);
    expect([ae.length, admissions.length]).toEqual([3001, 2000]);
    expect(written.map((w) => [w.file, w.rows])).toEqual([
      ["referrals.csv", referrals.length],
      ["ae.csv", ae.length],
      ["admissions.csv", admissions.length],
      ["evaluation.json", 0],
    ]);
    const config = JSON.parse(await readFile(join(outDir, "a", "evaluation.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ referrals: "referrals.csv", ae: "ae.csv", admissions: "admissions.csv", from: "2021-01-01", to: "2022-07-31" });
    expect(config).not.toHaveProperty("columns");
    // Emergency bed days are reported only when listed (outcomes.md): the admissions carry discharge dates.
    expect(config.outcomes).toEqual(["ae_attendances", "unplanned_admissions", "emergency_bed_days"]);
    expect(config).not.toHaveProperty("outpatients");
    expect(config).not.toHaveProperty("customOutcomes");
    expect((await readdir(join(outDir, "a"))).sort()).toEqual(["admissions.csv", "ae.csv", "evaluation.json", "referrals.csv"]);
    // A share of the activity belongs to the referred patients, the rest to residents.
    const referred = new Set(referrals.map((row) => row.patient_id));
    const theirs = ae.filter((row) => referred.has(row.patient_id ?? "")).length;
    expect(theirs).toBeGreaterThan(ae.length * 0.2);
    expect(theirs).toBeLessThan(ae.length * 0.4);
  });

  test("gives the same bytes for the same seed, other bytes for another", async () => {
    const options = { patients: 50, activityRows: 400, outpatientRows: 300, gpRows: 300 };
    await writePopulation(join(outDir, "b"), { ...options, seed: 7 });
    await writePopulation(join(outDir, "c"), { ...options, seed: 7 });
    await writePopulation(join(outDir, "d"), { ...options, seed: 8 });
    for (const file of ["referrals.csv", "ae.csv", "admissions.csv", "outpatients.csv", "gp-appointments.csv", "evaluation.json"]) {
      const b = await readFile(join(outDir, "b", file));
      expect((await readFile(join(outDir, "c", file))).equals(b)).toBe(true);
      if (file !== "evaluation.json") expect((await readFile(join(outDir, "d", file))).equals(b)).toBe(false);
    }
  });

  test("changes its bytes only with a new POPULATION_VERSION (bench/run.mjs remakes its data on one)", async () => {
    // A change here means the generator now writes other bytes: raise POPULATION_VERSION with the hash.
    await writePopulation(join(outDir, "pinned"), { patients: 50, activityRows: 400, outpatientRows: 100, gpRows: 100, seed: 1 });
    const hash = createHash("sha256");
    for (const file of ["referrals.csv", "ae.csv", "admissions.csv", "outpatients.csv", "gp-appointments.csv", "evaluation.json"]) {
      hash.update(await readFile(join(outDir, "pinned", file)));
    }
    expect({ version: POPULATION_VERSION, sha256: hash.digest("hex") }).toEqual({ version: 4, sha256: "628e67542f8fd28e1445998ee2f7b2c672089544dbdb57226013e06ee184b955" });
  });

  test("writes an empty activity extract (a header only) when asked for no rows", async () => {
    await writePopulation(join(outDir, "e"), { patients: 1, activityRows: 0, seed: 1 });
    expect(await readFile(join(outDir, "e", "ae.csv"), "utf8")).toBe(`${AE_HEADER.join(",")}\n`);
    expect(await readFile(join(outDir, "e", "admissions.csv"), "utf8")).toBe(`${ADMISSIONS_HEADER.join(",")}\n`);
  });
});

describe("rows shaped like real ECDS, SUS and primary-care exports", () => {
  let ae: string[];
  let admissions: string[];
  let outpatients: string[];
  let gp: string[];
  beforeAll(async () => {
    await writePopulation(join(outDir, "wide"), { patients: 200, activityRows: 4000, outpatientRows: 3000, gpRows: 3000, seed: 3 });
    ae = await lines(join(outDir, "wide", "ae.csv"));
    admissions = await lines(join(outDir, "wide", "admissions.csv"));
    outpatients = await lines(join(outDir, "wide", "outpatients.csv"));
    gp = await lines(join(outDir, "wide", "gp-appointments.csv"));
  });

  test("the spec's columns come first, under their default names, then the export's others", () => {
    expect(ae[0]?.split(",")).toEqual(AE_HEADER);
    expect(admissions[0]?.split(",")).toEqual(ADMISSIONS_HEADER);
    expect(outpatients[0]?.split(",")).toEqual(OUTPATIENTS_HEADER);
    // The primary-care extract keeps its own names: the config's custom outcome maps them.
    expect(gp[0]?.split(",")).toEqual(GP_HEADER);
  });

  test("every field is plain (no quotes, commas or padding), so no row needs quoting; only a status or a discharge is ever empty", () => {
    const field = "[0-9A-Za-z_:/-]+";
    const line = (fields: string[]): RegExp => new RegExp(`^${fields.join(",")}$`);
    const filled = (width: number): string[] => Array.from({ length: width }, () => field);
    const emptyAt = (width: number, at: number): string[] => filled(width).map((f, i) => (i === at ? `(${f})?` : f));
    const statusText = "[A-Za-z]+( [A-Za-z]+)*";
    for (const [rows, shape] of [
      [ae, line(filled(AE_HEADER.length))],
      [admissions, line(emptyAt(ADMISSIONS_HEADER.length, ADMISSIONS_HEADER.indexOf("discharge_date")))],
      [outpatients, line(emptyAt(OUTPATIENTS_HEADER.length, 2))],
      // GP statuses, clinician types and modes are words with single spaces between them.
      [gp, line([field, field, statusText, field, statusText, "[A-Za-z/-]+( [A-Za-z/-]+)*", field])],
    ] as const) {
      expect(rows.slice(1).find((row) => !shape.test(row))).toBeUndefined();
    }
  });

  test("an A&E row is about as wide as a real export's (~78 bytes)", () => {
    const bytes = ae.slice(1).reduce((sum, line) => sum + line.length + 1, 0) / (ae.length - 1);
    expect(bytes).toBeGreaterThan(70);
    expect(bytes).toBeLessThan(90);
  });

  test("attendance and spell identifiers are unique to their row and spell", () => {
    const attendanceIds = ae.slice(1).map((line) => line.split(",")[3]);
    expect(new Set(attendanceIds).size).toBe(attendanceIds.length);
  });

  test("some spells have later episodes, in order, each repeating the spell's person, date and method", () => {
    const rows = readCsv(join(outDir, "wide", "admissions.csv"));
    const later = rows.filter((row) => row.episode_order !== "01");
    expect(later.length).toBeGreaterThan(rows.length * 0.08);
    expect(later.length).toBeLessThan(rows.length * 0.3);
    rows.forEach((row, i) => {
      if (row.episode_order === "01") return;
      const previous = rows[i - 1]!;
      expect(Number(row.episode_order)).toBe(Number(previous.episode_order) + 1);
      for (const column of ["spell_id", "patient_id", "admission_date", "admission_method", "lsoa"]) {
        expect(row[column]).toBe(previous[column]);
      }
    });
  });

  test("the discharge date is on a spell's last episode only (as SUS and HES write it), never before the admission", () => {
    const rows = readCsv(join(outDir, "wide", "admissions.csv"));
    const spells = new Map<string, Record<string, string>[]>();
    for (const row of rows) spells.set(row.spell_id!, [...(spells.get(row.spell_id!) ?? []), row]);
    let open = 0;
    for (const episodes of spells.values()) {
      const last = episodes.at(-1)!;
      expect(episodes.slice(0, -1).every((row) => row.discharge_date === "")).toBe(true);
      if (last.discharge_date === "") {
        // Open: still in hospital on the extract's last day (2023-06-30), at most 60 nights after admission.
        open++;
        expect(last.admission_date! >= "2023-05-01").toBe(true);
      } else expect(last.discharge_date! >= last.admission_date!).toBe(true);
    }
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(spells.size * 0.02);
  });

  test("outpatient statuses are the SUS+ codes, about 7-8% did not attend; GP dates are DD/MM/YYYY", () => {
    const statuses = readCsv(join(outDir, "wide", "outpatients.csv")).map((row) => row.attendance_status ?? "");
    expect(new Set(statuses)).toEqual(new Set(["5", "6", "7", "2", "4", "3", "0", "8", "9", ""]));
    const dna = statuses.filter((s) => s === "3").length / statuses.length;
    expect(dna).toBeGreaterThan(0.06);
    expect(dna).toBeLessThan(0.09);
    const appointments = readCsv(join(outDir, "wide", "gp-appointments.csv"));
    expect(appointments.every((row) => /^\d{2}\/\d{2}\/20(20|21|22|23)$/.test(row.appointment_date ?? ""))).toBe(true);
    expect(new Set(appointments.map((row) => row.status?.toLowerCase()))).toEqual(new Set(["finished", "arrived", "did not attend", "cancelled by patient"]));
  });

  test("a person lives in one LSOA whatever the extract", () => {
    const home = new Map<string, string>();
    const appointments = readCsv(join(outDir, "wide", "gp-appointments.csv")).map((row) => ({ patient_id: row.patient_pseudo, lsoa: row.lsoa }));
    const extracts = ["ae.csv", "admissions.csv", "outpatients.csv"].flatMap((file) => readCsv(join(outDir, "wide", file)));
    for (const row of [...extracts, ...appointments]) {
      const known = home.get(row.patient_id!);
      if (known) expect(row.lsoa).toBe(known);
      else home.set(row.patient_id!, row.lsoa!);
    }
  });
});

describe("the A&E share of the activity rows", () => {
  test.each([
    [0.6, 1000, 600, 400],
    [0.25, 1001, 250, 751],
    [0.999, 10, 10, 0],
  ])("share %s of %i rows: %i in ae.csv, %i in admissions.csv", async (aeShare, activityRows, aeRows, admissionRows) => {
    const dir = join(outDir, `share-${aeShare}`);
    const written = await writePopulation(dir, { patients: 20, activityRows, aeShare, seed: 1 });
    expect(written.map((w) => [w.file, w.rows]).slice(1, 3)).toEqual([
      ["ae.csv", aeRows],
      ["admissions.csv", admissionRows],
    ]);
    expect(readCsv(join(dir, "ae.csv"))).toHaveLength(aeRows);
    expect(readCsv(join(dir, "admissions.csv"))).toHaveLength(admissionRows);
  });

  test("1 is A&E only: no admissions.csv, and evaluation.json names none", async () => {
    const dir = join(outDir, "ae-only");
    const written = await writePopulation(dir, { patients: 20, activityRows: 500, aeShare: 1, seed: 1 });
    expect(written.map((w) => [w.file, w.rows])).toEqual([
      ["referrals.csv", expect.any(Number)],
      ["ae.csv", 500],
      ["evaluation.json", 0],
    ]);
    expect((await readdir(dir)).sort()).toEqual(["ae.csv", "evaluation.json", "referrals.csv"]);
    const config = JSON.parse(await readFile(join(dir, "evaluation.json"), "utf8")) as Record<string, unknown>;
    expect(config).toHaveProperty("ae", "ae.csv");
    expect(config).not.toHaveProperty("admissions");
  });

  test("0 is admissions only: no ae.csv, and evaluation.json names none", async () => {
    const dir = join(outDir, "admissions-only");
    await writePopulation(dir, { patients: 20, activityRows: 500, aeShare: 0, seed: 1 });
    expect((await readdir(dir)).sort()).toEqual(["admissions.csv", "evaluation.json", "referrals.csv"]);
    const config = JSON.parse(await readFile(join(dir, "evaluation.json"), "utf8")) as Record<string, unknown>;
    expect(config).not.toHaveProperty("ae");
    expect(readCsv(join(dir, "admissions.csv"))).toHaveLength(500);
  });

  test("the same seed gives A&E rows that do not depend on the share", async () => {
    // Each extract draws from its own stream: asking for fewer admissions leaves ae.csv's rows alone.
    await writePopulation(join(outDir, "f"), { patients: 20, activityRows: 100, aeShare: 0.5, seed: 2 });
    await writePopulation(join(outDir, "g"), { patients: 20, activityRows: 100, aeShare: 1, seed: 2 });
    const half = await lines(join(outDir, "f", "ae.csv"));
    expect((await lines(join(outDir, "g", "ae.csv"))).slice(0, 51)).toEqual(half);
  });
});

describe("prepost evaluate on a population", () => {
  test("gives the same JSON on both engines (apart from settings.engine), counting inside DuckDB", async () => {
    const dir = join(outDir, "evaluate");
    await writePopulation(dir, { patients: 300, activityRows: 2000, outpatientRows: 1500, gpRows: 1500, seed: 5 });
    const config = join(dir, "evaluation.json");
    const written = JSON.parse(await readFile(config, "utf8")) as { outcomes: string[] };
    expect(written.outcomes).toEqual(expect.arrayContaining(["ae_attendances", "unplanned_admissions", "emergency_bed_days", "outpatient_attendances"]));
    let rowByRow = 0;
    vi.stubEnv("PREPOST_DEBUG_ENGINE", "1");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      if (String(text).includes("read row by row")) rowByRow++;
      return true;
    });
    try {
      const runs: Record<string, unknown>[] = [];
      for (const engine of ["stream", "duckdb"] as const) {
        const json = JSON.parse(renderJson(await evaluateCounts(await resolveRun({ config, engine, bootstrap: 200 })))) as { settings: Record<string, unknown> };
        expect(json.settings.engine).toBe(engine);
        delete json.settings.engine;
        runs.push(json);
      }
      expect(runs[1]).toEqual(runs[0]);
      // Bed days need each spell's discharge, perhaps from another row: the admissions alone are read
      // row by row; A&E, outpatients and GP appointments are counted inside DuckDB.
      expect(rowByRow).toBe(1);
      // Every path of the counting is taken: planned follow-ups, non-emergency methods, later episodes.
      const accounts = (runs[0] as { rows: { accounts: Record<string, { notCountable: Record<string, number>; counted: number }> } }).rows.accounts;
      expect(accounts.ae_attendances?.notCountable.excluded_category).toBeGreaterThan(0);
      expect(accounts.unplanned_admissions?.notCountable.not_emergency).toBeGreaterThan(0);
      expect(accounts.unplanned_admissions?.notCountable.later_episode).toBeGreaterThan(0);
      expect(accounts.ae_attendances?.counted).toBeGreaterThan(0);
      expect(accounts.unplanned_admissions?.counted).toBeGreaterThan(0);
    } finally {
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
