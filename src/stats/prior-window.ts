/**
 * The regression-to-the-mean check of statistics.md ("Regression to the mean: the prior window").
 * People are referred when things are bad, so their use tends to fall afterwards with or without a
 * service (A. G. Barnett, J. C. van der Pols and A. J. Dobson, "Regression to the mean: what it is and
 * how to deal with it", International Journal of Epidemiology 34 (2005) 215–220). The window before
 * the pre window shows whether use was already rising into the referral.
 */
import { addMonths, type Day } from "../core/day.js";
import { changePct } from "./change-pct.js";

export interface StudyWindow {
  count: number;
  unit: "m" | "d";
}

/**
 * The first day of the prior window, `prior_start ≤ d < pre_start`: the index date 2N calendar months
 * earlier, the day clamped to the month's end, for `Nm`; 2N days earlier for `Nd`. It is counted from
 * the index date, not from `pre_start`, as the spec words it, so that after a clamp the two can differ
 * by a day (index 31 Jul, 1m: pre_start 30 Jun, prior_start 31 May).
 */
export function priorWindowStart(indexDay: Day, window: StudyWindow): Day {
  if (!Number.isInteger(window.count) || window.count < 1) {
    throw new Error(`priorWindowStart: the window must be a whole number ≥ 1 (got ${window.count})`);
  }
  return window.unit === "m" ? addMonths(indexDay, -2 * window.count) : indexDay - 2 * window.count;
}

/** Per patient of a row: whether their prior window is covered by the data, and their counts. */
export interface PriorWindowCounts {
  /** `prior_start ≥ data_start`: only these patients enter the check. */
  priorCovered: ArrayLike<boolean>;
  /** Each patient's count in the prior window (read only where covered). */
  prior: ArrayLike<number>;
  /** Each patient's count in the pre window. */
  pre: ArrayLike<number>;
}

export interface PriorWindowCheck {
  prior_patients: number;
  prior: number | null;
  prior_pre: number | null;
  prior_change_pct: number | null;
}

/**
 * `prior_patients`, `prior`, `prior_pre` and `prior_change_pct = (prior_pre − prior) / prior × 100`
 * over the patients whose prior window is covered; null where `prior` is 0, and 0 patients with the
 * rest null where no patient qualifies. A patient not covered stays in every other figure.
 */
export function priorWindowCheck(counts: PriorWindowCounts): PriorWindowCheck {
  const { priorCovered, prior, pre } = counts;
  if (priorCovered.length !== prior.length || prior.length !== pre.length) {
    throw new Error(
      `priorWindowCheck: priorCovered, prior and pre must have one entry per patient (got ${priorCovered.length}, ${prior.length}, ${pre.length})`,
    );
  }
  let patients = 0;
  let priorSum = 0;
  let preSum = 0;
  for (let i = 0; i < pre.length; i++) {
    if (!priorCovered[i]) continue;
    patients++;
    priorSum += prior[i]!;
    preSum += pre[i]!;
  }
  if (patients === 0) return { prior_patients: 0, prior: null, prior_pre: null, prior_change_pct: null };
  return { prior_patients: patients, prior: priorSum, prior_pre: preSum, prior_change_pct: changePct(priorSum, preSum) };
}

/** Above this rise into the referral, in per cent, the table warns of regression to the mean. */
export const RISING_INTO_REFERRAL_PCT = 10;

/** Use rose by more than 10% from the prior window to the pre window (statistics.md). */
export function isRisingIntoReferral(priorChangePct: number | null): boolean {
  return priorChangePct !== null && priorChangePct > RISING_INTO_REFERRAL_PCT;
}

/** What the table says of a row where use was rising into the referral. */
export const RISING_INTO_REFERRAL_WORDS =
  "Use was rising into the referral (more than 10% up on the window before), so part of the fall after it may be regression to the mean rather than the service.";
