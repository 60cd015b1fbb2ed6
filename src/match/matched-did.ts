/**
 * The difference in differences over matched sets (matching.md, "Outputs"; statistics.md,
 * "Comparison group and difference in differences"): the cases' pooled change less their controls'
 * pooled change, in percentage points, and its bootstrap, which resamples whole matched sets (a case
 * with its controls), the unit that matching made, so that a case and its controls stay together
 * (P. C. Austin and D. S. Small, "The use of bootstrapping when using propensity-score matching
 * without replacement", Statistics in Medicine 33 (2014) 4306–4319).
 *
 * A set's controls together weigh as much as its case: each control's counts count 1/k in a set of
 * k controls (the usual weights of matching with a ratio, as MatchIt's for the ATT), so that a case
 * that found fewer controls than the others is not under-represented in the comparison. Where every
 * set has the same number of controls the weights change no percentage.
 */
import type { RandomSource } from "../random/xoshiro128.js";

/** The matched sets of one row (a cohort), a set a position. */
export interface MatchedSetCounts {
  /** Sets in the order of their counts (`inCountOrder`), so that a resample does not depend on the order patients were listed in. */
  casePre: Int32Array;
  casePost: Int32Array;
  /** The sums of the set's controls' counts, and how many controls it has (1 or more). */
  controlsPre: Int32Array;
  controlsPost: Int32Array;
  controls: Int32Array;
}

export interface MatchedDid {
  sets: number;
  pre: number;
  post: number;
  change_pct: number | null;
  comparison: { patients: number; pre: number; post: number; change_pct: number | null };
  did_pct: number | null;
}

function checkSets(functionName: string, sets: MatchedSetCounts): void {
  const n = sets.casePre.length;
  if ([sets.casePost, sets.controlsPre, sets.controlsPost, sets.controls].some((column) => column.length !== n)) {
    throw new Error(`${functionName}: every column of the matched sets needs one value per set`);
  }
  if (sets.controls.some((k) => k < 1)) throw new Error(`${functionName}: a matched set has at least one control`);
}

/**
 * The sets in ascending order of (case pre, case post, controls, controls' pre, controls' post): the
 * bootstrap draws sets by their place, so in this order the same sets give the same bytes however
 * they were listed (a file's order, or a warehouse's table of set profiles, docs/warehouse.md).
 */
export function inCountOrder(sets: MatchedSetCounts): MatchedSetCounts {
  const fields = [sets.casePre, sets.casePost, sets.controls, sets.controlsPre, sets.controlsPost];
  const order = Array.from({ length: sets.casePre.length }, (_, s) => s).sort((x, y) => {
    for (const field of fields) if (field[x] !== field[y]) return field[x]! - field[y]!;
    return 0;
  });
  const sorted = (field: Int32Array) => Int32Array.from(order, (s) => field[s]!);
  return { casePre: sorted(sets.casePre), casePost: sorted(sets.casePost), controlsPre: sorted(sets.controlsPre), controlsPost: sorted(sets.controlsPost), controls: sorted(sets.controls) };
}

const changePct = (pre: number, post: number): number | null => (pre === 0 ? null : ((post - pre) / pre) * 100);

/** The point estimate; with several strata (cohorts, for `Total`) their sets are pooled. */
export function matchedDifferenceInDifferences(strata: readonly MatchedSetCounts[]): MatchedDid {
  let sets = 0;
  let pre = 0;
  let post = 0;
  let patients = 0;
  let comparisonPre = 0;
  let comparisonPost = 0;
  for (const stratum of strata) {
    checkSets("matchedDifferenceInDifferences", stratum);
    for (let s = 0; s < stratum.casePre.length; s++) {
      sets++;
      pre += stratum.casePre[s]!;
      post += stratum.casePost[s]!;
      patients += stratum.controls[s]!;
      comparisonPre += stratum.controlsPre[s]! / stratum.controls[s]!;
      comparisonPost += stratum.controlsPost[s]! / stratum.controls[s]!;
    }
  }
  const change = changePct(pre, post);
  const comparisonChange = changePct(comparisonPre, comparisonPost);
  return {
    sets,
    pre,
    post,
    change_pct: change,
    comparison: { patients, pre: comparisonPre, post: comparisonPost, change_pct: comparisonChange },
    did_pct: change === null || comparisonChange === null ? null : change - comparisonChange,
  };
}

export interface MatchedReplicates {
  /** Per replicate: the cases' change, the controls' change, and their difference; NaN where a `pre` was 0. */
  change: Float64Array;
  comparisonChange: Float64Array;
  did: Float64Array;
}

/**
 * Bootstrap replicates: each draws every stratum's sets with replacement, as many as it has (the
 * strata's sizes fixed, as the cohorts of `Total` in statistics.md), and recomputes the three
 * changes from the drawn sets. `random` is consumed in order: for each replicate, for each stratum
 * in turn, one `fillUniformInts` of as many sets as it has. Give `percentileInterval` each array.
 */
export function bootstrapMatchedSets(strata: readonly MatchedSetCounts[], replicates: number, random: RandomSource): MatchedReplicates {
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new Error(`bootstrapMatchedSets: replicates must be a whole number ≥ 0 (got ${replicates})`);
  }
  for (const stratum of strata) checkSets("bootstrapMatchedSets", stratum);
  // Each set's controls' weighed counts, once: the draws only add them up.
  const weighed = strata.map((stratum) => ({
    pre: Float64Array.from(stratum.controlsPre, (count, s) => count / stratum.controls[s]!),
    post: Float64Array.from(stratum.controlsPost, (count, s) => count / stratum.controls[s]!),
  }));
  const draws = new Int32Array(Math.max(0, ...strata.map((stratum) => stratum.casePre.length)));
  const result: MatchedReplicates = { change: new Float64Array(replicates), comparisonChange: new Float64Array(replicates), did: new Float64Array(replicates) };
  for (let replicate = 0; replicate < replicates; replicate++) {
    let pre = 0;
    let post = 0;
    let comparisonPre = 0;
    let comparisonPost = 0;
    strata.forEach((stratum, t) => {
      const sets = stratum.casePre.length;
      if (sets === 0) return;
      const resample = draws.subarray(0, sets);
      random.fillUniformInts(resample, sets);
      for (let draw = 0; draw < sets; draw++) {
        const s = resample[draw]!;
        pre += stratum.casePre[s]!;
        post += stratum.casePost[s]!;
        comparisonPre += weighed[t]!.pre[s]!;
        comparisonPost += weighed[t]!.post[s]!;
      }
    });
    const change = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
    const comparisonChange = comparisonPre === 0 ? Number.NaN : ((comparisonPost - comparisonPre) / comparisonPre) * 100;
    result.change[replicate] = change;
    result.comparisonChange[replicate] = comparisonChange;
    result.did[replicate] = change - comparisonChange;
  }
  return result;
}
