import type { Day } from "../core/day.js";
import { type ColumnPositions, findColumns } from "../io/columns.js";
import { consentField, optionalTextField, optionalWholeNumberField, patientIdField, requiredDayField, requiredTextField } from "./fields.js";
import { isMissingToken } from "./missing-values.js";
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
  /** The `row_order` column's value, where one is mapped (warehouse.md): it, not the line, orders the rows. */
  rowOrder?: string;
  /** The row's value of each column the breakdowns read (`--by`), "" where missing. */
  groups: string[];
  line: number;
}

export const REFERRAL_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "cohort", required: true },
  { name: "intervention_date", required: true },
  { name: "consent", required: false },
  { name: "onward_referrals", required: false },
  { name: "age", required: false },
  // Rule 1's "file order" where a table has none (warehouse.md); a local run orders by it too.
  { name: "row_order", required: false },
] as const;

/**
 * The patient an invalid row names: the trimmed field at the patient_id position, where it is not
 * empty and not a missing-value token. Taken even from a row with the wrong number of fields (an
 * unquoted comma shifts only the fields after it, and patient_id usually comes first): a patient
 * wrongly taken as having an invalid row is excluded, never miscounted.
 */
export function rejectedPatientOf(fields: readonly string[], position: number): string | undefined {
  const field = (fields[position] ?? "").trim();
  return field.length > 0 && !isMissingToken(field) ? field : undefined;
}

/**
 * Builds the row parser for a referrals extract from its header. The patient of every invalid row
 * goes into `rejected` (see `rejectedPatientOf`), so that a skipped row can never move their index
 * date to a later contact. `report` hears which headers were read, and the dates' format.
 */
export function referralRowParser(
  header: string[],
  source: ExtractSource,
  log: ProblemLog,
  rejected: Set<string>,
  report?: ExtractReading,
  groupColumns: readonly string[] = [],
) {
  // The breakdowns' columns beyond the spec's are read too; a setting needs each (`source.needed`).
  const beyond = groupColumns.filter((column) => !REFERRAL_COLUMNS.some((spec) => spec.name === column)).map((name) => ({ name, required: false }));
  const { at: found, used } = findColumns<string>(header, wantedColumns<string>(source, [...REFERRAL_COLUMNS, ...beyond]), source);
  // Every wanted column has a position (−1 where an optional one is not there).
  const at = found as ColumnPositions<(typeof REFERRAL_COLUMNS)[number]["name"]>;
  const groupAt = groupColumns.map((column) => found[column]!);
  if (report) report.columns = used;
  // Messages name a column by the extract's own header for it, as the user sees it in the file.
  const name = (column: string) => used[column]?.header ?? source.columns[column] ?? column;
  const row = new RowReader("referrals", source.file, header.length, log);
  const cohortField = requiredTextField("a cohort");
  const rowOrderField = requiredTextField("a row order (columns.referrals.row_order)");
  const dateField = requiredDayField(source.format.dateFormat);
  if (report) report.dateFormats = { intervention_date: null };
  const finish = () => {
    if (report) report.dateFormats.intervention_date = dateField.format ?? null;
  };
  const reject = (fields: readonly string[]): undefined => {
    const patientId = rejectedPatientOf(fields, at.patient_id);
    if (patientId !== undefined) rejected.add(patientId);
    return undefined;
  };

  return Object.assign((fields: string[], line: number): ReferralRow | undefined => {
    if (!row.begin(fields, line)) return reject(fields);
    const patientId = row.read(patientIdField, at.patient_id, name("patient_id"));
    const cohort = row.read(cohortField, at.cohort, name("cohort"));
    const interventionDate = row.read(dateField, at.intervention_date, name("intervention_date"));
    const consent = row.read(consentField, at.consent, name("consent"));
    const onwardReferrals = row.read(optionalWholeNumberField, at.onward_referrals, name("onward_referrals"));
    const age = row.read(optionalWholeNumberField, at.age, name("age"));
    const rowOrder = at.row_order >= 0 ? row.read(rowOrderField, at.row_order, name("row_order")) : undefined;
    const groups = groupColumns.map((column, i) => row.read(optionalTextField, groupAt[i]!, name(column)) ?? "");
    if (!row.end()) return reject(fields);
    return {
      patientId: patientId!,
      cohort: cohort!,
      interventionDate: interventionDate!,
      consent: consent ?? false,
      onwardReferrals: onwardReferrals ?? 0,
      age,
      ...(rowOrder !== undefined ? { rowOrder } : {}),
      groups,
      line,
    };
  }, { finish });
}
