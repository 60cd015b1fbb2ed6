import { inList } from "../io/sql-words.js";
import { listSeesMissing, missingAsEmptySql } from "../extracts/missing-values.js";
import type { ActivityExtract, Outcome } from "./outcome.js";

export const OUTPATIENTS_EXTRACT: ActivityExtract = {
  name: "outpatients",
  what: "the outpatient appointments extract",
  dateColumn: "appointment_date",
  dateWellKnown: ["Appointment_Date", "APPTDATE"],
  help: "outpatient appointments extract (CSV or .parquet): patient_id, appointment_date, attendance_status",
};

/** SUS+ OP / HES OP `ATTENDED`: 5 seen on time, 6 arrived late but seen (outcomes.md); `attendedCodes` replaces the list. */
export const DEFAULT_ATTENDED_CODES = ["5", "6"] as const;

/** Outpatient attendances: appointments the patient attended; did-not-attend, cancelled and unknown are `not_attended`. */
export const outpatientAttendances: Outcome = {
  id: "outpatient_attendances",
  label: "Outpatient attendances",
  extract: OUTPATIENTS_EXTRACT,
  columns: [{ name: "attendance_status", required: true, kind: "text", wellKnown: ["Attendance_Status", "ATTENDED"] }],
  reasons: ["not_attended"],
  describe: (_reason, settings) => `not attended (status other than ${settings.attendedCodes.join(", ") || "none"}: did not attend, cancelled, not seen)`,
  costName: "outpatient",
  adds: "one",
  byDefault: true,
  streamIndex: 3,
  assumption: (settings) => `attendance status counted as attended: ${settings.attendedCodes.join(", ") || "none"}`,
  rule(settings) {
    const codes = settings.attendedCodes;
    const attended = new Set(codes);
    return {
      notCountable: (row) => (attended.has(row.attendance_status!) ? undefined : "not_attended"),
      notCountableSql: (column, words) => {
        const status = listSeesMissing(codes) ? missingAsEmptySql(column("attendance_status")!, words) : column("attendance_status")!;
        return [{ reason: "not_attended", when: `NOT (${inList(status, codes, words)})` }];
      },
    };
  },
};
