import type { Day } from "../core/day.js";
import { findColumns } from "../io/columns.js";
import { consentField, optionalWholeNumberField, patientIdField, requiredDayField, requiredTextField } from "./fields.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractReading } from "./reading-report.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

/** One intervention (a contact with a link worker), validated. */
export interface ReferralRow {
  patientId: string;
  cohort: string;
  interventionDate: Day;
  consent: boolean;
  onwardReferrals: number;
  age: number | undefined;
  line: number;
}

export const REFERRAL_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "cohort", required: true },
  { name: "intervention_date", required: true },
  { name: "consent", required: false },
  { name: "onward_referrals", required: false },
  { name: "age", required: false },
] as const;

export interface ReferralReading {
  /** Cohorts the config lists; a cohort outside it is an error, so none is silently mislabelled. */
  listedCohorts: ReadonlySet<string> | undefined;
}

/** Builds the row parser for a referrals extract from its header. */
export function referralRowParser(header: string[], source: ExtractSource, reading: ReferralReading, log: ProblemLog, report?: ExtractReading) {
  const { at, used } = findColumns(header, wantedColumns(source, REFERRAL_COLUMNS), source);
  if (report) report.columns = used;
  const name = (column: (typeof REFERRAL_COLUMNS)[number]["name"]) => source.columns[column] ?? column;
  const row = new RowReader("referrals", source.file, header.length, log);
  const cohortField = requiredTextField("a cohort");
  const dateField = requiredDayField(source.format.dateFormat);
  if (report) report.dateFormats = { intervention_date: null };
  const finish = () => {
    if (report) report.dateFormats.intervention_date = dateField.format ?? null;
  };

  return Object.assign((fields: string[], line: number): ReferralRow | undefined => {
    if (!row.begin(fields, line)) return undefined;
    const patientId = row.read(patientIdField, at.patient_id, name("patient_id"));
    const cohort = row.read(cohortField, at.cohort, name("cohort"));
    const interventionDate = row.read(dateField, at.intervention_date, name("intervention_date"));
    const consent = row.read(consentField, at.consent, name("consent"));
    const onwardReferrals = row.read(optionalWholeNumberField, at.onward_referrals, name("onward_referrals"));
    const age = row.read(optionalWholeNumberField, at.age, name("age"));
    if (cohort && reading.listedCohorts && !reading.listedCohorts.has(cohort)) {
      row.problem(name("cohort"), cohort, "is not one of the cohorts the config lists");
    }
    if (!row.end()) return undefined;
    return {
      patientId: patientId!,
      cohort: cohort!,
      interventionDate: interventionDate!,
      consent: consent ?? false,
      onwardReferrals: onwardReferrals ?? 0,
      age,
      line,
    };
  }, { finish });
}
