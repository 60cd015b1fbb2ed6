/**
 * The matched comparison group (statistics.md): never-referred residents, as many per cohort as the
 * cohort has included patients, matched on prior use (the same pre-window total) and given a pseudo
 * index date in the period. Their use falls less than the referred patients' (the City and Hackney
 * evaluation found no significant change once it had a comparison group), by the cohort's
 * `comparisonFall`; their totals are hit exactly, so the example's difference in differences is fixed.
 */
import { clampedNormalInt, frailty } from "./distributions.js";
import type { Random } from "./random.js";
import type { WestKentCohort } from "./west-kent-cohorts.js";
import { PERIOD } from "./west-kent-calendar.js";
import { type CohortTotals, PATIENT_FRAILTY_SHAPE } from "./window-counts.js";
import type { Day } from "../core/day.js";

export interface ComparisonPatient {
  cohort: WestKentCohort;
  indexDate: Day;
  age: number;
  frailty: number;
}

/** The comparison group's exact pre and post totals for one cohort. */
export function comparisonTotals(cohort: WestKentCohort): CohortTotals {
  const after = (pre: number, fall: number): number => Math.round(pre * (1 - fall));
  return {
    patients: cohort.patients,
    ae: { pre: cohort.ae.pre, post: after(cohort.ae.pre, cohort.comparisonFall.ae) },
    admissions: { pre: cohort.admissions.pre, post: after(cohort.admissions.pre, cohort.comparisonFall.admissions) },
  };
}

export function planComparisonGroup(random: Random, cohort: WestKentCohort): ComparisonPatient[] {
  return Array.from({ length: cohort.patients }, () => ({
    cohort,
    indexDate: random.int(PERIOD.from, PERIOD.to),
    age: clampedNormalInt(random, cohort.age.mean, cohort.age.sd, cohort.age.min, cohort.age.max),
    frailty: frailty(random, PATIENT_FRAILTY_SHAPE),
  }));
}
