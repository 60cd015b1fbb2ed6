/**
 * The regression-to-the-mean check of statistics.md ("Regression to the mean: the prior window").
 * People are referred when things are bad, so their use tends to fall afterwards with or without a
 * service (A. G. Barnett, J. C. van der Pols and A. J. Dobson, "Regression to the mean: what it is and
 * how to deal with it", International Journal of Epidemiology 34 (2005) 215–220). The window before
 * the pre window shows whether use was already rising into the referral.
 */
import { changePct } from "../core/aggregate.js";
import { tabulateProfiles, type ProfileTable } from "./profile-table.js";

/** Per patient of a row: whether their prior window is covered by the data, and their counts. */
export interface PriorWindowCounts {
  /** `prior_start ≥ data_start`: only these patients enter the check. */
  priorCovered: ArrayLike<boolean | number>;
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

/** The fields of a prior-window profile: covered (0 or 1), prior, pre. */
export const COVERED_FIELD = 0;
export const PRIOR_FIELD = 1;
export const PRIOR_PRE_FIELD = 2;
export const PRIOR_WIDTH = 3;

/** The patients tabulated by (covered, prior, pre), what the check reads. */
export function tabulatePriorWindow(counts: PriorWindowCounts): ProfileTable {
  const { priorCovered, prior, pre } = counts;
  if (priorCovered.length !== prior.length || prior.length !== pre.length) {
    throw new Error(
      `tabulatePriorWindow: priorCovered, prior and pre must have one entry per patient (got ${priorCovered.length}, ${prior.length}, ${pre.length})`,
    );
  }
  return tabulateProfiles([priorCovered, prior, pre]);
}

/**
 * `prior_patients`, `prior`, `prior_pre` and `prior_change_pct = (prior_pre − prior) / prior × 100`
 * over the patients whose prior window is covered; null where `prior` is 0, and 0 patients with the
 * rest null where no patient qualifies. A patient not covered stays in every other figure.
 *
 * @param table the row's patients tabulated by (covered, prior, pre) (`tabulatePriorWindow`)
 */
export function priorWindowCheck(table: ProfileTable): PriorWindowCheck {
  if (table.width !== PRIOR_WIDTH) {
    throw new Error(`priorWindowCheck: profiles must be (covered, prior, pre) (got width ${table.width})`);
  }
  let patients = 0;
  let priorSum = 0;
  let preSum = 0;
  for (let profile = 0; profile < table.patients.length; profile++) {
    const at = profile * PRIOR_WIDTH;
    if (table.profiles[at + COVERED_FIELD] === 0) continue;
    const times = table.patients[profile]!;
    patients += times;
    priorSum += times * table.profiles[at + PRIOR_FIELD]!;
    preSum += times * table.profiles[at + PRIOR_PRE_FIELD]!;
  }
  if (patients === 0) return { prior_patients: 0, prior: null, prior_pre: null, prior_change_pct: null };
  return { prior_patients: patients, prior: priorSum, prior_pre: preSum, prior_change_pct: changePct(priorSum, preSum) };
}
