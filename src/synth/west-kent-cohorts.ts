/**
 * The four cohorts of Involve Kent's West Kent report (February 2023), with the counts the synthetic
 * extract must reproduce exactly (evaluation.md, "The published West Kent figures"), and how each
 * cohort's synthetic patients look.
 */

export interface WindowTotals {
  pre: number;
  post: number;
}

/** Ages at the first intervention: a rounded normal kept within [min, max]. */
export interface AgeProfile {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/**
 * An appointment rate's factor in the pre and post windows, against the person's rate elsewhere.
 * The report published no outpatient or GP figures: these only give each cohort a plausible change.
 */
export interface AppointmentChange {
  pre: number;
  post: number;
}

export interface WestKentCohort {
  cohort: string;
  label: string;
  /** Included patients, as published. */
  patients: number;
  /** Counted A&E attendances in the six months before and after, as published. */
  ae: WindowTotals;
  /** Counted unplanned (emergency) admissions, as published. */
  admissions: WindowTotals;
  age: AgeProfile;
  /**
   * The matched comparison group's fall, as a fraction of its pre-window count. Smaller than the
   * cohort's, as the City and Hackney evaluation found once it had a comparison group.
   */
  comparisonFall: { ae: number; admissions: number };
  /**
   * Outpatient and GP appointments of its referred patients: raised before the referral, by a
   * cohort in ill health most; a little lower after it, the GP appointments most (link workers take
   * on some of what brought people to their GP).
   */
  appointments: { outpatients: AppointmentChange; gp: AppointmentChange };
}

export const WEST_KENT_COHORTS: readonly WestKentCohort[] = [
  {
    cohort: "COHORT 1",
    label: "Adult 'Carers'",
    patients: 1486,
    ae: { pre: 363, post: 291 },
    admissions: { pre: 167, post: 159 },
    age: { mean: 56, sd: 15, min: 18, max: 94 },
    comparisonFall: { ae: 0.06, admissions: 0.02 },
    appointments: { outpatients: { pre: 1.15, post: 1.08 }, gp: { pre: 1.3, post: 1.12 } },
  },
  {
    cohort: "COHORT 2",
    label: "Over 55s with frailty / ill health",
    patients: 2579,
    ae: { pre: 1633, post: 1247 },
    admissions: { pre: 907, post: 860 },
    age: { mean: 77, sd: 8.5, min: 55, max: 101 },
    comparisonFall: { ae: 0.07, admissions: 0.03 },
    appointments: { outpatients: { pre: 1.5, post: 1.42 }, gp: { pre: 1.6, post: 1.4 } },
  },
  {
    cohort: "COHORT 3",
    label: "18-55 years olds with ill health",
    patients: 339,
    ae: { pre: 229, post: 186 },
    admissions: { pre: 107, post: 104 },
    age: { mean: 39, sd: 10, min: 18, max: 55 },
    comparisonFall: { ae: 0.05, admissions: 0.01 },
    appointments: { outpatients: { pre: 1.4, post: 1.3 }, gp: { pre: 1.6, post: 1.35 } },
  },
  {
    cohort: "COHORT 4",
    label: "Primary Care Network 'ARRS' patients",
    patients: 1504,
    ae: { pre: 1032, post: 873 },
    admissions: { pre: 386, post: 354 },
    age: { mean: 61, sd: 18, min: 18, max: 99 },
    comparisonFall: { ae: 0.08, admissions: 0.02 },
    appointments: { outpatients: { pre: 1.3, post: 1.24 }, gp: { pre: 1.7, post: 1.45 } },
  },
];

/** The report applies "adults only" to this cohort: its synthetic extract holds some under-18s. */
export const PCN_COHORT = "COHORT 4";
