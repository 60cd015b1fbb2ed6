import { inList } from "../io/sql-words.js";
import { listSeesMissing, missingAsEmptySql } from "../extracts/missing-values.js";
import type { ActivityExtract, Outcome } from "./outcome.js";

export const AE_EXTRACT: ActivityExtract = {
  name: "ae",
  what: "the A&E attendances extract",
  dateColumn: "arrival_date",
  dateWellKnown: ["Arrival_Date", "ARRIVALDATE"],
  help: "A&E attendances extract (CSV or .parquet): patient_id, arrival_date [, attendance_category]",
};

/** A&E attendances (evaluation.md): every attendance but a planned follow-up (ECDS 4, HES 2, or the listed categories). */
export const aeAttendances: Outcome = {
  id: "ae_attendances",
  label: "A&E attendances",
  extract: AE_EXTRACT,
  columns: [{ name: "attendance_category", required: false, kind: "text", wellKnown: ["EC_AttendanceCategory", "AEATTENDCAT"] }],
  reasons: ["excluded_category"],
  describe: (_reason, settings) => `attendance category not counted (${settings.excludedAttendanceCategories.join(", ") || "none"})`,
  costName: "ae",
  adds: "one",
  byDefault: true,
  streamIndex: 0,
  /**
   * HES A&E codes a planned follow-up 2, ECDS 4: an extract whose category column is HES's
   * `AEATTENDCAT`, read with the ECDS default, would count every planned follow-up and leave out
   * category 4, in silence. Where neither the coding nor the list of categories was chosen, the run
   * asks which it is.
   */
  checkReading(reading, file, chosen) {
    if (chosen?.aeCoding || chosen?.excludedAttendanceCategories) return undefined;
    const category = reading.columns.attendance_category;
    if (!category || category.header.toUpperCase() !== "AEATTENDCAT") return undefined;
    return {
      code: "ae_coding_unsaid",
      file,
      line: 1,
      column: category.header,
      message:
        "is HES A&E's attendance category (2: a planned follow-up), but the run would read ECDS codes (4: a planned follow-up); " +
        'say which the extract uses with --ae-coding hes (config "aeCoding": "hes"), or --ae-coding ecds',
    };
  },
  assumption(settings, columns) {
    if (columns?.attendance_category === null) {
      return `${settings.aeCoding.toUpperCase()} coding; the extract has no attendance category column, so every attendance is counted (planned follow-ups included)`;
    }
    return `${settings.aeCoding.toUpperCase()} coding; categories not counted: ${settings.excludedAttendanceCategories.join(", ") || "none"}`;
  },
  neededColumns: (settings, listed): Record<string, string> =>
    listed.excludedAttendanceCategories && settings.excludedAttendanceCategories.length > 0 ? { attendance_category: "the config's excludedAttendanceCategories" } : {},
  rule(settings) {
    const excluded = new Set(settings.excludedAttendanceCategories);
    const codes = settings.excludedAttendanceCategories;
    return {
      // An extract without the column has no category: '' (excluded only if the list holds '').
      notCountable: (row) => (excluded.has(row.attendance_category ?? "") ? "excluded_category" : undefined),
      notCountableSql: (column, words) => {
        const given = column("attendance_category") ?? words.literal("");
        // A token is an empty category (missing-values.ts); it matters only to a list that holds one or ''.
        const category = listSeesMissing(codes) ? missingAsEmptySql(given, words) : given;
        return [{ reason: "excluded_category", when: inList(category, codes, words) }];
      },
    };
  },
};
