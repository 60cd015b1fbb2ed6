/**
 * Every statistics.md figure of one row, so that the pipeline calls one function per cohort row and
 * one for `Total`. Plain data in (each cohort's per-patient counts), plain numbers out, in the field
 * order of `CohortFigures`.
 */
import type { CohortFigures, ComparisonFigures } from "../result.js";
import { anyUsePct } from "./any-use.js";
import { bootstrapChangePct } from "./bootstrap.js";
import { changePct } from "../core/aggregate.js";
import { differenceInDifferences, differenceInDifferencesReplicates } from "./difference-in-differences.js";
import { fragileRowWarnings } from "./fragile.js";
import type { PatientCounts } from "./patient-counts.js";
import { percentileInterval } from "./percentile-interval.js";
import { priorWindowCheck } from "./prior-window.js";
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
  /** `OUTCOME_STREAM_INDEX[outcome]`. */
  outcomeIndex: number;
  /** The cohort's 0-based position in the cohort order, or `TOTAL_ROW_INDEX` for `Total`. */
  rowIndex: number;
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
  const pooled = poolCohorts(cohorts);
  const pre = sum(pooled.pre);
  const post = sum(pooled.post);
  const test = wilcoxonSignedRank(pooled);
  const prior = priorWindowCheck({ priorCovered: poolFlags(cohorts), prior: poolCounts(cohorts.map((cohort) => cohort.prior)), pre: pooled.pre });

  const referredReplicates = bootstrapChangePct(cohorts, settings.bootstrap, streamFor(settings.seed, settings.outcomeIndex, settings.rowIndex, "referred"));
  const interval = percentileInterval(referredReplicates);

  return {
    pre_any_pct: anyUsePct(pooled.pre),
    post_any_pct: anyUsePct(pooled.post),
    test: "wilcoxon_signed_rank",
    p_value: test.pValue,
    ci_low: interval.low,
    ci_high: interval.high,
    ...prior,
    ...(comparison === undefined ? {} : comparisonStatistics(comparison, changePct(pre, post), referredReplicates, settings)),
    warnings: fragileRowWarnings(pooled.pre.length, pre),
  };
}

/** `comparison`, `did_pct`, `did_ci_low`, `did_ci_high`: the comparison group from its own stream. */
function comparisonStatistics(
  comparison: readonly PatientCounts[],
  referredChangePct: number | null,
  referredReplicates: Float64Array,
  settings: RowStatisticsSettings,
): Required<Pick<CohortFigures, WithComparison>> {
  const replicates = bootstrapChangePct(
    comparison,
    settings.bootstrap,
    streamFor(settings.seed, settings.outcomeIndex, settings.rowIndex, "comparison"),
  );
  const figures = comparisonRow(comparison, replicates);
  const didInterval = percentileInterval(differenceInDifferencesReplicates(referredReplicates, replicates));
  return {
    comparison: figures,
    did_pct: differenceInDifferences(referredChangePct, figures.change_pct),
    did_ci_low: didInterval.low,
    did_ci_high: didInterval.high,
  };
}

function comparisonRow(comparison: readonly PatientCounts[], replicates: Float64Array): ComparisonFigures {
  const pooled = poolCohorts(comparison);
  const pre = sum(pooled.pre);
  const post = sum(pooled.post);
  const interval = percentileInterval(replicates);
  return { patients: pooled.pre.length, pre, post, change_pct: changePct(pre, post), ci_low: interval.low, ci_high: interval.high };
}

function poolCohorts(cohorts: readonly PatientCounts[]): PatientCounts {
  return { pre: poolCounts(cohorts.map((cohort) => cohort.pre)), post: poolCounts(cohorts.map((cohort) => cohort.post)) };
}

function poolCounts(parts: readonly ArrayLike<number>[]): ArrayLike<number> {
  if (parts.length === 1) return parts[0]!;
  const pooled = new Float64Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    pooled.set(part, offset);
    offset += part.length;
  }
  return pooled;
}

function poolFlags(cohorts: readonly CohortPatients[]): ArrayLike<boolean | number> {
  if (cohorts.length === 1) return cohorts[0]!.priorCovered;
  const pooled: (boolean | number)[] = [];
  for (const cohort of cohorts) {
    for (let i = 0; i < cohort.priorCovered.length; i++) pooled.push(cohort.priorCovered[i]!);
  }
  return pooled;
}

/** Counts are whole numbers, so a plain sum is exact (simple-statistics' compensated `sum` wants an array). */
function sum(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return total;
}
