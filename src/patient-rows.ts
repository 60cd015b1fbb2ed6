import { countAt } from "./core/count-in-windows.js";
import { comparisonExclusionOf } from "./core/comparison-eligibility.js";
import { isoFromDay } from "./core/day.js";
import { exclusionOf } from "./core/eligibility.js";
import { PLACE } from "./core/windows.js";
import type { EvaluationRun } from "./config/run.js";
import { type Counted, outcomeTallies } from "./outcome-result.js";
import type { ComparisonExclusionReason, ExclusionReason } from "./result.js";
import { maskIdentifiers } from "./text/mask-identifiers.js";

/**
 * The per-patient output (statistics.md, "Per-patient output"): one row per referred patient, and
 * per comparison patient, with the first rule that excluded them (or `included`) and, for each
 * outcome, their own pre and post counts where they are included. It is what every cohort row adds
 * up from, so an analyst can check a figure patient by patient or take the counts to another tool.
 * It is patient-level data: never suppressed, and refused under `--suppress` (`evaluate.ts`).
 */
export interface PatientRow {
  /** The pseudonym as the extracts have it (masked where it could be an NHS number, as every output's text is). */
  patient_id: string;
  group: "referred" | "comparison";
  /** The index row's cohort (as the JSON's `cohort`); empty for a patient whose every referral row was invalid. */
  cohort: string;
  /** The index date (YYYY-MM-DD), or the comparison patient's pseudo index date; empty where there is none. */
  index_date: string;
  status: ExclusionReason | ComparisonExclusionReason | "included";
  /** Per outcome of the run, in order: the patient's pre and post counts; null where they are excluded. */
  counts: ({ pre: number; post: number } | null)[];
}

export interface PatientTable {
  /** The run's outcomes, in order, as `counts` has them. */
  outcomes: { outcome: string; label: string }[];
  rows: PatientRow[];
}

/** The patient table of a run: the referred patients in order of first appearance (those with no valid row last), then the comparison group in its file's order. */
export function patientRows(run: EvaluationRun, counted: Counted): PatientTable {
  const { people, subjects, activity, criteria } = counted;
  const tallies = outcomeTallies(run, activity);
  const countsOf = (slot: number | undefined, included: boolean) =>
    tallies.map(({ tally }) => (included && slot !== undefined ? { pre: countAt(tally, slot, PLACE.pre), post: countAt(tally, slot, PLACE.post) } : null));
  const rows: PatientRow[] = people.patients.map((patient) => {
    const status = exclusionOf(patient, subjects, criteria) ?? "included";
    return { patient_id: maskIdentifiers(patient.patientId), group: "referred", cohort: maskIdentifiers(patient.cohort), index_date: isoFromDay(patient.indexDate), status, counts: countsOf(patient.slot, status === "included") };
  });
  const indexed = new Set(people.patients.map((patient) => patient.patientId));
  for (const patientId of people.withInvalidRow) {
    if (indexed.has(patientId)) continue;
    rows.push({ patient_id: maskIdentifiers(patientId), group: "referred", cohort: "", index_date: "", status: "invalid_referral_row", counts: countsOf(undefined, false) });
  }
  for (const patient of people.comparison ?? []) {
    const status = comparisonExclusionOf(patient, subjects, people.referredIds, criteria) ?? "included";
    const slot = subjects.slotOf.get(patient.patientId);
    rows.push({ patient_id: maskIdentifiers(patient.patientId), group: "comparison", cohort: maskIdentifiers(patient.cohort), index_date: isoFromDay(patient.indexDate), status, counts: countsOf(slot, status === "included") });
  }
  return { outcomes: tallies.map(({ outcome }) => ({ outcome: outcome.id, label: outcome.label })), rows };
}
