/**
 * The shape the pipeline hands the statistics: a row's eligible patients as two parallel arrays of
 * whole-number counts, one entry per patient (zero where they had no activity, evaluation.md rule 4),
 * so that a cohort of 100 000 patients is two typed arrays rather than 100 000 objects. The
 * statistics read them once, into a table of distinct (pre, post) pairs (`tabulatePairs`).
 */
import { tabulateProfiles, type ProfileTable } from "./profile-table.js";

export interface PatientCounts {
  /** Each patient's count in the pre window. */
  pre: ArrayLike<number>;
  /** The same patients' counts in the post window, in the same order. */
  post: ArrayLike<number>;
}

/** Where a pairs table holds a profile's counts: pre first, post second. Further fields may follow. */
export const PRE_FIELD = 0;
export const POST_FIELD = 1;
export const PAIR_WIDTH = 2;

/**
 * The patients tabulated by (pre, post): what the paired test, the shares with any use and the
 * bootstrap read.
 */
export function tabulatePairs(counts: PatientCounts): ProfileTable {
  const { pre, post } = counts;
  if (pre.length !== post.length) {
    throw new Error(`tabulatePairs: pre and post must have one count per patient each (got ${pre.length} and ${post.length})`);
  }
  return tabulateProfiles([pre, post]);
}
