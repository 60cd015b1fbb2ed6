/**
 * The one result object: what `evaluate` returns, what `--format json` prints, and what every
 * renderer reads. Field names follow the spec's JSON section (evaluation.md) and statistics.md;
 * numbers are unrounded; a figure that cannot be computed is `null`, never NaN or absent.
 */
import type { Settings } from "./config/settings.js";
import type { ExtractReading } from "./extracts/reading-report.js";

export type { Count, Suppressible } from "./core/count.js";
import type { Count, Suppressible } from "./core/count.js";

/** A built-in outcome's id (`ae_attendances`…, see `src/outcomes/registry.ts`) or a custom outcome's (`customOutcomes`). */
export type OutcomeId = string;

export type { AttritionStep, ComparisonExclusionReason, ExclusionReason } from "./core/eligibility-steps.js";
import type { AttritionStep, ComparisonExclusionReason, ExclusionReason } from "./core/eligibility-steps.js";

/** Rows skipped under `--skip-invalid`, per file and reason. */
export interface SkippedRows<N extends Count = number> extends Suppressible {
  file: string;
  extract: ExtractName;
  column: string;
  reason: string;
  rows: N;
  /** The first few lines skipped for this reason, so an analyst can look. */
  lines: number[];
}

/** `referrals`, `comparison`, or an activity extract's name: `ae`, `admissions`, `outpatients`, a custom outcome's id. */
export type ExtractName = string;

export type { ActivityRowAccount, NotCountableReason } from "./core/row-account.js";
import type { ActivityRowAccount } from "./core/row-account.js";
import type { CohortTotals } from "./core/aggregate.js";

/**
 * Rows read: the referrals, each activity extract under its name (`ae`, `admissions`, `outpatients`,
 * a custom outcome's id; read them with `extractRows`), the comparison group, and where every row of
 * each outcome went (`accounts`, by outcome id: an extract read for two outcomes is accounted twice).
 */
export interface RowCounts<N extends Count = number> extends Suppressible {
  referrals: N;
  comparison?: N;
  /** Valid rows of people neither referred nor in the comparison group, over every activity extract (each once). */
  activityOfOthers: N;
  skipped: SkippedRows<N>[];
  accounts: Record<OutcomeId, ActivityRowAccount<N>>;
  [extract: string]: unknown;
}

/** Rows read of one activity extract (0 where it was not given). */
export function extractRows<N extends Count>(rows: RowCounts<N>, extract: string): N {
  return (rows[extract] ?? 0) as N;
}

export interface ComparisonFigures<N extends Count = number> {
  patients: N;
  pre: N;
  post: N;
  change_pct: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/**
 * Where the comparison group was matched (`matched_to`, matching.md): the cases of the matched sets,
 * whose change the difference in differences is of. `unmatched`: the row's included patients with no
 * control, left out of it; `controls_without_case`: controls whose case is not one of them.
 */
export interface MatchedCaseFigures<N extends Count = number> {
  patients: N;
  unmatched: N;
  controls_without_case: N;
  pre: N;
  post: N;
  change_pct: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** A row of an outcome's table: rule 5's figures (`CohortTotals`, core/aggregate.ts), then statistics.md's. */
export interface CohortFigures<N extends Count = number> extends CohortTotals<N>, Suppressible {
  // statistics.md
  pre_any_pct?: number | null;
  post_any_pct?: number | null;
  test?: "wilcoxon_signed_rank";
  p_value?: number | null;
  ci_low?: number | null;
  ci_high?: number | null;
  prior_patients?: N;
  prior?: N | null;
  prior_pre?: N | null;
  prior_change_pct?: number | null;
  /** With a matched comparison group: its sets' cases; `comparison` is then their controls, each set's weighing as its case. */
  matched_cases?: MatchedCaseFigures<N>;
  comparison?: ComparisonFigures<N>;
  did_pct?: number | null;
  did_ci_low?: number | null;
  did_ci_high?: number | null;
  warnings?: string[];
  // costs: each window's activity at the outcome's unit cost (--unit-cost), or the sum of its rows'
  // costs (a cost column, with the counted rows that had none), in GBP
  unit_cost?: number;
  cost_column?: string;
  cost_missing?: N;
  cost_pre?: N;
  cost_post?: N;
  cost_change?: N;
  /** With `--by`: the row's patients broken down by each column, a row per group (statistics.md, "Breakdowns"). */
  breakdowns?: Breakdown<N>[];
}

/** One group of a breakdown: the row's figures over the row's patients in that group. */
export interface BreakdownRow<N extends Count = number> extends CohortFigures<N> {
  /** The column broken down by (`sex`, `age_band`…). */
  by: string;
  /** The patients' value of it (`unknown` where missing). */
  group: string;
}

/** A row broken down by one column: every group found among the included patients, in order, `unknown` last. */
export interface Breakdown<N extends Count = number> {
  by: string;
  rows: BreakdownRow<N>[];
}

/** One month of a month-by-month series (statistics.md): its place, the patients' summed count and its mean per patient. */
export interface MonthFigures<N extends Count = number> extends Suppressible {
  /** −K … K: months before the index date are negative, the index day alone is 0. */
  month: number;
  /** The window the month is part of: `pre`, `post`, or null (the index day under `--index-day exclude`; months beyond the window). */
  window: "pre" | "post" | null;
  /** With `--window Nd`: the block's first and last day, counted from the index date (−30 … −1); null for calendar months. */
  first_day: number | null;
  last_day: number | null;
  /** The series' patients' summed count in the month (events, or nights for bed days). */
  count: N;
  /** `count / patients`; null where the series has no patients. */
  mean: number | null;
  /** 95% percentile bootstrap interval of `mean`, from resampling the series' patients (month-series.ts). */
  ci_low: number | null;
  ci_high: number | null;
}

/** One group's series: the patients it is over (those whose data cover every month of it), and its months in order. */
export interface MonthSeries<N extends Count = number> extends Suppressible {
  patients: N;
  months: MonthFigures<N>[];
}

/** An outcome's month-by-month series around the index date, for the referred patients and the comparison group. */
export interface MonthsResult<N extends Count = number> {
  /** Calendar months (`--window Nm`), or blocks of 30 days (`--window Nd`). */
  unit: "calendar_month" | "30_day_block";
  /** The first and last month, −K and K (`--months`, else the window's). */
  from: number;
  to: number;
  referred: MonthSeries<N>;
  /** With `--comparison`. */
  comparison?: MonthSeries<N>;
}

export interface OutcomeResult<N extends Count = number> {
  outcome: OutcomeId;
  label: string;
  /** The extract it counts (its name: `inputs` has its file). */
  extract: ExtractName;
  /** What one countable row adds: one, or the nights of its spell in each window. */
  unit: "rows" | "nights";
  cohorts: CohortFigures<N>[];
  total: CohortFigures<N>;
  /** Month by month around the index date (statistics.md); always computed by `evaluate`. */
  months?: MonthsResult<N>;
}

/** Present when disclosure control was applied (`--suppress`): which rule, in words. */
export interface Disclosure {
  rule: "nhs_england_hes_ecds";
  note: string;
}

/** How one extract was read: the header each spec column came from, its delimiter, encoding and date formats. */
export type { ExtractReading } from "./extracts/reading-report.js";

/** Each extract's file under its name (`referrals`, `ae`…, as the user named it; read with `inputFile`), and how each was read. */
export interface Inputs {
  /** Per extract and spec column, the header read (and why that one); null for an optional column not there. */
  columns: Record<ExtractName, ExtractReading["columns"]>;
  /** Per extract, how its text was read. */
  formats: Record<ExtractName, Omit<ExtractReading, "columns">>;
  [extract: ExtractName]: unknown;
}

/** The file an extract was read from, as the user named it; undefined where it was not given. */
export function inputFile(inputs: Inputs, extract: ExtractName): string | undefined {
  const file = inputs[extract];
  return typeof file === "string" ? file : undefined;
}

/** Something the extracts show that an analyst must look at, though no rule is broken; its counts are published as counts are. */
export interface RunWarning<N extends Count = number> {
  code: "episode_level";
  extract: ExtractName;
  /** The extract's file, as the user named it. */
  file: string;
  /** Rows of the evaluation's patients looked at, and how many of them repeat an earlier row's patient, date and method. */
  rows: N;
  repeated: N;
  message: string;
}

/** One line of the balance (matching.md, "Balance"): a near variable's mean, or an exact one's category's share (0 to 1). */
export interface BalanceLine extends Suppressible {
  variable: string;
  /** The category of an exact variable; null for a near-match variable. */
  category: string | null;
  cases: number | null;
  pool: number | null;
  matched_cases: number | null;
  controls: number | null;
  smd_before: number | null;
  smd_after: number | null;
  variance_ratio_before: number | null;
  variance_ratio_after: number | null;
}

export type UnmatchedReason = "case_not_in_population" | "invalid_population_row" | "no_candidate" | "none_within_caliper";

/**
 * The match report (matching.md, "Outputs"): the cases (the referred patients rule 2 includes), how
 * many found controls, the rest by reason, how many controls each found, what was matched on and
 * how, and the balance. Its settings are in `settings` (`ratio`, `caliper`, `matchExact`).
 */
export interface MatchReport<N extends Count = number> extends Suppressible {
  cases: N;
  matched: N;
  controls: N;
  unmatched: Record<UnmatchedReason, N>;
  /** Cases with 0, 1, … `ratio` controls, of those found in the population. */
  controls_per_case: N[];
  variables: {
    /** Matched exactly: the case's stratum. */
    exact: string[];
    /** Matched as nearly as possible; the distance is over `distance`, the others `left_out`. */
    near: string[];
    distance: string[];
    left_out: { variable: string; reason: string }[];
  };
  balance: {
    /** The groups' sizes: cases found in the population, the pool (pairs of a case and a candidate), the matched cases, their controls. */
    groups: { cases: N; pool: N; matched_cases: N; controls: N } & Suppressible;
    rows: BalanceLine[];
  };
  /** One per balance line whose |SMD| after matching is 0.1 or more. */
  warnings: string[];
}

export interface Result<N extends Count = number> {
  tool: { name: string; version: string };
  settings: Settings;
  /** The extracts read, as the user named them, and how each was read. */
  inputs: Inputs;
  /** What the run noticed in the extracts that an analyst should look at (an episode-level extract, say). */
  warnings: RunWarning<N>[];
  disclosure?: Disclosure;
  rows: RowCounts<N>;
  /**
   * Referred patients (distinct): where the attrition starts. Those with an invalid referral row
   * (skipped under `--skip-invalid`) count here, and are excluded first, as `invalid_referral_row`.
   */
  referred: N;
  attrition: AttritionStep<ExclusionReason, N>[];
  /** Comparison patients listed, where `comparison_attrition` starts (with `--comparison`). */
  comparison_listed?: N;
  comparison_attrition?: AttritionStep<ComparisonExclusionReason, N>[];
  outcomes: OutcomeResult<N>[];
  /** Where the run matched (`prepost match`, `evaluate --match`): the match report. */
  match?: MatchReport<N>;
}

/** What renderers read: a result as evaluated, or as published after disclosure control. */
export type PublishedResult = Result<Count>;
