import type { Settings } from "./config/settings.js";
import { type CohortCounts, cohortFigures } from "./core/aggregate.js";
import type { CohortFigures } from "./result.js";

/**
 * One row's figures (a cohort, or the Total): rule 5 on the referred patients' counts, then the
 * comparison group's. `cohorts` are the Total's parts, which the bootstrap resamples within.
 */
export function rowFigures(
  counts: CohortCounts,
  comparison: CohortCounts | undefined,
  _settings: Settings,
  _cohorts?: readonly CohortCounts[],
  _comparisonCohorts?: readonly CohortCounts[],
): CohortFigures {
  const figures = cohortFigures(counts, counts.pre, counts.post);
  if (!comparison) return figures;
  const control = cohortFigures(comparison, comparison.pre, comparison.post);
  figures.comparison = {
    patients: control.patients,
    pre: control.pre,
    post: control.post,
    change_pct: control.change_pct,
    ci_low: null,
    ci_high: null,
  };
  figures.did_pct = figures.change_pct === null || control.change_pct === null ? null : figures.change_pct - control.change_pct;
  return figures;
}
