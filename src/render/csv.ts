import type { BreakdownRow, CohortFigures, Count, OutcomeResult, PublishedResult } from "../result.js";
import { type CsvCell, csvText, figureCell } from "./csv-cells.js";
import { renderMatchCsv } from "./match-csv.js";

type Row = CohortFigures<Count>;

interface Column {
  name: string;
  cell(row: Row, outcome: OutcomeResult<Count>): CsvCell;
  /** A statistics, comparison or cost field: its column is there only where some row has it. */
  optional?: (row: Row) => boolean;
}

const figure = (field: keyof Row & string): Column => ({ name: field, cell: (row) => figureCell(row, field, row[field] as number | null) });
const optionalFigure = (field: keyof Row & string): Column => ({ ...figure(field), optional: (row) => row[field] !== undefined });
const matchedFigure = (field: "patients" | "unmatched" | "controls_without_case" | "pre" | "post" | "change_pct" | "ci_low" | "ci_high"): Column => ({
  name: `matched_cases_${field}`,
  cell: (row) => figureCell(row, `matched_cases_${field}`, row.matched_cases?.[field]),
  optional: (row) => row.matched_cases !== undefined,
});
const comparisonFigure = (field: "patients" | "pre" | "post" | "change_pct" | "ci_low" | "ci_high"): Column => ({
  name: `comparison_${field}`,
  cell: (row) => figureCell(row, `comparison_${field}`, row.comparison?.[field]),
  optional: (row) => row.comparison !== undefined,
});

/** Every figure of the JSON's cohort rows, in its field order, the comparison flattened. */
const COLUMNS: Column[] = [
  { name: "outcome", cell: (_, outcome) => outcome.outcome },
  { name: "outcome_label", cell: (_, outcome) => outcome.label },
  { name: "cohort", cell: (row) => row.cohort },
  { name: "label", cell: (row) => row.label },
  // A breakdown row's column and group; empty on the row it breaks down.
  { name: "by", cell: (row) => (row as BreakdownRow<Count>).by, optional: (row) => "group" in row },
  { name: "group", cell: (row) => (row as BreakdownRow<Count>).group, optional: (row) => "group" in row },
  figure("patients"),
  figure("pre"),
  figure("post"),
  figure("pre_per_patient"),
  figure("post_per_patient"),
  figure("change_pct"),
  optionalFigure("pre_any_pct"),
  optionalFigure("post_any_pct"),
  { name: "test", cell: (row) => row.test, optional: (row) => row.test !== undefined },
  optionalFigure("p_value"),
  optionalFigure("ci_low"),
  optionalFigure("ci_high"),
  optionalFigure("prior_patients"),
  optionalFigure("prior"),
  optionalFigure("prior_pre"),
  optionalFigure("prior_change_pct"),
  matchedFigure("patients"),
  matchedFigure("unmatched"),
  matchedFigure("controls_without_case"),
  matchedFigure("pre"),
  matchedFigure("post"),
  matchedFigure("change_pct"),
  matchedFigure("ci_low"),
  matchedFigure("ci_high"),
  comparisonFigure("patients"),
  comparisonFigure("pre"),
  comparisonFigure("post"),
  comparisonFigure("change_pct"),
  comparisonFigure("ci_low"),
  comparisonFigure("ci_high"),
  optionalFigure("did_pct"),
  optionalFigure("did_ci_low"),
  optionalFigure("did_ci_high"),
  { name: "warnings", cell: (row) => row.warnings?.join(" | "), optional: (row) => row.warnings !== undefined },
  optionalFigure("unit_cost"),
  { name: "cost_column", cell: (row) => row.cost_column, optional: (row) => row.cost_column !== undefined },
  optionalFigure("cost_pre"),
  optionalFigure("cost_post"),
  optionalFigure("cost_change"),
  optionalFigure("cost_missing"),
  { name: "suppressed", cell: (row) => row.suppressed?.join(" "), optional: (row) => row.suppressed !== undefined },
];

/** A row, then its breakdown rows (`--by`), column by column, group by group. */
const withBreakdowns = (row: Row): Row[] => [row, ...(row.breakdowns ?? []).flatMap((breakdown) => breakdown.rows)];

/**
 * `--format csv`: tidy, one row per outcome × cohort (Total included, as cohort `Total`), one column
 * per figure of the JSON, numbers unrounded; for Excel, R and Python. With `--by`, each row is
 * followed by its breakdown rows, told apart by the `by` and `group` columns (empty on the row
 * itself). A figure that cannot be computed is empty; one withheld by `--suppress` is `*` (read with
 * `na = c("", "*")`), the row lists it under `suppressed`, and a `disclosure` column names the rule.
 */
export function renderCsv(result: PublishedResult): string {
  // `prepost match` has no outcome figures: its tidy CSV is the match report's.
  if (result.outcomes.length === 0 && result.match) return renderMatchCsv(result);
  const rows = result.outcomes.flatMap((outcome) => [...outcome.cohorts, outcome.total].flatMap(withBreakdowns).map((row) => ({ row, outcome })));
  const columns = COLUMNS.filter((column) => !column.optional || rows.some(({ row }) => column.optional!(row)));
  // With --suppress every row says by which rule, so that the note travels with any row copied out.
  const rule = result.disclosure ? [result.disclosure.rule] : [];
  return csvText(
    [...columns.map((column) => column.name), ...(rule.length ? ["disclosure"] : [])],
    rows.map(({ row, outcome }) => [...columns.map((column) => column.cell(row, outcome)), ...rule]),
  );
}
