import { findColumns } from "../io/columns.js";
import type { ActivitySink } from "./activity.js";
import { MISSING_DATE } from "./dates.js";
import { eventDayField, optionalTextField, patientIdField } from "./fields.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractReading } from "./reading-report.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

export const AE_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "arrival_date", required: true },
  { name: "attendance_category", required: false },
] as const;

export interface AeReading {
  /** Attendance categories that are not counted (planned follow-ups: ECDS 4, HES 2 by default). */
  excludedCategories: ReadonlySet<string>;
}

/** Builds the row parser for an A&E attendances extract (ECDS, or HES/SUS A&E) from its header. */
export function aeRowParser(header: string[], source: ExtractSource, reading: AeReading, log: ProblemLog, sink: ActivitySink, report: ExtractReading) {
  const { at, used } = findColumns(header, wantedColumns(source, AE_COLUMNS), source);
  report.columns = used;
  // Messages name a column by the extract's own header for it, as the user sees it in the file.
  const name = (column: (typeof AE_COLUMNS)[number]["name"]) => used[column]?.header ?? source.columns[column] ?? column;
  const row = new RowReader("ae", source.file, header.length, log);
  const dayField = eventDayField(source.format.dateFormat);
  report.dateFormats = { arrival_date: null };
  const noteDateFormat = () => void (report.dateFormats.arrival_date = dayField.format ?? null);
  const [patientIdColumn, arrivalDateColumn, categoryColumn] = [name("patient_id"), name("arrival_date"), name("attendance_category")];

  return Object.assign((fields: string[], line: number): void => {
    if (!row.begin(fields, line)) return;
    const patientId = row.read(patientIdField, at.patient_id, patientIdColumn);
    const day = row.read(dayField, at.arrival_date, arrivalDateColumn);
    const category = at.attendance_category < 0 ? "" : row.read(optionalTextField, at.attendance_category, categoryColumn);
    if (!row.end()) return;
    const notCountable = reading.excludedCategories.has(category!)
      ? "excluded_category"
      : day === MISSING_DATE
        ? "missing_date"
        : undefined;
    sink(patientId!, day!, notCountable);
  }, { finish: noteDateFormat });
}
