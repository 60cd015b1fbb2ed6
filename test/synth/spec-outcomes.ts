/**
 * A second, deliberately plain reading of outcomes.md, for the synthetic extracts only: emergency bed
 * days, outpatient attendances and a custom outcome, per cohort and window, for the referred and
 * comparison patients spec-counter.ts finds. ISO dates, default column names, the index day
 * excluded. Like spec-counter.ts it imports nothing from src/, so that it checks the generator
 * independently of `prepost evaluate`.
 */
import { EMERGENCY, type EvaluationConfig, type Person } from "./spec-counter.js";

type Row = Record<string, string>;

export interface PrePost {
  pre: number;
  post: number;
}

/** An outcome's counts: the included patients' per cohort, and the comparison group's. */
export interface OutcomeCounts {
  cohorts: Record<string, PrePost>;
  comparison: Record<string, PrePost>;
}

/** Emergency spells of included patients that cross a window's edge, and open spells. */
export interface SpellEdges {
  /** Admitted before pre_start, a night on pre_start or after. */
  intoPre: number;
  /** Admitted in the post window, a night after post_end. */
  outOfPost: number;
  /** Admitted before the index day, a night on it. */
  acrossIndex: number;
  /** Rows with no discharge date, in the whole extract. */
  openRows: number;
  /** Emergency spells of included or comparison patients with no discharge date. */
  openOfPatients: number;
  /** Their nights inside a window (open spells count to data_end). */
  openNightsInWindows: number;
}

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function windowOf(person: Person, day: number): "pre" | "post" | null {
  if (day >= dayOf(person.preStart) && day < dayOf(person.index)) return "pre";
  if (day > dayOf(person.index) && day <= dayOf(person.postEnd)) return "post";
  return null;
}

function emptyCounts(config: EvaluationConfig): OutcomeCounts {
  const zero = (): Record<string, PrePost> => Object.fromEntries(config.cohorts.map((c) => [c.cohort, { pre: 0, post: 0 }]));
  return { cohorts: zero(), comparison: zero() };
}

function add(counts: OutcomeCounts, person: Person, window: "pre" | "post", amount = 1): void {
  if (person.role === "excluded") return;
  const byCohort = person.role === "comparison" ? counts.comparison : counts.cohorts;
  (byCohort[person.cohort] as PrePost)[window] += amount;
}

/** Rows counted one each: those `countable` accepts, dated in a window of an included or comparison patient. */
export function countRowsBySpec(
  config: EvaluationConfig,
  people: Map<string, Person>,
  rows: readonly Row[],
  columns: { patient: string; date: string },
  countable: (row: Row) => boolean,
): OutcomeCounts {
  const counts = emptyCounts(config);
  for (const row of rows) {
    const person = people.get(row[columns.patient] ?? "");
    if (!person || !countable(row)) continue;
    const window = windowOf(person, dayOf(row[columns.date] ?? ""));
    if (window) add(counts, person, window);
  }
  return counts;
}

/**
 * Emergency bed days (outcomes.md): a spell is a countable row (emergency method, a first episode
 * where the extract has an order); its discharge is the latest on any row of the same patient and
 * admission date; its nights are admission ≤ d < discharge, or admission ≤ d ≤ data_end if open.
 */
export function bedDaysBySpec(config: EvaluationConfig, people: Map<string, Person>, rows: readonly Row[]): { counts: OutcomeCounts; edges: SpellEdges } {
  const latest = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.patient_id} ${row.admission_date}`;
    const discharge = row.discharge_date ?? "";
    if (discharge !== "" && discharge > (latest.get(key) ?? "")) latest.set(key, discharge);
  }
  const counts = emptyCounts(config);
  const edges: SpellEdges = { intoPre: 0, outOfPost: 0, acrossIndex: 0, openRows: 0, openOfPatients: 0, openNightsInWindows: 0 };
  const dataEnd = dayOf(config.dataEnd);
  for (const row of rows) {
    if ((row.discharge_date ?? "") === "") edges.openRows++;
    const person = people.get(row.patient_id ?? "");
    const firstEpisode = row.episode_order === undefined || /^0*1$/.test(row.episode_order);
    if (!person || !firstEpisode || !EMERGENCY.has((row.admission_method ?? "").toUpperCase())) continue;
    const admitted = dayOf(row.admission_date ?? "");
    const discharge = latest.get(`${row.patient_id} ${row.admission_date}`);
    const lastNight = discharge === undefined ? dataEnd : dayOf(discharge) - 1;
    const open = discharge === undefined;
    if (open && person.role !== "excluded") edges.openOfPatients++;
    for (let day = admitted; day <= lastNight; day++) {
      const window = windowOf(person, day);
      if (!window) continue;
      add(counts, person, window);
      if (open && person.role !== "excluded") edges.openNightsInWindows++;
    }
    if (person.role !== "included") continue;
    const [preStart, index, postEnd] = [dayOf(person.preStart), dayOf(person.index), dayOf(person.postEnd)];
    if (admitted < preStart && lastNight >= preStart) edges.intoPre++;
    if (admitted > index && admitted <= postEnd && lastNight > postEnd) edges.outOfPost++;
    if (admitted < index && lastNight >= index) edges.acrossIndex++;
  }
  return { counts, edges };
}

/** The extracts the West Kent config adds, as read (header names lower-cased, as `readCsv` gives them). */
export interface NewExtracts {
  admissions: Row[];
  outpatients: Row[];
  custom: Row[];
}

/** The three outcomes the West Kent config adds, counted by the spec. */
export function newOutcomesBySpec(config: EvaluationConfig, people: Map<string, Person>, extracts: NewExtracts) {
  const bedDays = bedDaysBySpec(config, people, extracts.admissions);
  const attended = new Set(["5", "6"]);
  const outpatients = countRowsBySpec(config, people, extracts.outpatients, { patient: "patient_id", date: "appointment_date" }, (row) =>
    attended.has(row.attendance_status ?? ""),
  );
  const custom = config.customOutcomes?.[0];
  if (!custom?.countWhere) throw new Error("the config has no custom outcome with countWhere");
  const wanted = new Set(custom.countWhere.in.map((value) => value.trim().toLowerCase()));
  const column = custom.countWhere.column.toLowerCase();
  const gp = countRowsBySpec(
    config,
    people,
    extracts.custom,
    { patient: (custom.columns.patient_id ?? "").toLowerCase(), date: (custom.columns.event_date ?? "").toLowerCase() },
    (row) => wanted.has((row[column] ?? "").trim().toLowerCase()),
  );
  return { bedDays, outpatients, gp };
}
