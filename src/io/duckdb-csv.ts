import { sqlPath, sqlString } from "./duckdb-session.js";
import { FIELD_LIMIT } from "./limits.js";

/** A value DuckDB's CSV reader gives for a field that was never there (a short row): no field has it. */
export const NOT_THERE = "\u0001";

/**
 * DuckDB's reading of a CSV extract: every column as text, `c0`… by position. Nothing is sniffed or
 * guessed; the path is the one file named (`sqlPath`). A record longer than a field may be is an
 * error (`max_line_size`: a quoted field running over many lines), which hands the file to the row
 * reader; a long line DuckDB cannot be trusted to refuse, so the byte scan looks for those. DuckDB passes over empty fields past the last column, as prepost's own reader does.
 *
 * - `exact`: exactly the header's columns; a row with fewer, or with more that are not empty, is an
 *   error (DuckDB's strict mode), so that the row reader reports it.
 * - `padded`: one column more than the header's, which a well-formed row leaves null, and short rows
 *   padded with nulls (a value no field has stands for null), so that a row of the wrong length
 *   shows in the result instead of stopping the query.
 */
export function csvReadSql(path: string, file: string, columnCount: number, parallel: boolean, layout: "exact" | "padded"): string {
  const padded = layout === "padded";
  const columns = Array.from({ length: padded ? columnCount + 1 : columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  return `read_csv(${sqlPath(path, file)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
    columns = {${columns}}, strict_mode = true, null_padding = ${padded}, nullstr = ${sqlString(NOT_THERE)},
    allow_quoted_nulls = false, max_line_size = ${FIELD_LIMIT}, parallel = ${parallel})`;
}

const quoted = (field: string) => `"${field.replaceAll('"', '""')}"`;
const needsQuotes = (field: string) => /[",\r\n]/.test(field) || field !== field.trim();

/**
 * DuckDB reads a header with padding around its quotes wrongly (a tab after a closing quote loses
 * every row), so the header line must be written one of the plain ways: bare, every name quoted, or
 * only the names that need it. `header` is the header as csv-parse read it.
 */
export function isPlainHeader(line: string, header: readonly string[]): boolean {
  const ways = [
    header.join(","),
    header.map(quoted).join(","),
    header.map((field) => (needsQuotes(field) ? quoted(field) : field)).join(","),
  ];
  return ways.includes(line);
}
