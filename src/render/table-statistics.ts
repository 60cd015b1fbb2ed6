import type { CohortFigures, OutcomeResult } from "../result.js";
import { isRisingIntoReferral, RISING_INTO_REFERRAL_WORDS } from "../stats/prior-window.js";
import { formatChange, formatCount, formatInterval, formatPValue, formatShare } from "./numbers.js";
import { textGrid } from "./text-grid.js";

/** The rows of an outcome, Total last, for the statistics tables under the Involve-style one. */
const rowsOf = (outcome: OutcomeResult): CohortFigures[] => [...outcome.cohorts, outcome.total];

const hasStatistics = (outcome: OutcomeResult) => outcome.total.test !== undefined;

/** Uncertainty and shares: is the change more than chance, and is it spread over patients? */
function uncertaintyTable(outcome: OutcomeResult): string[] {
  const header = ["Cohort", "Change", "95% CI", "p (Wilcoxon)", "Any use pre", "Any use post"];
  const cells = rowsOf(outcome).map((row) => [
    row.label,
    formatChange(row.change_pct),
    formatInterval(row.ci_low, row.ci_high),
    formatPValue(row.p_value),
    formatShare(row.pre_any_pct),
    formatShare(row.post_any_pct),
  ]);
  return textGrid([header, ...cells], ["left", "right", "right", "right", "right", "right"]);
}

/** Regression to the mean: was use already rising into the referral? */
function priorWindowTable(outcome: OutcomeResult): string[] {
  const header = ["Cohort", "Patients with a covered prior window", "Prior", "Pre", "Rise into referral"];
  const cells = rowsOf(outcome).map((row) => [
    row.label,
    formatCount(row.prior_patients ?? 0),
    row.prior === null || row.prior === undefined ? "n/a" : formatCount(row.prior),
    row.prior_pre === null || row.prior_pre === undefined ? "n/a" : formatCount(row.prior_pre),
    formatChange(row.prior_change_pct),
  ]);
  const lines = textGrid([header, ...cells], ["left", "right", "right", "right", "right"]);
  const rising = rowsOf(outcome).filter((row) => isRisingIntoReferral(row.prior_change_pct ?? null));
  if (rising.length > 0) lines.push("", `Rising into the referral: ${rising.map((row) => row.label).join("; ")}.`, RISING_INTO_REFERRAL_WORDS);
  return lines;
}

/** The comparison group and the difference in differences, where a comparison group was given. */
function comparisonTable(outcome: OutcomeResult): string[] {
  const header = ["Cohort", "Comparison patients", "Pre", "Post", "Change", "95% CI", "Difference in differences", "95% CI"];
  const cells = rowsOf(outcome).map((row) => {
    const c = row.comparison!;
    return [
      row.label,
      formatCount(c.patients),
      formatCount(c.pre),
      formatCount(c.post),
      formatChange(c.change_pct),
      formatInterval(c.ci_low, c.ci_high),
      row.did_pct === null || row.did_pct === undefined ? "n/a" : `${formatChange(row.did_pct).replace("%", "")} points`,
      formatInterval(row.did_ci_low, row.did_ci_high).replace(/%/g, ""),
    ];
  });
  return textGrid([header, ...cells], ["left", "right", "right", "right", "right", "right", "right", "right"]);
}

function warningLines(outcome: OutcomeResult): string[] {
  return rowsOf(outcome).flatMap((row) => (row.warnings ?? []).map((warning) => `Warning, ${row.label}: ${warning}`));
}

/** statistics.md under each Involve-style table: uncertainty, the prior window, the comparison group. */
export function outcomeStatistics(outcome: OutcomeResult): string[] {
  if (!hasStatistics(outcome)) return [];
  const sections = [
    ["", "Uncertainty (95% bootstrap interval of the change; paired Wilcoxon signed-rank test)", "", ...uncertaintyTable(outcome)],
    ["", "Regression to the mean: the window before the pre window", "", ...priorWindowTable(outcome)],
  ];
  if (outcome.total.comparison) {
    sections.push(["", "Comparison group (matched patients not referred), counted by the same rules", "", ...comparisonTable(outcome)]);
  }
  const warnings = warningLines(outcome);
  if (warnings.length > 0) sections.push(["", ...warnings]);
  return sections.flat();
}
