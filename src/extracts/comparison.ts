import type { DataError } from "../errors.js";
import type { Day } from "../core/day.js";
import { findColumns } from "../io/columns.js";
import { patientIdField, requiredDayField, requiredTextField } from "./fields.js";
import { didYouMean } from "../text/nearest.js";
import type { CohortNames } from "./cohort-names.js";
import type { ProblemLog } from "./problem-log.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

/**
 * The matched comparison group's columns (statistics.md), and `matched_to`, which `prepost match`
 * writes (matching.md, "Outputs"): the case each control was matched to.
 */
export const COMPARISON_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "cohort", required: true },
  { name: "index_date", required: true },
  { name: "matched_to", required: false },
] as const;

/** A patient who was not referred, matched to a cohort, with a pseudo index date. */
export interface ComparisonPatient {
  patientId: string;
  cohort: string;
  indexDate: Day;
  /** The referred patient (the case) whose matched set the control is in, where the extract says (`matched_to`). */
  matchedTo?: string;
}

export interface ComparisonReading {
  /** The run's cohorts (the config's, or the referrals'): a comparison cohort must name one of them. */
  cohorts: CohortNames;
}

/**
 * Builds the row parser for a comparison extract. A cohort the referrals do not have, or a patient
 * listed twice, is an error naming it (and both lines): it goes to `fatal`, which stops the run even
 * with --skip-invalid (statistics.md: exit 2), since skipping it would quietly change the group.
 */
export function comparisonRowParser(header: string[], source: ExtractSource, reading: ComparisonReading, log: ProblemLog, fatal: DataError[]) {
  const { at, used } = findColumns(header, wantedColumns(source, COMPARISON_COLUMNS), source);
  const names = Object.fromEntries(COMPARISON_COLUMNS.map(({ name }) => [name, used[name]?.header ?? source.columns[name] ?? name]));
  const row = new RowReader("comparison", source.file, header.length, log);
  const cohortField = requiredTextField("a cohort");
  const dateField = requiredDayField(source.format.dateFormat);
  // Where the column is there, the difference in differences is over matched sets: every control needs its case.
  const matchedToField = requiredTextField("the case it was matched to, where the extract has matched_to");
  const firstLineOf = new Map<string, number>();

  return (fields: string[], line: number): ComparisonPatient | undefined => {
    if (!row.begin(fields, line)) return undefined;
    const patientId = row.read(patientIdField, at.patient_id, names.patient_id!);
    const cohort = row.read(cohortField, at.cohort, names.cohort!);
    const indexDate = row.read(dateField, at.index_date, names.index_date!);
    const matchedTo = at.matched_to >= 0 ? row.read(matchedToField, at.matched_to, names.matched_to!) : undefined;
    // Compared as the referrals' are: without regard to case or runs of white space, aliases merged.
    const named = cohort === undefined ? undefined : reading.cohorts.find(cohort);
    const stop = (column: string, value: string, message: string) =>
      fatal.push({ code: "invalid_comparison", file: source.file, line, column, value, message });
    if (cohort !== undefined && named === undefined) {
      stop(names.cohort!, cohort, `names no cohort of the referrals${didYouMean(cohort, reading.cohorts.names())}`);
    }
    if (patientId !== undefined) {
      const first = firstLineOf.get(patientId);
      if (first !== undefined) stop(names.patient_id!, patientId, `is listed twice, on lines ${first} and ${line}`);
      else firstLineOf.set(patientId, line);
    }
    if (!row.end()) return undefined;
    return { patientId: patientId!, cohort: named!, indexDate: indexDate!, ...(matchedTo !== undefined ? { matchedTo } : {}) };
  };
}
