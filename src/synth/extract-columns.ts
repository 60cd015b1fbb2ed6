/** The synthetic extracts' columns (the spec's default names) and how a row becomes its fields. */
import { isoDay } from "./iso-days.js";
import type { AppointmentRow, AttendanceRow, ComparisonRow, PopulationRow, ReferralRow, SpellRow } from "./rows.js";

export const REFERRAL_COLUMNS = ["patient_id", "cohort", "intervention_date", "consent", "onward_referrals", "age"] as const;
export const ATTENDANCE_COLUMNS = ["patient_id", "arrival_date", "attendance_category"] as const;
export const ADMISSION_COLUMNS = ["patient_id", "admission_date", "admission_method"] as const;
/** The West Kent admissions: a row per spell, its discharge date last (emergency bed days, outcomes.md). */
export const SPELL_COLUMNS = [...ADMISSION_COLUMNS, "discharge_date"] as const;
export const COMPARISON_COLUMNS = ["patient_id", "cohort", "index_date"] as const;
export const OUTPATIENT_COLUMNS = ["patient_id", "appointment_date", "attendance_status"] as const;
/** The West Kent example's population extract (matching.md): no `imd_decile` (west-kent-population.ts says why). */
export const POPULATION_COLUMNS = ["patient_id", "sex", "birth_year", "practice", "ltc_count", "registered_from", "registered_to", "died"] as const;
/** The scale mode's population extract: every column matching.md reads, the IMD decile of each person's area included. */
export const POPULATION_SCALE_COLUMNS = ["patient_id", "sex", "birth_year", "imd_decile", "practice", "ltc_count", "registered_from", "registered_to", "died"] as const;
/**
 * A primary-care extract keeps its own names, which the config's custom outcome maps
 * (`evaluation-config.ts`): no default name of prepost's fits an extract it does not know.
 */
export const GP_APPOINTMENT_COLUMNS = ["Patient_Pseudo", "Appointment_Date", "Status"] as const;

/**
 * The scale mode's ae.csv: the spec's columns, then the other columns of an ECDS export (which no
 * rule reads), so that a benchmark reads rows as wide as a real extract's.
 */
export const POPULATION_ATTENDANCE_COLUMNS = [
  ...ATTENDANCE_COLUMNS,
  "attendance_id",
  "arrival_time",
  "department_type",
  "provider_code",
  "arrival_mode",
  "chief_complaint",
  "discharge_destination",
  "age_band",
  "lsoa",
] as const;

/** The scale mode's admissions.csv: the spec's columns (`episode_order` included), then a SUS export's. */
export const POPULATION_ADMISSION_COLUMNS = [
  ...ADMISSION_COLUMNS,
  "episode_order",
  "spell_id",
  "admission_source",
  "provider_code",
  "main_specialty",
  "primary_diagnosis",
  "discharge_date",
  "lsoa",
] as const;

/** The scale mode's outpatients.csv: the spec's columns, then a SUS+ outpatient export's. */
export const POPULATION_OUTPATIENT_COLUMNS = [
  ...OUTPATIENT_COLUMNS,
  "attendance_id",
  "provider_code",
  "treatment_function_code",
  "first_attendance",
  "age_band",
  "lsoa",
] as const;

/** The scale mode's gp-appointments.csv: the extract's own three, then a GP appointments export's. */
export const POPULATION_GP_APPOINTMENT_COLUMNS = [...GP_APPOINTMENT_COLUMNS, "Practice_Code", "HCP_Type", "Appt_Mode", "LSOA"] as const;

export function referralFields(row: ReferralRow): string[] {
  return [row.patientId, row.cohort, isoDay(row.interventionDate), row.consent, row.onwardReferrals, row.age];
}

export function attendanceFields(row: AttendanceRow): string[] {
  return [row.patientId, isoDay(row.arrivalDate), row.category];
}

export function spellFields(row: SpellRow): string[] {
  return [row.patientId, isoDay(row.admissionDate), row.method, row.dischargeDate === null ? "" : isoDay(row.dischargeDate)];
}

export function appointmentFields(row: AppointmentRow): string[] {
  return [row.patientId, isoDay(row.appointmentDate), row.status];
}

export function comparisonFields(row: ComparisonRow): string[] {
  return [row.patientId, row.cohort, isoDay(row.indexDate)];
}

export function populationFields(row: PopulationRow): string[] {
  const date = (day: number | null) => (day === null ? "" : isoDay(day));
  return [row.patientId, row.sex, String(row.birthYear), row.practice, String(row.ltcCount), date(row.registeredFrom), date(row.registeredTo), date(row.died)];
}

/** Rows mapped to fields lazily, so that writing never holds a second copy of an extract. */
export function* fieldsOf<T>(rows: Iterable<T>, fields: (row: T) => string[]): Generator<string[]> {
  for (const row of rows) yield fields(row);
}

/** The file names `evaluation.json` points at, relative to itself. */
export const FILES = {
  referrals: "referrals.csv",
  ae: "ae.csv",
  admissions: "admissions.csv",
  comparison: "comparison.csv",
  outpatients: "outpatients.csv",
  gpAppointments: "gp-appointments.csv",
  population: "population.csv",
  config: "evaluation.json",
  published: "published.json",
} as const;
