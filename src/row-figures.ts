import type { Settings } from "./config/settings.js";
import { type CohortCounts, cohortFigures, type CohortLabel, pooledCounts } from "./core/aggregate.js";
import type { CohortFigures } from "./result.js";
import type { MatchedSetCounts } from "./match/matched-did.js";
import { type CohortSets, matchedRowFigures } from "./matched-figures.js";
import { TOTAL_ROW_INDEX } from "./stats/random-stream.js";
import { rowStatistics } from "./stats/row-statistics.js";

/** Which row of which outcome: it picks the row's own random stream, so rows never share draws. */
export interface RowPlace {
  /** The outcome's fixed stream (`Outcome.streamIndex`). */
  streamIndex: number;
  /** The cohort's position in the cohort order; undefined for the Total. */
  cohortIndex?: number;
  /** A breakdown row's `column=value` (its stream is its own, whatever other groups there are). */
  group?: string;
}

/**
 * One row's figures: rule 5 on the referred patients' counts (evaluation.md), then every figure of
 * statistics.md. A cohort row has one cohort; the Total has them all, pooled for every figure but the
 * bootstrap, which resamples within each cohort. `comparison` is given cohort for cohort; where it
 * was matched, `matched` gives its sets instead (the comparison's figures are then the sets').
 */
export function rowFigures(
  label: CohortLabel,
  cohorts: readonly CohortCounts[],
  comparison: readonly CohortCounts[] | undefined,
  place: RowPlace,
  settings: Pick<Settings, "bootstrap" | "seed">,
  matched?: { strata: readonly MatchedSetCounts[]; sets: readonly CohortSets[] },
): CohortFigures {
  const pooled = cohorts.length === 1 ? cohorts[0]! : pooledCounts(cohorts);
  const rowIndex = place.cohortIndex ?? TOTAL_ROW_INDEX;
  const statistics = rowStatistics(
    cohorts,
    {
      bootstrap: settings.bootstrap,
      seed: settings.seed,
      outcomeIndex: place.streamIndex,
      rowIndex,
      ...(place.group !== undefined ? { group: place.group } : {}),
    },
    matched ? undefined : comparison,
  );
  if (!matched) return { ...cohortFigures(label, pooled.pre, pooled.post), ...statistics };
  // In the field order of `CohortFigures`: the comparison's figures before the warnings.
  const { warnings, ...rest } = statistics;
  const sets = matchedRowFigures(matched.strata, matched.sets, { streamIndex: place.streamIndex, rowIndex }, settings);
  return { ...cohortFigures(label, pooled.pre, pooled.post), ...rest, ...sets, warnings };
}
