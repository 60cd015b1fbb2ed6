import { stringify } from "csv-stringify/sync";
import { isoFromDay } from "../core/day.js";
import type { ComparisonPatient } from "./comparison.js";

/**
 * The comparison extract `prepost match` writes (matching.md, "Outputs"): `patient_id`, `cohort`,
 * `index_date` (ISO) and `matched_to`, RFC 4180, as `evaluate --comparison` reads it back. Values are
 * written as they are (an extract, not a report: a pseudonym is never altered for a spreadsheet).
 */
export function comparisonCsv(controls: readonly ComparisonPatient[]): string {
  const rows = controls.map((control) => [control.patientId, control.cohort, isoFromDay(control.indexDate), control.matchedTo ?? ""]);
  return stringify([["patient_id", "cohort", "index_date", "matched_to"], ...rows], { record_delimiter: "unix" });
}
