/**
 * The `evaluation.json` written beside a synthetic extract: the West Kent report's rules (first
 * interventions 2021-01-01 to 2022-07-31, consent, at least one onward referral, adults, six-month
 * windows) and the data coverage the synthetic activity extracts declare. An activity extract not
 * written (the scale mode's A&E-only population) is not named.
 */
import { isoDay } from "./iso-days.js";
import { FILES } from "./extract-columns.js";
import { COVERAGE, PERIOD, WINDOW_MONTHS } from "./west-kent-calendar.js";
import { WEST_KENT_COHORTS } from "./west-kent-cohorts.js";

/**
 * The report applies "adults only" to the PCN cohort; the other three are adults by definition (and
 * the generator makes them so), so one global minimum age of 18 excludes the same patients.
 */
export function evaluationConfig(options: { comparison: boolean; ae?: boolean; admissions?: boolean }): object {
  return {
    referrals: FILES.referrals,
    ...(options.ae !== false ? { ae: FILES.ae } : {}),
    ...(options.admissions !== false ? { admissions: FILES.admissions } : {}),
    ...(options.comparison ? { comparison: FILES.comparison } : {}),
    cohorts: WEST_KENT_COHORTS.map(({ cohort, label }) => ({ cohort, label })),
    from: isoDay(PERIOD.from),
    to: isoDay(PERIOD.to),
    window: `${WINDOW_MONTHS}m`,
    dataStart: isoDay(COVERAGE.start),
    dataEnd: isoDay(COVERAGE.end),
    requireConsent: true,
    minOnwardReferrals: 1,
    minAge: 18,
  };
}

export function jsonText(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
