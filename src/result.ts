/**
 * The one result object: what `evaluate` returns, what `--format json` prints, and what every
 * renderer reads. Field names follow the spec's JSON section (evaluation.md) and statistics.md;
 * numbers are unrounded; a figure that cannot be computed is `null`, never NaN or absent.
 */
import type { Settings } from "./config/settings.js";

export type OutcomeId = "ae_attendances" | "unplanned_admissions";

export type ExclusionReason = "outside_period" | "no_consent" | "too_few_onward_referrals" | "age" | "incomplete_window";
export type ComparisonExclusionReason = "referred" | "outside_period" | "incomplete_window";

export interface AttritionStep<Reason extends string = ExclusionReason> {
  reason: Reason;
  excluded: number;
  remaining: number;
}

/** Rows skipped under `--skip-invalid`, per file and reason. */
export interface SkippedRows {
  file: string;
  extract: ExtractName;
  column: string;
  reason: string;
  rows: number;
  /** The first few lines skipped for this reason, so an analyst can look. */
  lines: number[];
}

export type ExtractName = "referrals" | "ae" | "admissions" | "comparison";

/** Why a valid activity row was not counted for anyone (evaluation.md, inputs). */
export type NotCountableReason = "excluded_category" | "not_emergency" | "later_episode" | "missing_date";

/**
 * Every row of one activity extract, accounted for: read = skipped + activityOfOthers +
 * Σ notCountable + ofExcludedPatients + outsideWindows + onIndexDay + counted (+ comparison rows).
 */
export interface ActivityRowAccount {
  read: number;
  skipped: number;
  activityOfOthers: number;
  notCountable: Record<NotCountableReason, number>;
  /** Countable rows of referred patients excluded by an eligibility rule. */
  ofExcludedPatients: number;
  /** Countable rows of included patients falling in neither the pre nor the post window. */
  outsideWindows: number;
  /** Countable rows of included patients on their index day, with `--index-day exclude`. */
  onIndexDay: number;
  /** Rows counted in an included patient's pre or post window. */
  counted: number;
  /** Countable rows of comparison patients (present only with `--comparison`). */
  comparison?: number;
}

export interface RowCounts {
  referrals: number;
  ae: number;
  admissions: number;
  comparison?: number;
  activityOfOthers: number;
  skipped: SkippedRows[];
  accounts: Partial<Record<"ae" | "admissions", ActivityRowAccount>>;
}

export interface ComparisonFigures {
  patients: number;
  pre: number;
  post: number;
  change_pct: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

export interface CohortFigures {
  cohort: string;
  label: string;
  patients: number;
  pre: number;
  post: number;
  pre_per_patient: number | null;
  post_per_patient: number | null;
  change_pct: number | null;
  // statistics.md
  pre_any_pct?: number | null;
  post_any_pct?: number | null;
  test?: "wilcoxon_signed_rank";
  p_value?: number | null;
  ci_low?: number | null;
  ci_high?: number | null;
  prior_patients?: number;
  prior?: number | null;
  prior_pre?: number | null;
  prior_change_pct?: number | null;
  comparison?: ComparisonFigures;
  did_pct?: number | null;
  did_ci_low?: number | null;
  did_ci_high?: number | null;
  warnings?: string[];
}

export interface OutcomeResult {
  outcome: OutcomeId;
  label: string;
  cohorts: CohortFigures[];
  total: CohortFigures;
}

export interface Result {
  tool: { name: string; version: string };
  settings: Settings;
  /** The extracts read, as the user named them. */
  inputs: Partial<Record<ExtractName, string>>;
  rows: RowCounts;
  attrition: AttritionStep[];
  comparison_attrition?: AttritionStep<ComparisonExclusionReason>[];
  outcomes: OutcomeResult[];
}
