import { sqlString } from "./duckdb-session.js";

/** A value DuckDB's CSV reader gives for a field that was never there (a short row): no field has it. */
export const NOT_THERE = "\u0001";

/**
 * DuckDB's reading of a CSV extract: every column as text, `c0`… by position, exactly the header's
 * count plus one more that a well-formed row never fills (DuckDB silently drops empty fields past
 * the last column, where csv-parse reports a row of the wrong length); short rows padded with a
 * value no field has, so that they show too. Nothing is sniffed or guessed.
 */
export function csvReadSql(path: string, columnCount: number, parallel: boolean): string {
  const columns = Array.from({ length: columnCount + 1 }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  return `read_csv(${sqlString(path)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
    columns = {${columns}}, strict_mode = true, null_padding = true, nullstr = ${sqlString(NOT_THERE)},
    allow_quoted_nulls = false, parallel = ${parallel})`;
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
