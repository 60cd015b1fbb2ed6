import { addReferral, type ReferredPatient } from "../core/index-patients.js";
import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import type { ProblemLog } from "./problem-log.js";
import { type ExtractReading, noteTextKind, startReading } from "./reading-report.js";
import { type ReferralReading, referralRowParser } from "./referrals.js";
import type { ExtractSource } from "./source.js";

export interface ReferralsRead {
  patients: Map<string, ReferredPatient>;
  /** Cohorts in order of first appearance in the file. */
  cohortsSeen: string[];
  rows: number;
  reading: ExtractReading;
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
  let rows = 0;
  let parseRow: ReturnType<typeof referralRowParser> | undefined;
  const report = startReading(source);
  await visitRecords(source, {
    textKind: (kind) => noteTextKind(report, kind),
    header: (fields) => {
      parseRow = referralRowParser(fields, source, reading, log, report);
    },
    record: (fields, line) => {
      rows++;
      const row = parseRow!(fields, line);
      if (!row) return;
      addReferral(patients, row);
      cohortsSeen.add(row.cohort);
    },
  }, progress);
  parseRow?.finish();
  return { patients, cohortsSeen: [...cohortsSeen], rows, reading: report };
}
