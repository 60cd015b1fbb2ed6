import { addReferral, type ReferredPatient } from "../core/index-patients.js";
import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import type { ProblemLog } from "./problem-log.js";
import { type ReferralReading, type ReferralRow, referralRowParser } from "./referrals.js";
import type { ExtractSource } from "./source.js";

export interface ReferralsRead {
  patients: Map<string, ReferredPatient>;
  /** Cohorts in order of first appearance in the file. */
  cohortsSeen: string[];
  rows: number;
  /** Patients named by an invalid (skipped) row: excluded as `invalid_referral_row`. */
  withInvalidRow: Set<string>;
}

/** Streams the referrals extract into the patient index (rule 1); invalid rows go to the log. */
export async function readReferrals(
  source: ExtractSource,
  reading: ReferralReading,
  log: ProblemLog,
  progress?: ProgressListener,
): Promise<ReferralsRead> {
  const patients = new Map<string, ReferredPatient>();
  const cohortsSeen = new Set<string>();
  const withInvalidRow = new Set<string>();
  let rows = 0;
  let parseRow: ((fields: string[], line: number) => ReferralRow | undefined) | undefined;
  await visitRecords(source, {
    header: (fields) => {
      parseRow = referralRowParser(fields, source, reading, log, withInvalidRow);
    },
    record: (fields, line) => {
      rows++;
      const row = parseRow!(fields, line);
      if (!row) return;
      addReferral(patients, row);
      cohortsSeen.add(row.cohort);
    },
  }, progress);
  return { patients, cohortsSeen: [...cohortsSeen], rows, withInvalidRow };
}
