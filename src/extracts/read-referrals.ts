import { addReferral, type ReferredPatient } from "../core/index-patients.js";
import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import type { ProblemLog } from "./problem-log.js";
import { InputError } from "../errors.js";
import type { CohortNames } from "./cohort-names.js";
import { type ExtractReading, noteTextKind, startReading } from "./reading-report.js";
import { referralRowParser } from "./referrals.js";
import type { ExtractSource } from "./source.js";

export interface ReferralsRead {
  patients: Map<string, ReferredPatient>;
  rows: number;
  /** Patients named by an invalid (skipped) row: excluded as `invalid_referral_row`. */
  withInvalidRow: Set<string>;
  /** How the extract was read (for `inputs`). */
  reading: ExtractReading;
}

export interface ReferralReading {
  /** The run's cohorts: each row's value is taken as the cohort it names (see `CohortNames`). */
  cohorts: CohortNames;
  /** The columns the breakdowns read from each patient's index row (`groupColumnsOf`). */
  groupColumns?: readonly string[];
}

/**
 * Streams the referrals extract into the patient index (rule 1); invalid rows go to the log. A
 * cohort the config does not list stops the run once the file is read (an `InputError` naming each,
 * not a row problem that `--skip-invalid` would skip), so that none is silently mislabelled.
 */
export async function readReferrals(
  source: ExtractSource,
  reading: ReferralReading,
  log: ProblemLog,
  progress?: ProgressListener,
): Promise<ReferralsRead> {
  const patients = new Map<string, ReferredPatient>();
  const withInvalidRow = new Set<string>();
  let rows = 0;
  const cohortColumn = source.columns.cohort ?? "cohort";
  let parseRow: ReturnType<typeof referralRowParser> | undefined;
  const report = startReading(source);
  await visitRecords(source, {
    textKind: (kind) => noteTextKind(report, kind),
    header: (fields) => {
      parseRow = referralRowParser(fields, source, log, withInvalidRow, report, reading.groupColumns);
    },
    record: (fields, line) => {
      rows++;
      const row = parseRow!(fields, line);
      if (!row) return;
      row.cohort = reading.cohorts.ofReferral(row.cohort, line);
      addReferral(patients, row);
    },
  }, progress);
  parseRow?.finish();
  const swapped = reading.cohorts.nhsNumberProblem(source.file, cohortColumn);
  if (swapped.length > 0) throw new InputError(swapped);
  const unlisted = reading.cohorts.unlistedProblems(source.file, cohortColumn);
  if (unlisted.length > 0) throw new InputError(unlisted);
  return { patients, rows, withInvalidRow, reading: report };
}
