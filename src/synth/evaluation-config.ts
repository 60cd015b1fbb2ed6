/**
 * The `evaluation.json` written beside a synthetic extract: the West Kent report's rules (first
 * interventions 2021-01-01 to 2022-07-31, consent, at least one onward referral, adults, six-month
 * windows), the data coverage the synthetic activity extracts declare, and the outcomes they give
 * (outcomes.md). An extract not written (the scale mode's A&E-only population) is not named.
 */
import { GP_SEEN_STATUSES } from "./appointment-codes.js";
import { isoDay } from "./iso-days.js";
import { FILES, GP_APPOINTMENT_COLUMNS } from "./extract-columns.js";
import { COVERAGE, PERIOD, WINDOW_MONTHS } from "./west-kent-calendar.js";
import { WEST_KENT_COHORTS } from "./west-kent-cohorts.js";

/** Which extracts were written beside the config. */
export interface WrittenExtracts {
  comparison: boolean;
  /** A&E attendances and admissions are written unless said otherwise. */
  ae?: boolean;
  admissions?: boolean;
  outpatients?: boolean;
  gpAppointments?: boolean;
  population?: boolean;
}

const [PATIENT, DATE, STATUS] = GP_APPOINTMENT_COLUMNS;

/** The primary-care extract as a custom outcome: its own column names, and the statuses of a seen patient. */
export const GP_APPOINTMENTS_OUTCOME = {
  id: "gp_appointments",
  label: "GP appointments",
  extract: FILES.gpAppointments,
  columns: { patient_id: PATIENT, event_date: DATE },
  countWhere: { column: STATUS, in: [...GP_SEEN_STATUSES] },
} as const;

/**
 * Every outcome the extracts give, in the order of outcomes.md's table. Emergency bed days are listed
 * because they are reported only when listed; the admissions carry the discharge dates they need.
 */
function outcomesOf(written: WrittenExtracts): string[] {
  return [
    ...(written.ae !== false ? ["ae_attendances"] : []),
    ...(written.admissions !== false ? ["unplanned_admissions", "emergency_bed_days"] : []),
    ...(written.outpatients ? ["outpatient_attendances"] : []),
    ...(written.gpAppointments ? [GP_APPOINTMENTS_OUTCOME.id] : []),
  ];
}

/** Where the example's age bands start (statistics.md, breakdowns): the report's adults, in four bands. */
export const EXAMPLE_AGE_BANDS = [18, 35, 55, 75] as const;

/**
 * The report applies "adults only" to the PCN cohort; the other three are adults by definition (and
 * the generator makes them so), so one global minimum age of 18 excludes the same patients. With
 * `ageBands`, every outcome is broken down by age band too: the referrals carry each patient's age.
 */
export function evaluationConfig(written: WrittenExtracts, options: { ageBands?: boolean } = {}): object {
  return {
    referrals: FILES.referrals,
    ...(written.ae !== false ? { ae: FILES.ae } : {}),
    ...(written.admissions !== false ? { admissions: FILES.admissions } : {}),
    ...(written.comparison ? { comparison: FILES.comparison } : {}),
    ...(written.outpatients ? { outpatients: FILES.outpatients } : {}),
    ...(written.gpAppointments ? { customOutcomes: [GP_APPOINTMENTS_OUTCOME] } : {}),
    outcomes: outcomesOf(written),
    cohorts: WEST_KENT_COHORTS.map(({ cohort, label }) => ({ cohort, label })),
    // After the keys the evaluation reads: only matching reads it (prepost match, evaluate --match).
    ...(written.population ? { population: FILES.population } : {}),
    from: isoDay(PERIOD.from),
    to: isoDay(PERIOD.to),
    window: `${WINDOW_MONTHS}m`,
    dataStart: isoDay(COVERAGE.start),
    dataEnd: isoDay(COVERAGE.end),
    requireConsent: true,
    minOnwardReferrals: 1,
    minAge: 18,
    ...(options.ageBands ? { by: ["age_band"], ageBands: [...EXAMPLE_AGE_BANDS] } : {}),
  };
}

export function jsonText(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
