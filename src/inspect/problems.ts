import { describeDateFormat } from "../extracts/dates.js";
import type { ColumnTally } from "./column-tally.js";
import { AN_EXTRACT } from "./extract-match.js";
import { type DuplicateKeys, looksEpisodeLevel } from "./episode-duplicates.js";
import type { ColumnReport, ExtractMatch, Problem } from "./report.js";

/**
 * The problems a file already shows before a run, each with the first line it is on and how many
 * rows it concerns. No message quotes a value: the line number says where to look.
 */

const rows = (count: number) => `${count} ${count === 1 ? "row" : "rows"}`;
const values = (count: number) => `${count} ${count === 1 ? "value" : "values"}`;

/** Header names that appear more than once, without regard to case. */
export function duplicateColumns(header: readonly string[], readByRun: ReadonlySet<string>): Problem[] {
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    positions.set(key, [...(positions.get(key) ?? []), i + 1]);
  });
  return [...positions].flatMap(([key, at]) => {
    if (at.length < 2) return [];
    const name = header[at[0]! - 1]!;
    const consequence = readByRun.has(key) ? ": a run that reads it stops" : "";
    return [{ code: "duplicate_column", line: 1, column: name, count: 1, message: `appears ${at.length} times in the header (columns ${at.join(", ")})${consequence}` }];
  });
}

export function raggedRows(count: number, firstLine: number, width: number): Problem[] {
  if (count === 0) return [];
  const message = `${rows(count)} ${count === 1 ? "has" : "have"} another number of fields than the header's ${width} (a delimiter inside an unquoted field, or the wrong delimiter?)`;
  return [{ code: "ragged_rows", line: firstLine, column: "", count, message }];
}

/** A date column's values that a run would refuse (`dateFormat: auto` decides the format from the first date). */
export function dateProblems(tally: ColumnTally): Problem[] {
  const dates = tally.dates;
  const format = dates.format ?? "iso";
  const other = format === "iso" ? "dmy" : "iso";
  const problem = (code: string, count: number, line: number, message: string): Problem[] =>
    count === 0 ? [] : [{ code, line, column: tally.name, count, message }];
  return [
    ...problem("mixed_date_formats", dates.otherFormat, dates.firstOtherFormatLine, `${values(dates.otherFormat)} written ${describeDateFormat(other)}, but the column's first date is ${describeDateFormat(format)}`),
    ...problem("us_date_order", dates.usOrder, dates.firstUsOrderLine, `${values(dates.usOrder)} with a second part over 12: a US month/day order? dates are read D/M/YYYY`),
    ...problem("invalid_date", dates.invalid, dates.firstInvalidLine, `${values(dates.invalid)} not a day that exists (or followed by something that is not a time of day)`),
    ...problem("not_a_date", dates.notDate, dates.firstNotDateLine, `${values(dates.notDate)} not a date at all`),
  ];
}

export function nhsNumberProblem(report: ColumnReport): Problem[] {
  if (report.nhsNumberLike === 0) return [];
  const message = `${values(report.nhsNumberLike)} look like NHS numbers (ten digits, or 3-3-4): is this extract pseudonymised? (prepost pseudonymise)`;
  return [{ code: "nhs_number_like", line: 0, column: report.name, count: report.nhsNumberLike, message }];
}

export function extractProblems(match: ExtractMatch): Problem[] {
  if (match.looksLike === null) {
    const message = "fits none of the extracts (referrals, ae, admissions, comparison) by its column names: map its columns in the config's `columns`";
    return [{ code: "unknown_extract", line: 1, column: "", count: 1, message }];
  }
  return match.columns
    .filter((column) => column.required && column.header === null)
    .map((column) => {
      const near = column.nearest?.length ? `; the nearest header names: ${column.nearest.join(", ")}` : "";
      return {
        code: "missing_column",
        line: 1,
        column: column.column,
        count: 1,
        message: `required column of ${AN_EXTRACT[match.looksLike!]} extract not found (map it in columns.${match.looksLike}.${column.column})${near}`,
      };
    });
}

export function episodeProblem(keys: DuplicateKeys | undefined): Problem[] {
  if (!keys || !looksEpisodeLevel(keys)) return [];
  const message = `${keys.duplicates} of ${keys.rows} rows repeat the patient, admission date and method of an earlier row (over 1%): likely one row per episode, which would be counted as spells`;
  return [{ code: "episode_level", line: 0, column: "", count: keys.duplicates, message }];
}

/** The columns whose every row needs a value (an empty admission method is valid: not an emergency). */
const VALUE_REQUIRED = new Set(["patient_id", "cohort", "intervention_date", "arrival_date", "admission_date", "index_date"]);

/**
 * Rows with no value (empty, or NULL, NA, N/A) in a column whose every row needs one: a run counts each
 * as an invalid row (an untraced patient exported as NULL is never one patient called NULL).
 */
export function missingRequiredValues(match: ExtractMatch, columns: readonly ColumnReport[]): Problem[] {
  return match.columns.flatMap((spec) => {
    if (!VALUE_REQUIRED.has(spec.column) || spec.header === null) return [];
    const report = columns.find((column) => column.name === spec.header);
    if (!report) return [];
    const { empty, NULL, NA } = report.missing;
    const missing = empty + NULL + NA + report.missing["N/A"];
    if (missing === 0) return [];
    const how = [empty ? `${empty} empty` : "", NULL ? `${NULL} NULL` : "", NA ? `${NA} NA` : "", report.missing["N/A"] ? `${report.missing["N/A"]} N/A` : ""].filter(Boolean).join(", ");
    const message = `${rows(missing)} with no ${spec.column} (${how}): a run counts ${missing === 1 ? "it" : "them"} as invalid (stop, or --skip-invalid within its limit)`;
    return [{ code: "missing_required_value", line: 0, column: report.name, count: missing, message }];
  });
}
