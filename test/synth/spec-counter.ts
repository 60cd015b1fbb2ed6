/**
 * A second, deliberately plain reading of evaluation.md rules 1–5 (and statistics.md's comparison
 * group), for the synthetic extracts only: ISO dates as strings, default column names, ECDS coding.
 * It imports nothing from src/, so that it checks the generator independently of `prepost evaluate`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

type Row = Record<string, string>;

export interface EvaluationConfig {
  referrals: string;
  ae: string;
  admissions: string;
  comparison?: string;
  cohorts: { cohort: string; label: string }[];
  from: string;
  to: string;
  window: string;
  requireConsent: boolean;
  minOnwardReferrals: number;
  minAge: number;
  dataStart: string;
  dataEnd: string;
  outpatients?: string;
  customOutcomes?: { id: string; label: string; extract: string; columns: Record<string, string>; countWhere?: { column: string; in: string[] } }[];
  outcomes?: string[];
}

export interface Counts {
  patients: number;
  aePre: number;
  aePost: number;
  admissionsPre: number;
  admissionsPost: number;
}

/** Where every activity row went, for one extract. */
export interface RowAccount {
  read: number;
  activityOfOthers: number;
  comparison: number;
  notCountable: number;
  ofExcludedPatients: number;
  outsideWindows: number;
  onIndexDay: number;
  counted: number;
}

export interface SpecCount {
  attrition: Record<string, number>;
  cohorts: Map<string, Counts>;
  comparison: Map<string, Counts>;
  ae: RowAccount;
  admissions: RowAccount;
  /** Not-countable rows per code (`ae 4`, `admissions 11`…). */
  notCountableCodes: Map<string, number>;
  /** Every referred and comparison patient, with their windows (for counting other outcomes). */
  people: Map<string, Person>;
}

export const EMERGENCY = new Set(["21", "22", "23", "24", "25", "2A", "2B", "2C", "2D", "28"]);
const EXCLUDED_CATEGORIES = new Set(["4"]);
const YES = new Set(["y", "yes", "true", "1"]);

export function readCsv(path: string): Row[] {
  return parse(readFileSync(path), {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    columns: (header: string[]) => header.map((name) => name.toLowerCase()),
  }) as Row[];
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date `months` calendar months away, the day clamped to the month's end. */
export function shiftMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const d = Math.min(day, daysIn(y, m));
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export interface Person {
  cohort: string;
  index: string;
  preStart: string;
  postEnd: string;
  role: "included" | "excluded" | "comparison";
}

interface ReferredPatient {
  index: string;
  indexRow: Row;
  onward: number;
}

/** Rule 1: the earliest date, the first row in file order among ties; onward referrals summed. */
function indexPatients(rows: Row[]): Map<string, ReferredPatient> {
  const patients = new Map<string, ReferredPatient>();
  for (const row of rows) {
    const id = row.patient_id ?? "";
    const date = row.intervention_date ?? "";
    const onward = row.onward_referrals ? Number(row.onward_referrals) : 0;
    const known = patients.get(id);
    if (!known) patients.set(id, { index: date, indexRow: row, onward });
    else {
      known.onward += onward;
      if (date < known.index) Object.assign(known, { index: date, indexRow: row });
    }
  }
  return patients;
}

/** Rule 2, in order; returns the rule that excludes the patient, or null. */
function exclusion(config: EvaluationConfig, patient: ReferredPatient, months: number): string | null {
  const row = patient.indexRow;
  if (patient.index < config.from || patient.index > config.to) return "outside_period";
  if (config.requireConsent && !YES.has((row.consent ?? "").toLowerCase())) return "no_consent";
  if (patient.onward < config.minOnwardReferrals) return "too_few_onward_referrals";
  if (!row.age || Number(row.age) < config.minAge) return "age";
  if (shiftMonths(patient.index, -months) < config.dataStart || shiftMonths(patient.index, months) > config.dataEnd) return "incomplete_window";
  return null;
}

function emptyCounts(): Counts {
  return { patients: 0, aePre: 0, aePost: 0, admissionsPre: 0, admissionsPost: 0 };
}

function emptyAccount(): RowAccount {
  return { read: 0, activityOfOthers: 0, comparison: 0, notCountable: 0, ofExcludedPatients: 0, outsideWindows: 0, onIndexDay: 0, counted: 0 };
}

/** Reads the config beside the extracts and counts as the spec says. */
export function countBySpec(configPath: string): SpecCount {
  const config = JSON.parse(readFileSync(configPath, "utf8")) as EvaluationConfig;
  const directory = join(configPath, "..");
  const months = Number(config.window.replace("m", ""));
  const people = new Map<string, Person>();
  const attrition: Record<string, number> = {};
  const cohorts = new Map(config.cohorts.map((c) => [c.cohort, emptyCounts()]));
  const comparison = new Map(config.cohorts.map((c) => [c.cohort, emptyCounts()]));

  for (const [id, patient] of indexPatients(readCsv(join(directory, config.referrals)))) {
    const reason = exclusion(config, patient, months);
    if (reason) attrition[reason] = (attrition[reason] ?? 0) + 1;
    const cohort = patient.indexRow.cohort ?? "";
    const window = { preStart: shiftMonths(patient.index, -months), postEnd: shiftMonths(patient.index, months) };
    people.set(id, { cohort, index: patient.index, ...window, role: reason ? "excluded" : "included" });
    if (!reason) (cohorts.get(cohort) as Counts).patients++;
  }
  for (const row of config.comparison ? readCsv(join(directory, config.comparison)) : []) {
    const id = row.patient_id ?? "";
    const index = row.index_date ?? "";
    if (people.has(id) || index < config.from || index > config.to) continue;
    const window = { preStart: shiftMonths(index, -months), postEnd: shiftMonths(index, months) };
    if (window.preStart < config.dataStart || window.postEnd > config.dataEnd) continue;
    people.set(id, { cohort: row.cohort ?? "", index, ...window, role: "comparison" });
    (comparison.get(row.cohort ?? "") as Counts).patients++;
  }

  const notCountableCodes = new Map<string, number>();
  const tally = (
    rows: Row[],
    dateColumn: string,
    codeColumn: string,
    countable: (code: string) => boolean,
    extract: "ae" | "admissions",
  ): RowAccount => {
    const account = emptyAccount();
    for (const row of rows) {
      account.read++;
      const person = people.get(row.patient_id ?? "");
      if (!person) {
        account.activityOfOthers++;
        continue;
      }
      const code = row[codeColumn] ?? "";
      if (!countable(code)) {
        account.notCountable++;
        notCountableCodes.set(`${extract} ${code}`, (notCountableCodes.get(`${extract} ${code}`) ?? 0) + 1);
        continue;
      }
      const date = row[dateColumn] ?? "";
      const window = date >= person.preStart && date < person.index ? "Pre" : date > person.index && date <= person.postEnd ? "Post" : null;
      if (person.role === "excluded") account.ofExcludedPatients++;
      else if (person.role === "comparison") account.comparison++;
      else if (date === person.index) account.onIndexDay++;
      else if (!window) account.outsideWindows++;
      else account.counted++;
      if (person.role !== "excluded" && window) {
        const counts = (person.role === "comparison" ? comparison : cohorts).get(person.cohort) as Counts;
        counts[`${extract}${window}`]++;
      }
    }
    return account;
  };
  const ae = tally(readCsv(join(directory, config.ae)), "arrival_date", "attendance_category", (c) => !EXCLUDED_CATEGORIES.has(c), "ae");
  const admissions = tally(
    readCsv(join(directory, config.admissions)),
    "admission_date",
    "admission_method",
    (m) => EMERGENCY.has(m.toUpperCase()),
    "admissions",
  );
  return { attrition, cohorts, comparison, ae, admissions, notCountableCodes, people };
}
