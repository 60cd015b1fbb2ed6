import { disclosed, isWithheld, SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { CohortFigures, Count } from "../result.js";
import { formatChange, formatCount, formatInterval, formatRate } from "./numbers.js";

/** The columns of the report tables (report-tables.ts), each a header and how a row's cell reads, through the disclosure rendering rule. */

export type Row = CohortFigures<Count>;

export interface Column {
  header: string;
  cell(row: Row): string;
  /** Shown only where some row has the figure (a statistics field the result may lack). */
  shownIf?(row: Row): boolean;
  /** Numbers are right-aligned; words are not. */
  words?: boolean;
}

const has = (value: unknown) => value !== undefined && value !== null;

/** An interval's cell: `*` where disclosure control withheld it, else the interval or "n/a". */
export const intervalCell = (row: Row, low: string, high: string, text: string) => (isWithheld(row, low, high) ? SUPPRESSED_MARK : text);

/** An interval's column is shown where some row has the interval, or had it until disclosure control withheld it. */
export const hasInterval = (row: Row, value: unknown, low: string, high: string) => has(value) || isWithheld(row, low, high);

export const count = (field: keyof Row & string) => (row: Row) => disclosed(row, field, formatCount(row[field] as Count));

/** The Involve-style figures of a row, the interval where the result has one: the cohort table's columns, and a breakdown table's. */
export const FIGURE_COLUMNS: Column[] = [
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
];

