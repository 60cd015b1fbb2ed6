import type { PatientTable } from "../patient-rows.js";
import { type CsvCell, csvText } from "./csv-cells.js";

/**
 * `--format patients-csv`: the per-patient table (statistics.md), one row per referred patient and
 * per comparison patient: `patient_id`, `group`, `cohort`, `index_date`, `status` (the first rule
 * that excluded them, or `included`), then `<outcome>_pre` and `<outcome>_post` for each outcome,
 * empty where the patient is excluded. Patient-level data: never suppressed, so never published.
 */
export function renderPatientsCsv(table: PatientTable): string {
  const header = ["patient_id", "group", "cohort", "index_date", "status", ...table.outcomes.flatMap(({ outcome }) => [`${outcome}_pre`, `${outcome}_post`])];
  const rows: CsvCell[][] = table.rows.map((row) => [
    row.patient_id,
    row.group,
    row.cohort,
    row.index_date,
    row.status,
    ...row.counts.flatMap((counts) => (counts ? [counts.pre, counts.post] : [null, null])),
  ]);
  return csvText(header, rows);
}
