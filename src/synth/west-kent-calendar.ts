/** The West Kent extract's dates: the report's period, its windows, and what the synthetic data cover. */
import { addMonths, type Day, dayFromCivil } from "../core/day.js";

/** First interventions counted by the report: 1 Jan 2021 to 31 Jul 2022, both inclusive. */
export const PERIOD = { from: dayFromCivil(2021, 1, 1), to: dayFromCivil(2022, 7, 31) } as const;

/** Six calendar months before and after the first intervention. */
export const WINDOW_MONTHS = 6;

/**
 * What `evaluation.json` declares the activity extracts cover: exactly every window of the period
 * (2021-01-01 − 6 months = 2020-07-01; 2022-07-31 + 6 months = 2023-01-31), so no included patient
 * falls under `incomplete_window`.
 */
export const COVERAGE = { start: dayFromCivil(2020, 7, 1), end: dayFromCivil(2023, 1, 31) } as const;

/** Activity rows are drawn a little beyond the declared coverage, as a real ICB extract runs on. */
export const ACTIVITY_SPAN = { start: dayFromCivil(2020, 1, 1), end: dayFromCivil(2023, 6, 30) } as const;

/** The provider's referrals extract: the service's records from April 2020 to December 2022. */
export const REFERRAL_SPAN = { start: dayFromCivil(2020, 4, 1), end: dayFromCivil(2022, 12, 31) } as const;

export interface Windows {
  /** First day of the pre window (inclusive). */
  preStart: Day;
  indexDate: Day;
  /** Last day of the post window (inclusive). */
  postEnd: Day;
}

/** evaluation.md rule 3: pre is preStart ≤ d < index, post is index < d ≤ postEnd. */
export function windowsAround(indexDate: Day, months = WINDOW_MONTHS): Windows {
  return { preStart: addMonths(indexDate, -months), indexDate, postEnd: addMonths(indexDate, months) };
}
