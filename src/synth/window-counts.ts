/**
 * How many counted events each patient has in each window. Real per-patient counts are overdispersed
 * (most patients none, a few many) and a patient's use is correlated across windows and outcomes, so
 * each patient gets one gamma frailty shared by all four counts (a gamma–Poisson, i.e. negative
 * binomial, mixture), with a milder per-count gamma so that pre and post are not in lockstep.
 */
import { frailty, pickIndexWeighted, poisson } from "./distributions.js";
import type { Random } from "./random.js";
import type { WindowTotals } from "./west-kent-cohorts.js";

/** Shape of the patient-level frailty: variance 1 / 0.6, so about four in five have no A&E visit. */
export const PATIENT_FRAILTY_SHAPE = 0.6;
/** Shape of the per-window, per-outcome multiplier (variance 1/4). */
const WINDOW_FRAILTY_SHAPE = 4;

export interface WindowCounts {
  aePre: number;
  aePost: number;
  admissionsPre: number;
  admissionsPost: number;
}

export interface CohortTotals {
  patients: number;
  ae: WindowTotals;
  admissions: WindowTotals;
}

/** The expected count of one window for a patient with this frailty, around the cohort's mean. */
function expected(random: Random, cohortTotal: number, patients: number, patientFrailty: number): number {
  return (cohortTotal / patients) * patientFrailty * frailty(random, WINDOW_FRAILTY_SHAPE);
}

/**
 * Per-patient counts summing to exactly `total`: a Poisson draw around each patient's mean, then
 * single events added (to patients drawn in proportion to their mean, so heavy users gain most) or
 * removed (from events drawn uniformly) until the sum is right. Deterministic given `random`.
 */
export function countsWithTotal(random: Random, means: readonly number[], total: number): number[] {
  const counts = means.map((mean) => poisson(random, mean));
  let sum = counts.reduce((a, b) => a + b, 0);
  const anyWeight = means.some((mean) => mean > 0);
  while (sum < total) {
    const i = anyWeight ? pickIndexWeighted(random, means) : random.int(0, counts.length - 1);
    counts[i] = (counts[i] ?? 0) + 1;
    sum++;
  }
  while (sum > total) {
    const i = pickIndexWeighted(random, counts);
    counts[i] = (counts[i] ?? 0) - 1;
    sum--;
  }
  return counts;
}

/** Every patient's four counts, with each cohort total exactly as given. */
export function exactWindowCounts(random: Random, frailties: readonly number[], totals: CohortTotals): WindowCounts[] {
  const n = frailties.length;
  const column = (total: number): number[] =>
    countsWithTotal(
      random,
      frailties.map((u) => expected(random, total, totals.patients, u)),
      total,
    );
  const aePre = column(totals.ae.pre);
  const aePost = column(totals.ae.post);
  const admissionsPre = column(totals.admissions.pre);
  const admissionsPost = column(totals.admissions.post);
  return Array.from({ length: n }, (_, i) => ({
    aePre: aePre[i] ?? 0,
    aePost: aePost[i] ?? 0,
    admissionsPre: admissionsPre[i] ?? 0,
    admissionsPost: admissionsPost[i] ?? 0,
  }));
}

/** Counts drawn at the cohort's rates with no total to hit: for patients the rules exclude. */
export function drawnWindowCounts(random: Random, patientFrailty: number, totals: CohortTotals): WindowCounts {
  const draw = (total: number): number => poisson(random, expected(random, total, totals.patients, patientFrailty));
  return {
    aePre: draw(totals.ae.pre),
    aePost: draw(totals.ae.post),
    admissionsPre: draw(totals.admissions.pre),
    admissionsPost: draw(totals.admissions.post),
  };
}
