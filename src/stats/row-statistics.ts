/**
 * Every statistics.md figure of one row, so that the pipeline calls one function per cohort row and
 * one for `Total`. Plain data in (each cohort's per-patient counts), plain numbers out, in the field
 * order of `CohortFigures`.
 *
 * The patients are read once, into tables of distinct profiles (`profile-table.ts`): (pre, post) for
 * the test, the shares and the bootstrap, (covered, prior, pre) for the prior window. From there on
 * the cost is in distinct profiles, not patients; `Total` merges its cohorts' tables for every figure
 * but the bootstrap, which resamples each cohort's own.
 */
import type { CohortFigures, ComparisonFigures } from "../result.js";
import { anyUsePct } from "./any-use.js";
import { bootstrapChangePct } from "./bootstrap.js";
import { changePct } from "../core/aggregate.js";
import { differenceInDifferences, differenceInDifferencesReplicates } from "./difference-in-differences.js";
import { fragileRowWarnings } from "./fragile.js";
import { PAIR_WIDTH, POST_FIELD, PRE_FIELD, tabulatePairs, type PatientCounts } from "./patient-counts.js";
import { percentileInterval } from "./percentile-interval.js";
import { PRIOR_WIDTH, priorWindowCheck, tabulatePriorWindow } from "./prior-window.js";
import { mergeProfiles, type ProfileTable } from "./profile-table.js";
import { streamFor } from "./random-stream.js";
import { wilcoxonSignedRank } from "./wilcoxon-signed-rank.js";

/** One cohort's eligible referred patients, each with pre, post and prior-window counts. */
export interface CohortPatients extends PatientCounts {
  /** Whether each patient's prior window is covered by the data (`prior_start ≥ data_start`). */
  priorCovered: ArrayLike<boolean | number>;
  /** Each patient's prior-window count (read only where covered). */
  prior: ArrayLike<number>;
}

export interface RowStatisticsSettings {
  /** `--bootstrap`: replicates per interval, 0 for none. */
  bootstrap: number;
  /** `--seed`. */
  seed: number;
  /** The outcome's fixed stream (`Outcome.streamIndex`). */
  outcomeIndex: number;
  /** The cohort's 0-based position in the cohort order, or `TOTAL_ROW_INDEX` for `Total`. */
  rowIndex: number;
  /** A breakdown row's `column=value`, which gives it a stream of its own (`streamFor`). */
  group?: string;
}

type Always = "pre_any_pct" | "post_any_pct" | "test" | "p_value" | "ci_low" | "ci_high" | "prior_patients" | "prior" | "prior_pre" | "prior_change_pct" | "warnings";
type WithComparison = "comparison" | "did_pct" | "did_ci_low" | "did_ci_high";

/** The statistics fields of a row: every one always present, the comparison's only with a comparison group. */
export type RowStatistics = Required<Pick<CohortFigures, Always>> & Pick<CohortFigures, WithComparison>;

/**
 * @param cohorts the row's referred patients: one cohort for a cohort row, every cohort for `Total`
 *   (resampled within each cohort, pooled for every other figure)
 * @param settings replicates, seed, and the row's stream indices (`streamFor`)
 * @param comparison the matched comparison group, cohort for cohort as `cohorts`; without it the
 *   comparison fields are absent
 */
export function rowStatistics(
  cohorts: readonly CohortPatients[],
  settings: RowStatisticsSettings,
  comparison?: readonly PatientCounts[],
): RowStatistics {
  if (comparison !== undefined && comparison.length !== cohorts.length) {
    throw new Error(`rowStatistics: the comparison group needs one entry per cohort (got ${comparison.length} for ${cohorts.length})`);
  }
  const pairs = cohorts.map((cohort) => tabulatePairs(cohort));
  const pooled = mergeProfiles(PAIR_WIDTH, pairs);
  const { pre, post } = sums(pooled);
  const test = wilcoxonSignedRank(pooled);
  const comparisonPairs = comparison?.map((group) => tabulatePairs(group));
  const prior = priorWindowCheck(mergeProfiles(PRIOR_WIDTH, cohorts.map((cohort) => tabulatePriorWindow(cohort))));

  const referredReplicates = bootstrapChangePct(pairs, settings.bootstrap, streamFor(settings.seed, settings.outcomeIndex, settings.rowIndex, "referred", settings.group));
  const interval = percentileInterval(referredReplicates);

  return {
    pre_any_pct: anyUsePct(pooled, PRE_FIELD),
    post_any_pct: anyUsePct(pooled, POST_FIELD),
    test: "wilcoxon_signed_rank",
    p_value: test.pValue,
    ci_low: interval.low,
    ci_high: interval.high,
    ...prior,
    ...(comparisonPairs === undefined ? {} : comparisonStatistics(comparisonPairs, changePct(pre, post), referredReplicates, settings)),
    warnings: fragileRowWarnings(pooled.total, pre),
  };
}

/** `comparison`, `did_pct`, `did_ci_low`, `did_ci_high`: the comparison group from its own stream. */
function comparisonStatistics(
  comparison: readonly ProfileTable[],
  referredChangePct: number | null,
  referredReplicates: Float64Array,
  settings: RowStatisticsSettings,
): Required<Pick<CohortFigures, WithComparison>> {
  const replicates = bootstrapChangePct(
    comparison,
    settings.bootstrap,
    streamFor(settings.seed, settings.outcomeIndex, settings.rowIndex, "comparison", settings.group),
  );
  const figures = comparisonRow(mergeProfiles(PAIR_WIDTH, comparison), replicates);
  const didInterval = percentileInterval(differenceInDifferencesReplicates(referredReplicates, replicates));
  return {
    comparison: figures,
    did_pct: differenceInDifferences(referredChangePct, figures.change_pct),
    did_ci_low: didInterval.low,
    did_ci_high: didInterval.high,
  };
}

function comparisonRow(pooled: ProfileTable, replicates: Float64Array): ComparisonFigures {
  const { pre, post } = sums(pooled);
  const interval = percentileInterval(replicates);
  return { patients: pooled.total, pre, post, change_pct: changePct(pre, post), ci_low: interval.low, ci_high: interval.high };
}

/** The row's pre and post counts; whole numbers, so the sums are exact. */
function sums(pairs: ProfileTable): { pre: number; post: number } {
  let pre = 0;
  let post = 0;
  for (let profile = 0; profile < pairs.patients.length; profile++) {
    pre += pairs.patients[profile]! * pairs.profiles[profile * pairs.width + PRE_FIELD]!;
    post += pairs.patients[profile]! * pairs.profiles[profile * pairs.width + POST_FIELD]!;
  }
  return { pre, post };
}
