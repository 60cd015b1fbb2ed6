import type { Settings } from "../config/settings.js";
import { disclosed } from "../disclosure/rule.js";
import type { Count, OutcomeResult } from "../result.js";
import {
  formatChange,
  formatCost,
  formatCostChange,
  formatCount,
  formatInterval,
  formatP,
  formatPoints,
  formatPointsInterval,
  formatShare,
  formatUnitCost,
  formatWeighed,
} from "./numbers.js";
import type { Alignment } from "./text-grid.js";
import { intervalsInWords, priorCheckInWords, windowInWords } from "./wording.js";
import { monthsTable } from "./month-tables.js";
import { breakdownTables, breakdownWarnings } from "./breakdown-tables.js";
import { type Column, count, FIGURE_COLUMNS, hasInterval, intervalCell, type Row } from "./figure-columns.js";

/**
 * The tables of one outcome as cells of text, for the formats that lay tables out themselves
 * (Markdown, HTML): the Involve-style figures, then, where the result has them, the statistics,
 * the prior-window check, the comparison group and the costs. Every cell is final text; counts
 * pass through the disclosure rendering rule.
 */
export interface ReportTable {
  /** A stable name, for anchors and tests: `<outcome>-<table>`. */
  id: string;
  caption: string;
  header: string[];
  align: Alignment[];
  /** One row per cohort, the last being Total (or, for a table of other rows, as `totalRows` says). */
  rows: string[][];
  /** How many of the last rows are the Total's, set apart from the others: 1 unless said. */
  totalRows?: number;
  notes: string[];
}

/** How many of a table's last rows are the Total's. */
export const totalRowsOf = (table: ReportTable) => table.totalRows ?? 1;

function table(id: string, caption: string, outcome: OutcomeResult<Count>, columns: Column[], notes: string[] = []): ReportTable | undefined {
  const rows = [...outcome.cohorts, outcome.total];
  const shown = columns.filter((column) => !column.shownIf || rows.some((row) => column.shownIf!(row)));
  if (shown.length <= 1) return undefined;
  return {
    id: `${outcome.outcome}-${id}`,
    caption,
    header: ["Cohort", ...shown.map((column) => column.header)],
    align: ["left", ...shown.map((column): Alignment => (column.words ? "left" : "right"))],
    rows: rows.map((row) => [row.label, ...shown.map((column) => column.cell(row))]),
    notes,
  };
}

function figures(outcome: OutcomeResult<Count>, settings: Settings): ReportTable {
  const title = `${outcome.label}: ${windowInWords(settings.window)} before and after the first intervention`;
  const anyInterval = [...outcome.cohorts, outcome.total].some((row) => row.ci_low !== undefined);
  const notes = anyInterval ? [`Confidence interval of the change: ${intervalsInWords(settings)}.`] : [];
  return table("figures", title, outcome, FIGURE_COLUMNS, notes)!;
}

function statistics(outcome: OutcomeResult<Count>): ReportTable | undefined {
  return table("statistics", `${outcome.label}: patients with any use, and the paired test`, outcome, [
    { header: "Any use, pre", cell: (row) => disclosed(row, "pre_any_pct", formatShare(row.pre_any_pct)), shownIf: (row) => row.pre_any_pct !== undefined },
    { header: "Any use, post", cell: (row) => disclosed(row, "post_any_pct", formatShare(row.post_any_pct)), shownIf: (row) => row.post_any_pct !== undefined },
    { header: "p (Wilcoxon signed-rank)", cell: (row) => disclosed(row, "p_value", formatP(row.p_value)), shownIf: (row) => row.p_value !== undefined },
  ], ["Any use: the share of the row's patients with at least one event in the window. p: two-sided, paired, each patient's post against their pre."]);
}

function priorCheck(outcome: OutcomeResult<Count>, settings: Settings): ReportTable | undefined {
  const window = windowInWords(settings.window);
  return table("prior", `${outcome.label}: regression to the mean, the ${window} before the pre window`, outcome, [
    { header: "Patients with the prior window covered", cell: count("prior_patients"), shownIf: (row) => row.prior_patients !== undefined },
    { header: "Prior", cell: count("prior"), shownIf: (row) => row.prior !== undefined },
    { header: "Pre (same patients)", cell: count("prior_pre"), shownIf: (row) => row.prior_pre !== undefined },
    { header: "Prior to pre", cell: (row) => disclosed(row, "prior_change_pct", formatChange(row.prior_change_pct)), shownIf: (row) => row.prior_change_pct !== undefined },
    {
      header: "Reading",
      cell: (row) => (row.suppressed?.includes("prior_change_pct") ? "" : priorCheckInWords(row.prior_change_pct)),
      shownIf: (row) => row.prior_change_pct !== undefined,
      words: true,
    },
  ], ["People are referred when things are bad, so use often falls afterwards anyway: a rise into the referral warns that part of the fall may be regression to the mean."]);
}

/** The comparison's interval, then the difference in differences and its interval: the last columns of either comparison table. */
const COMPARISON_INTERVAL_AND_DIFFERENCE: Column[] = [
    {
      header: "95% CI",
      cell: (row) => intervalCell(row, "comparison_ci_low", "comparison_ci_high", formatInterval(row.comparison?.ci_low, row.comparison?.ci_high)),
      shownIf: (row) => hasInterval(row, row.comparison?.ci_low, "comparison_ci_low", "comparison_ci_high"),
    },
    { header: "Difference in differences", cell: (row) => disclosed(row, "did_pct", formatPoints(row.did_pct)), shownIf: (row) => row.did_pct !== undefined },
    {
      header: "95% CI",
      cell: (row) => intervalCell(row, "did_ci_low", "did_ci_high", formatPointsInterval(row.did_ci_low, row.did_ci_high)),
      shownIf: (row) => hasInterval(row, row.did_ci_low, "did_ci_low", "did_ci_high"),
    },
];

/** With a matched comparison group (matching.md): the sets' cases against their controls. */
function matchedComparison(outcome: OutcomeResult<Count>): ReportTable | undefined {
  const cases = (field: "patients" | "unmatched" | "pre" | "post") => (row: Row) =>
    disclosed(row, `matched_cases_${field}`, row.matched_cases ? formatCount(row.matched_cases[field]) : "n/a");
  const controls = (field: "pre" | "post") => (row: Row) => disclosed(row, `comparison_${field}`, row.comparison ? formatWeighed(row.comparison[field]) : "n/a");
  const shown = (row: Row) => row.matched_cases !== undefined;
  return table("comparison", `${outcome.label}: the matched comparison group and the difference in differences over matched sets`, outcome, [
    { header: "Matched cases", cell: cases("patients"), shownIf: shown },
    { header: "Unmatched", cell: cases("unmatched"), shownIf: shown },
    { header: "Pre", cell: cases("pre"), shownIf: shown },
    { header: "Post", cell: cases("post"), shownIf: shown },
    { header: "Change", cell: (row) => disclosed(row, "matched_cases_change_pct", formatChange(row.matched_cases?.change_pct)), shownIf: shown },
    { header: "Controls", cell: (row) => disclosed(row, "comparison_patients", formatCount(row.comparison?.patients)), shownIf: shown },
    { header: "Controls pre", cell: controls("pre"), shownIf: shown },
    { header: "Controls post", cell: controls("post"), shownIf: shown },
    { header: "Controls' change", cell: (row) => disclosed(row, "comparison_change_pct", formatChange(row.comparison?.change_pct)), shownIf: shown },
    ...COMPARISON_INTERVAL_AND_DIFFERENCE,
  ], [
    "Over matched sets, a case and its controls: each set's controls weigh as much as its case (a control of a set of k counts 1/k); unmatched cases are left out.",
    "Difference in differences: the matched cases' change minus their controls', in percentage points (pp); its interval resamples whole sets.",
  ]);
}

function comparison(outcome: OutcomeResult<Count>): ReportTable | undefined {
  if ([...outcome.cohorts, outcome.total].some((row) => row.matched_cases !== undefined)) return matchedComparison(outcome);
  const of = (field: "patients" | "pre" | "post") => (row: Row) =>
    disclosed(row, `comparison_${field}`, row.comparison ? formatCount(row.comparison[field]) : "n/a");
  return table("comparison", `${outcome.label}: the comparison group and the difference in differences`, outcome, [
    { header: "Comparison patients", cell: of("patients"), shownIf: (row) => row.comparison !== undefined },
    { header: "Pre", cell: of("pre"), shownIf: (row) => row.comparison !== undefined },
    { header: "Post", cell: of("post"), shownIf: (row) => row.comparison !== undefined },
    { header: "Change", cell: (row) => disclosed(row, "comparison_change_pct", formatChange(row.comparison?.change_pct)), shownIf: (row) => row.comparison !== undefined },
    ...COMPARISON_INTERVAL_AND_DIFFERENCE,
  ], ["Difference in differences: the referred patients' change minus the comparison group's, in percentage points (pp)."]);
}

/** Costs from a cost column (outcomes.md, costs): each window's counted rows' own costs summed, with the counted rows that gave none. */
function columnCosts(outcome: OutcomeResult<Count>, column: string, settings: Settings): ReportTable | undefined {
  return table("costs", `${outcome.label}: cost from each row's ${column}`, outcome, [
    { header: "Cost pre", cell: (row) => disclosed(row, "cost_pre", formatCost(row.cost_pre)) },
    { header: "Cost post", cell: (row) => disclosed(row, "cost_post", formatCost(row.cost_post)) },
    { header: "Change in cost", cell: (row) => disclosed(row, "cost_change", formatCostChange(row.cost_change)) },
    { header: "Counted, no cost given", cell: (row) => disclosed(row, "cost_missing", formatCount(row.cost_missing ?? null)) },
  ], [`Cost source: the extract's ${column} column${settings.costSource ? ` (${settings.costSource})` : ""}, summed over the rows counted in each window; a counted row with no cost is activity all the same, not costed. Costs are not savings that can be banked.`]);
}

function costs(outcome: OutcomeResult<Count>, settings: Settings): ReportTable | undefined {
  const column = outcome.total.cost_column;
  if (column !== undefined) return columnCosts(outcome, column, settings);
  const unit = outcome.total.unit_cost;
  if (unit === undefined) return undefined;
  return table("costs", `${outcome.label}: cost at ${formatUnitCost(unit)} each`, outcome, [
    { header: "Unit cost", cell: (row) => (row.unit_cost === undefined ? "n/a" : formatUnitCost(row.unit_cost)) },
    { header: "Cost pre", cell: (row) => disclosed(row, "cost_pre", formatCost(row.cost_pre)) },
    { header: "Cost post", cell: (row) => disclosed(row, "cost_post", formatCost(row.cost_post)) },
    { header: "Change in cost", cell: (row) => disclosed(row, "cost_change", formatCostChange(row.cost_change)) },
  ], [`Unit cost source: ${settings.costSource ?? "not given"}. Costs are activity times the unit cost, not savings that can be banked.`]);
}

/**
 * Every table of one outcome that the result has figures for, in reading order: the figures and
 * their breakdowns, then the months around the index date (what a reviewer reads first after
 * them), then the checks.
 */
export function outcomeTables(outcome: OutcomeResult<Count>, settings: Settings): ReportTable[] {
  return [
    figures(outcome, settings),
    ...breakdownTables(outcome, settings),
    monthsTable(outcome, settings),
    statistics(outcome),
    priorCheck(outcome, settings),
    comparison(outcome),
    costs(outcome, settings),
  ].filter(
    (found): found is ReportTable => found !== undefined,
  );
}

/** The rows' warnings (fragile figures), each with the row it belongs to, then those of the breakdown rows. */
export function outcomeWarnings(outcome: OutcomeResult<Count>): string[] {
  return [...[...outcome.cohorts, outcome.total].flatMap((row) => (row.warnings ?? []).map((warning) => `${row.label}: ${warning}`)), ...breakdownWarnings(outcome)];
}
