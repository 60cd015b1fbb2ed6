import type { Count, MonthFigures, MonthSeries, PublishedResult } from "../result.js";
import { type CsvCell, csvText, figureCell } from "./csv-cells.js";

const FIGURES = ["count", "mean", "ci_low", "ci_high"] as const;

/**
 * `--format months-csv`: tidy, one row per outcome × group (referred, comparison) × month around the
 * index date, every figure of the JSON's `months`, numbers unrounded: for plotting the series in R
 * or Python. As in the tidy CSV, a figure that cannot be computed is empty, one withheld by
 * `--suppress` is `*` and named under `suppressed`, and a `disclosure` column names the rule.
 */
export function renderMonthsCsv(result: PublishedResult): string {
  const rule = result.disclosure ? [result.disclosure.rule] : [];
  const header = ["outcome", "outcome_label", "group", "unit", "month", "window", "first_day", "last_day", "patients", ...FIGURES, ...(rule.length ? ["suppressed", "disclosure"] : [])];
  const rows: CsvCell[][] = [];
  for (const outcome of result.outcomes) {
    const { months } = outcome;
    if (!months) continue;
    const groups: [string, MonthSeries<Count>][] = [["referred", months.referred], ...(months.comparison ? [["comparison", months.comparison] as [string, MonthSeries<Count>]] : [])];
    for (const [group, series] of groups) {
      for (const month of series.months) {
        // The series' patients are withheld on the series, each month's figures on the month: one list per row.
        const withheld: MonthFigures<Count> = { ...month, suppressed: [...(series.suppressed ?? []), ...(month.suppressed ?? [])] };
        rows.push([
          outcome.outcome,
          outcome.label,
          group,
          months.unit,
          month.month,
          month.window ?? "",
          month.first_day,
          month.last_day,
          figureCell(withheld, "patients", series.patients),
          ...FIGURES.map((field) => figureCell(withheld, field, month[field])),
          ...(rule.length ? [withheld.suppressed!.join(" "), ...rule] : []),
        ]);
      }
    }
  }
  return csvText(header, rows);
}
