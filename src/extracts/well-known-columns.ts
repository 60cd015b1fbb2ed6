/**
 * The names real exports give the spec's columns (evaluation.md, "Every column a run relies on must
 * be there"): where a column is neither found by its spec name nor mapped in `columns`, the header is
 * searched for these, and a column so taken is named in the output (`inputs.columns`), never taken
 * silently. SUS+/NCDR first, then HES.
 */
export const WELL_KNOWN_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  patient_id: ["Der_Pseudo_NHS_Number", "PSEUDO_HESID", "TOKEN_PERSON_ID"],
  arrival_date: ["Arrival_Date", "ARRIVALDATE"],
  attendance_category: ["EC_AttendanceCategory", "AEATTENDCAT"],
  admission_date: ["Admission_Date", "ADMIDATE"],
  admission_method: ["Admission_Method", "ADMIMETH"],
  episode_order: ["Episode_Number", "EPIORDER"],
  discharge_date: ["Discharge_Date", "DISDATE"],
  appointment_date: ["Appointment_Date", "APPTDATE"],
  attendance_status: ["Attendance_Status", "ATTENDED"],
};
