/**
 * The difference in differences over matched sets (matching.md, "The matched difference in
 * differences"), where the comparison group says which case each control was matched to
 * (`matched_to`): each included case with its included controls is a set; a case left with none is
 * unmatched and left out, as is a control whose case is not an included patient of its cohort.
 */
import type { CohortLabel } from "./core/aggregate.js";
import type { ComparisonMember } from "./core/comparison-eligibility.js";
import { type ActivityTally, countAt, PLACE } from "./core/count-in-windows.js";
import type { ReferredPatient } from "./core/index-patients.js";
import { bootstrapMatchedSets, inCountOrder, type MatchedSetCounts, matchedDifferenceInDifferences } from "./match/matched-did.js";
import type { CohortFigures } from "./result.js";
import { percentileInterval } from "./stats/percentile-interval.js";
import { streamFor } from "./stats/random-stream.js";

/** One cohort's matched sets, by subject slot, in the order of its included patients. */
export interface CohortSets {
  cases: number[];
  controls: number[][];
  unmatched: number;
  controlsWithoutCase: number;
}

/** Each cohort's sets: its included patients, each with the included controls matched to them. */
export function matchedSetsByCohort(cohorts: readonly CohortLabel[], included: readonly ReferredPatient[], controls: readonly ComparisonMember[]): CohortSets[] {
  return cohorts.map(({ cohort }) => {
    const cases = included.filter((patient) => patient.cohort === cohort);
    const controlsOf = new Map<string, number[]>(cases.map((patient) => [patient.patientId, []]));
    let controlsWithoutCase = 0;
    for (const control of controls) {
      if (control.cohort !== cohort) continue;
      const set = control.matchedTo === undefined ? undefined : controlsOf.get(control.matchedTo);
      if (set) set.push(control.slot);
      else controlsWithoutCase++;
    }
    const matched = cases.filter((patient) => controlsOf.get(patient.patientId)!.length > 0);
    return {
      cases: matched.map((patient) => patient.slot),
      controls: matched.map((patient) => controlsOf.get(patient.patientId)!),
      unmatched: cases.length - matched.length,
      controlsWithoutCase,
    };
  });
}

/** One outcome's counts of a cohort's sets: each case's, and the sum of its controls', in the order of their counts. */
export function matchedSetCounts(sets: CohortSets, tally: ActivityTally): MatchedSetCounts {
  const n = sets.cases.length;
  const counts: MatchedSetCounts = {
    casePre: new Int32Array(n),
    casePost: new Int32Array(n),
    controlsPre: new Int32Array(n),
    controlsPost: new Int32Array(n),
    controls: new Int32Array(n),
  };
  sets.cases.forEach((slot, s) => {
    counts.casePre[s] = countAt(tally, slot, PLACE.pre);
    counts.casePost[s] = countAt(tally, slot, PLACE.post);
    for (const control of sets.controls[s]!) {
      counts.controlsPre[s]! += countAt(tally, control, PLACE.pre);
      counts.controlsPost[s]! += countAt(tally, control, PLACE.post);
    }
    counts.controls[s] = sets.controls[s]!.length;
  });
  return inCountOrder(counts);
}

type MatchedFields = Required<Pick<CohortFigures, "matched_cases" | "comparison" | "did_pct" | "did_ci_low" | "did_ci_high">>;

/**
 * A row's matched figures: one stratum for a cohort row, every cohort for `Total` (resampled within
 * each). The interval resamples whole sets, from the row's own stream (`matched_sets`), so the
 * referred patients' interval of the row is drawn as it would be without a comparison group.
 */
export function matchedRowFigures(
  strata: readonly MatchedSetCounts[],
  sets: readonly CohortSets[],
  place: { streamIndex: number; rowIndex: number },
  settings: { bootstrap: number; seed: number },
): MatchedFields {
  const did = matchedDifferenceInDifferences(strata);
  const replicates = bootstrapMatchedSets(strata, settings.bootstrap, streamFor(settings.seed, place.streamIndex, place.rowIndex, "matched_sets"));
  const cases = percentileInterval(replicates.change);
  const controls = percentileInterval(replicates.comparisonChange);
  const difference = percentileInterval(replicates.did);
  return {
    matched_cases: {
      patients: did.sets,
      unmatched: sets.reduce((sum, cohort) => sum + cohort.unmatched, 0),
      controls_without_case: sets.reduce((sum, cohort) => sum + cohort.controlsWithoutCase, 0),
      pre: did.pre,
      post: did.post,
      change_pct: did.change_pct,
      ci_low: cases.low,
      ci_high: cases.high,
    },
    comparison: { ...did.comparison, ci_low: controls.low, ci_high: controls.high },
    did_pct: did.did_pct,
    did_ci_low: difference.low,
    did_ci_high: difference.high,
  };
}
