/** The rows of the synthetic extracts, before they are written (columns as evaluation.md names them). */
import type { Day } from "../core/day.js";

/** One intervention (a contact with a link worker); fields as the provider's export writes them. */
export interface ReferralRow {
  patientId: string;
  cohort: string;
  interventionDate: Day;
  consent: string;
  /** A whole number, or empty (which the spec reads as 0). */
  onwardReferrals: string;
  /** Age at the intervention, or empty where unknown. */
  age: string;
}

export interface AttendanceRow {
  patientId: string;
  arrivalDate: Day;
  /** ECDS attendance category: 1 unplanned first, 2 and 3 unplanned follow-up, 4 planned follow-up. */
  category: string;
}

export interface AdmissionRow {
  patientId: string;
  admissionDate: Day;
  /** SUS/HES admission method (2x emergency, 1x elective, 3x maternity, 8x other). */
  method: string;
}

/**
 * A spell of the West Kent admissions extract (a row per spell), with its discharge date: null where
 * the patient was still in hospital at the extract's end (an open spell, outcomes.md).
 */
export interface SpellRow extends AdmissionRow {
  dischargeDate: Day | null;
}

/**
 * One booked appointment, whether or not it took place: of the outpatient extract (SUS+ OP / HES OP,
 * `status` their ATTENDED OR DID NOT ATTEND code) or of a primary-care extract (the clinical
 * system's status, `Finished`, `Did Not Attend`…).
 */
export interface AppointmentRow {
  patientId: string;
  appointmentDate: Day;
  status: string;
}

/** One patient of the matched comparison group (statistics.md). */
export interface ComparisonRow {
  patientId: string;
  cohort: string;
  indexDate: Day;
}

/** One person of the registered population (matching.md); null where a date is not given. */
export interface PopulationRow {
  patientId: string;
  sex: string;
  birthYear: number;
  practice: string;
  ltcCount: number;
  registeredFrom: Day | null;
  registeredTo: Day | null;
  died: Day | null;
}

/** Where one person's activity rows go. */
export interface ActivitySink {
  attendances: AttendanceRow[];
  admissions: AdmissionRow[];
}
