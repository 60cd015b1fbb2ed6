import type { Settings } from "../config/settings.js";
import { disclosed, isWithheld, SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { CohortFigures, Count, OutcomeResult } from "../result.js";
import {
  formatChange,
  formatCost,
  formatCostChange,
  formatCount,
  formatInterval,
  formatP,
  formatPoints,
  formatPointsInterval,
  formatRate,
  formatShare,
  formatUnitCost,
  formatWeighed,
} from "./numbers.js";
import type { Alignment } from "./text-grid.js";
import { intervalsInWords, priorCheckInWords, windowInWords } from "./wording.js";

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
  /** One row per cohort, the last being Total. */
  rows: string[][];
  notes: string[];
}

type Row = CohortFigures<Count>;

interface Column {
  header: string;
  cell(row: Row): string;
  /** Shown only where some row has the figure (a statistics field the result may lack). */
  shownIf?(row: Row): boolean;
  /** Numbers are right-aligned; words are not. */
  words?: boolean;
}

const has = (value: unknown) => value !== undefined && value !== null;

/** An interval's cell: `*` where disclosure control withheld it, else the interval or "n/a". */
const intervalCell = (row: Row, low: string, high: string, text: string) => (isWithheld(row, low, high) ? SUPPRESSED_MARK : text);

/** An interval's column is shown where some row has the interval, or had it until disclosure control withheld it. */
const hasInterval = (row: Row, value: unknown, low: string, high: string) => has(value) || isWithheld(row, low, high);

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

const count = (field: keyof Row & string) => (row: Row) => disclosed(row, field, formatCount(row[field] as Count));

function figures(outcome: OutcomeResult<Count>, settings: Settings): ReportTable {
  const title = `${outcome.label}: ${windowInWords(settings.window)} before and after the first intervention`;
  const anyInterval = [...outcome.cohorts, outcome.total].some((row) => row.ci_low !== undefined);
  const notes = anyInterval ? [`Confidence interval of the change: ${intervalsInWords(settings)}.`] : [];
  return table("figures", title, outcome, [
    { header: "Patients", cell: count("patients") },
    { header: "Pre", cell: count("pre") },
    { header: "Post", cell: count("post") },
    { header: "Pre per patient", cell: (row) => disclosed(row, "pre_per_patient", formatRate(row.pre_per_patient)) },
    { header: "Post per patient", cell: (row) => disclosed(row, "post_per_patient", formatRate(row.post_per_patient)) },
    { header: "Change", cell: (row) => disclosed(row, "change_pct", formatChange(row.change_pct)) },
    {
      header: "95% CI",
      cell: (row) => intervalCell(row, "ci_low", "ci_high", formatInterval(row.ci_low, row.ci_high)),
      shownIf: (row) => hasInterval(row, row.ci_low, "ci_low", "ci_high"),
    },
  ], notes)!;
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

function costs(outcome: OutcomeResult<Count>, settings: Settings): ReportTable | undefined {
  const unit = outcome.total.unit_cost;
  if (unit === undefined) return undefined;
  return table("costs", `${outcome.label}: cost at ${formatUnitCost(unit)} each`, outcome, [
    { header: "Unit cost", cell: (row) => (row.unit_cost === undefined ? "n/a" : formatUnitCost(row.unit_cost)) },
    { header: "Cost pre", cell: (row) => disclosed(row, "cost_pre", formatCost(row.cost_pre)) },
    { header: "Cost post", cell: (row) => disclosed(row, "cost_post", formatCost(row.cost_post)) },
    { header: "Change in cost", cell: (row) => disclosed(row, "cost_change", formatCostChange(row.cost_change)) },
  ], [`Unit cost source: ${settings.costSource ?? "not given"}. Costs are activity times the unit cost, not savings that can be banked.`]);
}

/** Every table of one outcome that the result has figures for, in reading order. */
export function outcomeTables(outcome: OutcomeResult<Count>, settings: Settings): ReportTable[] {
  return [figures(outcome, settings), statistics(outcome), priorCheck(outcome, settings), comparison(outcome), costs(outcome, settings)].filter(
    (found): found is ReportTable => found !== undefined,
  );
}

/** The rows' warnings (fragile figures), each with the row it belongs to. */
export function outcomeWarnings(outcome: OutcomeResult<Count>): string[] {
  return [...outcome.cohorts, outcome.total].flatMap((row) => (row.warnings ?? []).map((warning) => `${row.label}: ${warning}`));
}
