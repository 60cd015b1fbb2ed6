import type { Count, PublishedResult } from "../result.js";
import { type CsvCell, csvText, figureCell } from "./csv-cells.js";

const HEADER = [
  "section",
  "item",
  "category",
  "value",
  "cases",
  "pool",
  "matched_cases",
  "controls",
  "smd_before",
  "smd_after",
  "variance_ratio_before",
  "variance_ratio_after",
  "warning",
  "suppressed",
];

/**
 * `--format match-csv` (`.match.csv`): the match report as one long table, for R or Excel. `count`
 * rows give the cases, matched, controls, each reason of the unmatched and each number of controls
 * per case (`value`); `variable` rows what was matched on (`item`: exact, distance or left_out, the
 * variable in `category`, a left-out one's reason in `value`); `balance` rows the balance, a row per
 * variable (and category), with its warning. Numbers unrounded; a figure withheld by `--suppress` is `*`.
 */
export function renderMatchCsv(result: PublishedResult): string {
  const report = result.match;
  if (!report) return csvText(HEADER, []);
  const count = (item: string, category: string | null, value: Count, name: string): CsvCell[] => [
    "count",
    item,
    category,
    report.suppressed?.includes(name) ? "*" : value,
    ...Array<CsvCell>(HEADER.length - 4).fill(null),
  ];
  const variable = (item: string, name: string, value: string | null): CsvCell[] => ["variable", item, name, value, ...Array<CsvCell>(HEADER.length - 4).fill(null)];
  const rows: CsvCell[][] = [
    count("cases", null, report.cases, "cases"),
    count("matched", null, report.matched, "matched"),
    count("controls", null, report.controls, "controls"),
    ...Object.entries(report.unmatched).map(([reason, value]) => count("unmatched", reason, value, `unmatched.${reason}`)),
    ...report.controls_per_case.map((value, k) => count("controls_per_case", String(k), value, `controls_per_case.${k}`)),
    ...report.variables.exact.map((name) => variable("exact", name, null)),
    ...report.variables.distance.map((name) => variable("distance", name, null)),
    ...report.variables.left_out.map(({ variable: name, reason }) => variable("left_out", name, reason)),
    ...report.balance.rows.map((line): CsvCell[] => {
      const label = line.category === null ? line.variable : `${line.variable} ${line.category}`;
      const warning = report.warnings.find((text) => text.startsWith(`${label}:`));
      return [
        "balance",
        line.variable,
        line.category,
        null,
        figureCell(line, "cases", line.cases),
        figureCell(line, "pool", line.pool),
        figureCell(line, "matched_cases", line.matched_cases),
        figureCell(line, "controls", line.controls),
        figureCell(line, "smd_before", line.smd_before),
        figureCell(line, "smd_after", line.smd_after),
        figureCell(line, "variance_ratio_before", line.variance_ratio_before),
        figureCell(line, "variance_ratio_after", line.variance_ratio_after),
        warning,
        line.suppressed?.join(" "),
      ];
    }),
  ];
  return csvText(HEADER, rows);
}
