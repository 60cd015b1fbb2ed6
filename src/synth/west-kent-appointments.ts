/**
 * The West Kent example's appointment extracts: outpatients (SUS+ OP, over the same span as the other
 * SUS extracts) and general practice (an ICB primary-care extract, asked for the evaluation's data
 * coverage only, as such extracts are requested for a study). Each is drawn from its own stream, after
 * and apart from the referrals, A&E and admissions, whose rows they leave as they were.
 */
import type { Day } from "../core/day.js";
import { GP_APPOINTMENTS_PER_SIX_MONTHS, GP_STATUSES, OUTPATIENT_STATUSES, OUTPATIENTS_PER_SIX_MONTHS } from "./appointment-codes.js";
import { type AppointmentExtract, personAppointments } from "./appointments.js";
import type { Random } from "./random.js";
import type { AppointmentRow } from "./rows.js";
import { ACTIVITY_SPAN, COVERAGE, windowsAround } from "./west-kent-calendar.js";
import type { WestKentCohort } from "./west-kent-cohorts.js";

/** Everyone in the example's activity extracts, with what their appointments are drawn from. */
export interface WestKentPerson {
  patientId: string;
  age: number;
  frailty: number;
  /** A referred patient's first intervention and cohort (included or excluded alike). */
  referral?: { indexDate: Day; cohort: WestKentCohort };
  /** A resident never referred (not a comparison patient). */
  resident?: boolean;
}

/**
 * Share of the never-referred residents whose appointments are in the extracts. Their rows are there
 * to be ignored (activity of others); all of them would quadruple the files and show nothing more.
 */
const RESIDENTS_IN_APPOINTMENT_EXTRACTS = 0.2;

export const OUTPATIENT_EXTRACT: AppointmentExtract = { span: ACTIVITY_SPAN, perSixMonths: OUTPATIENTS_PER_SIX_MONTHS, statuses: OUTPATIENT_STATUSES };
export const GP_EXTRACT: AppointmentExtract = { span: COVERAGE, perSixMonths: GP_APPOINTMENTS_PER_SIX_MONTHS, statuses: GP_STATUSES };

/** The extract's rows, in date order as the ICB's extracts come. */
export function westKentAppointments(random: Random, people: readonly WestKentPerson[], extract: AppointmentExtract, kind: "outpatients" | "gp"): AppointmentRow[] {
  const rows: AppointmentRow[] = [];
  for (const person of people) {
    if (person.resident && !random.chance(RESIDENTS_IN_APPOINTMENT_EXTRACTS)) continue;
    const { referral } = person;
    const windows = referral ? windowsAround(referral.indexDate) : undefined;
    const change = referral?.cohort.appointments[kind];
    personAppointments(random, { ...person, ...(windows && change ? { windows, change } : {}) }, extract, rows);
  }
  // Array sort is stable: rows of one day keep the order they were drawn in.
  return rows.sort((a, b) => a.appointmentDate - b.appointmentDate);
}
