/**
 * The extracts fixtures/west-kent adds for the outcomes of outcomes.md (discharge dates, outpatients,
 * GP appointments), read as files and counted by the spec's rules (spec-outcomes.ts, which shares no
 * code with prepost). The shares and rates checked are the brief's (issue 16) or the NHS's published
 * ones, not the generator's parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { countBySpec, EMERGENCY, type EvaluationConfig, readCsv, type SpecCount } from "./spec-counter.js";
import { dayOf, newOutcomesBySpec, type OutcomeCounts, type PrePost } from "./spec-outcomes.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "west-kent");
const CONFIG = join(FIXTURE, "evaluation.json");
/** The span the ICB's SUS extracts run over, and the coverage the config declares (fixtures/west-kent/README.md). */
const EXTRACT_END = "2023-06-30";
const SUS_SPAN = ["2020-01-01", EXTRACT_END];
const COVERAGE = ["2020-07-01", "2023-01-31"];

type Row = Record<string, string>;
let config: EvaluationConfig;
let spec: SpecCount;
let admissions: Row[];
let outpatients: Row[];
let gp: Row[];
let counted: ReturnType<typeof newOutcomesBySpec>;

// Half a million rows, read once: on a busy machine that takes longer than a hook's default 10 s.
beforeAll(() => {
  config = JSON.parse(readFileSync(CONFIG, "utf8")) as EvaluationConfig;
  spec = countBySpec(CONFIG);
  admissions = readCsv(join(FIXTURE, "admissions.csv"));
  outpatients = readCsv(join(FIXTURE, "outpatients.csv"));
  gp = readCsv(join(FIXTURE, "gp-appointments.csv"));
  counted = newOutcomesBySpec(config, spec.people, { admissions, outpatients, custom: gp });
}, 120_000);

const share = (rows: Row[], test: (row: Row) => boolean): number => rows.filter(test).length / rows.length;
const header = (file: string): string => readFileSync(join(FIXTURE, file), "utf8").split("\n", 1)[0] ?? "";
const change = ({ pre, post }: PrePost): number => (post - pre) / pre;
const sum = (byCohort: Record<string, PrePost>): PrePost =>
  Object.values(byCohort).reduce((total, c) => ({ pre: total.pre + c.pre, post: total.post + c.post }), { pre: 0, post: 0 });

describe("evaluation.json names the new extracts and outcomes (outcomes.md)", () => {
  test("outpatients, the GP appointments as a custom outcome, and every outcome in the table's order", () => {
    // Typed from the brief (issue 16), key for key.
    expect(config).toMatchObject({
      outpatients: "outpatients.csv",
      customOutcomes: [
        {
          id: "gp_appointments",
          label: "GP appointments",
          extract: "gp-appointments.csv",
          columns: { patient_id: "Patient_Pseudo", event_date: "Appointment_Date" },
          countWhere: { column: "Status", in: ["Finished", "Arrived"] },
        },
      ],
      outcomes: ["ae_attendances", "unplanned_admissions", "emergency_bed_days", "outpatient_attendances", "gp_appointments"],
    });
    expect(Object.keys(config).slice(0, 8)).toEqual(["referrals", "ae", "admissions", "comparison", "outpatients", "customOutcomes", "outcomes", "cohorts"]);
  });
});

describe("admissions.csv: discharge dates", () => {
  const nights = (row: Row): number => dayOf(row.discharge_date ?? "") - dayOf(row.admission_date ?? "");
  const emergency = (row: Row): boolean => EMERGENCY.has(row.admission_method ?? "");

  test("ISO, never before the admission, at most 60 nights later", () => {
    const discharged = admissions.filter((row) => row.discharge_date !== "");
    expect(discharged.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.discharge_date ?? ""))).toBe(true);
    expect(discharged.every((row) => nights(row) >= 0 && nights(row) <= 60)).toBe(true);
  });

  test("emergency spells: many same-day, a median of 2 to 4 nights, a tail of weeks", () => {
    const stays = admissions.filter((row) => emergency(row) && row.discharge_date !== "").map(nights).sort((a, b) => a - b);
    const sameDay = stays.filter((x) => x === 0).length / stays.length;
    expect(sameDay).toBeGreaterThan(0.2);
    expect(sameDay).toBeLessThan(0.4);
    expect(stays[stays.length >> 1]).toBeGreaterThanOrEqual(2);
    expect(stays[stays.length >> 1]).toBeLessThanOrEqual(4);
    expect(stays.filter((x) => x >= 28).length).toBeGreaterThan(100);
  });

  test("the over-55s' emergency spells have a median of 3 to 4 nights", () => {
    const ageOf = new Map<string, number>();
    for (const row of readCsv(join(FIXTURE, "referrals.csv"))) if (!ageOf.has(row.patient_id ?? "") && row.age) ageOf.set(row.patient_id ?? "", Number(row.age));
    const stays = admissions.filter((row) => emergency(row) && row.discharge_date !== "" && (ageOf.get(row.patient_id ?? "") ?? 0) >= 55).map(nights);
    stays.sort((a, b) => a - b);
    expect(stays.length).toBeGreaterThan(5000);
    expect(stays[stays.length >> 1]).toBeGreaterThanOrEqual(3);
    expect(stays[stays.length >> 1]).toBeLessThanOrEqual(4);
  });

  test("open spells (no discharge date) are a handful, all still in hospital at the extract's end", () => {
    const open = admissions.filter((row) => row.discharge_date === "");
    expect(open.length).toBeGreaterThan(10);
    expect(open.length).toBeLessThan(admissions.length * 0.005);
    // At most 60 nights long, so admitted in the last 60 days of the extract.
    expect(open.every((row) => dayOf(EXTRACT_END) - dayOf(row.admission_date ?? "") < 60)).toBe(true);
  });

  test("a person is in one bed at a time: no spell ends after the same person's next admission", () => {
    const last = new Map<string, Row>();
    let overlaps = 0;
    for (const row of admissions) {
      const before = last.get(row.patient_id ?? "");
      if (before && (before.discharge_date === "" || (before.discharge_date ?? "") > (row.admission_date ?? ""))) overlaps++;
      last.set(row.patient_id ?? "", row);
    }
    expect(overlaps).toBe(0);
  });

  test("spells cross the window edges: into the pre window, across the index day, out of the post window", () => {
    const { edges } = counted.bedDays;
    expect(Math.min(edges.intoPre, edges.acrossIndex, edges.outOfPost)).toBeGreaterThan(10);
  });
});

describe("outpatients.csv (SUS+ OP)", () => {
  test("has the spec's columns, ISO dates in the SUS extracts' span, in date order", () => {
    expect(header("outpatients.csv")).toBe("patient_id,appointment_date,attendance_status");
    const dates = outpatients.map((row) => row.appointment_date ?? "");
    expect(dates.every((date, i) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= SUS_SPAN[0]! && date <= SUS_SPAN[1]! && (i === 0 || date >= dates[i - 1]!))).toBe(true);
  });

  test("carries every status code, with the NHS's shares: about 7-8% did not attend, 10% cancelled", () => {
    const status = (codes: string[]) => (row: Row) => codes.includes(row.attendance_status ?? "");
    expect(share(outpatients, status(["5", "6", "7", "2", "4", "3", "0", "8", "9", ""]))).toBe(1);
    expect(share(outpatients, status(["3"]))).toBeGreaterThan(0.065);
    expect(share(outpatients, status(["3"]))).toBeLessThan(0.085);
    expect(share(outpatients, status(["2", "4"]))).toBeGreaterThan(0.09);
    expect(share(outpatients, status(["2", "4"]))).toBeLessThan(0.11);
    expect(share(outpatients, status(["5", "6"]))).toBeGreaterThan(0.78);
    for (const code of ["7", "0", "8", "9", ""]) expect(outpatients.filter(status([code])).length, code).toBeGreaterThan(20);
  });
});

describe("gp-appointments.csv (a primary-care extract, for a custom outcome)", () => {
  test("has the extract's own header, ISO dates in the coverage, in date order", () => {
    expect(header("gp-appointments.csv")).toBe("Patient_Pseudo,Appointment_Date,Status");
    const dates = gp.map((row) => row.appointment_date ?? "");
    expect(dates.every((date, i) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= COVERAGE[0]! && date <= COVERAGE[1]! && (i === 0 || date >= dates[i - 1]!))).toBe(true);
  });

  test("statuses are the four of the brief, a few in another case", () => {
    const statuses = new Set(gp.map((row) => row.status ?? ""));
    expect(new Set([...statuses].map((s) => s.toLowerCase()))).toEqual(new Set(["finished", "arrived", "did not attend", "cancelled by patient"]));
    expect([...statuses].filter((s) => !["Finished", "Arrived", "Did Not Attend", "Cancelled by Patient"].includes(s)).length).toBeGreaterThan(0);
    const dna = share(gp, (row) => row.status?.toLowerCase() === "did not attend");
    expect(dna).toBeGreaterThan(0.03);
    expect(dna).toBeLessThan(0.07);
  });

  test("holds the evaluation's patients and, to be ignored, some residents never referred", () => {
    const others = share(gp, (row) => !spec.people.has(row.patient_pseudo ?? ""));
    expect(others).toBeGreaterThan(0.1);
    expect(others).toBeLessThan(0.4);
  });
});

describe("the new outcomes counted by the spec's rules", () => {
  const perPatient = (counts: OutcomeCounts, cohort: string): number =>
    (counts.cohorts[cohort] as PrePost).pre / (spec.cohorts.get(cohort)?.patients ?? Number.NaN);

  test("the over-55s with frailty have more appointments and bed days a patient than the 18-55s", () => {
    for (const counts of [counted.outpatients, counted.gp, counted.bedDays.counts]) {
      expect(perPatient(counts, "COHORT 2")).toBeGreaterThan(1.5 * perPatient(counts, "COHORT 3"));
    }
  });

  test("outpatient and GP use falls a little after the referral, overall and in most cohorts", () => {
    for (const counts of [counted.outpatients, counted.gp]) {
      expect(change(sum(counts.cohorts))).toBeLessThan(0);
      expect(change(sum(counts.cohorts))).toBeGreaterThan(-0.25);
      const falling = Object.values(counts.cohorts).filter((c) => change(c) < 0);
      expect(falling.length).toBeGreaterThanOrEqual(2);
    }
  });

  test("per cohort and window, with the edges and open spells (golden file, reviewed like code)", async () => {
    const { bedDays, outpatients: op, gp: appointments } = counted;
    const golden = { emergency_bed_days: bedDays.counts, edges: bedDays.edges, outpatient_attendances: op, gp_appointments: appointments };
    await expect(`${JSON.stringify(golden, null, 2)}\n`).toMatchFileSnapshot("./golden/west-kent-new-outcomes.json");
  });
});
