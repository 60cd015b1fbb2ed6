import type { DuckDBConnection } from "@duckdb/node-api";
import { isMissingTokenSql } from "../extracts/missing-values.js";
import type { ExtractSource } from "../extracts/source.js";
import type { CsvTextTraits } from "../io/csv-text-traits.js";
import { type TextKind, textKindOf } from "../io/file-kind.js";
import { textSettingsOf } from "../io/records.js";
import { type CsvLayout, csvColumns, csvLayout, type ExtractShape, NeedsRowReader } from "./duckdb-fields.js";
import { calendarSql } from "./duckdb-sql.js";

/**
 * What the referrals and the comparison group share when DuckDB reads them (duckdb-referrals.ts,
 * duckdb-comparison.ts): a file of a row or more per person, read in file order, validated in SQL,
 * whose people come back a row each, read straight off DuckDB's vectors.
 */

/** A required text is missing (patientIdField, requiredTextField): NULL (an empty field), empty, or a missing-value token. */
export const missingTextSql = (text: string) => `(${text} IS NULL OR ${text} = '' OR ${isMissingTokenSql(text)})`;

/** A people extract DuckDB can read as the row reader would: each wanted column's SQL, the suspect rows, the table function. */
export interface PeopleCsv {
  kind: TextKind;
  layout: CsvLayout;
  /** Each column of the shape that the file has, as SQL giving its text (undefined where the file lacks an optional one). */
  columns: Record<string, string | undefined>;
  /** A row the two CSV readers might read apart (always false where the file has no quotes). */
  suspect: string;
  from: string;
}

/**
 * The file's layout, where DuckDB can read it as the row reader would: a UTF-8 CSV with commas, valid
 * UTF-8 with no line too long, its header plain. A file with quotes (R's write.csv quotes every text)
 * is read as the activity pass reads one: trimmed, any row the two readers might read apart (a quote
 * in a bare field, padding outside a quote, a value with a quote) suspect. Read on one thread, its
 * rows are its records in file order, even where a quoted field spans lines: the order rule 1 and the
 * comparison group's slots mean. Throws `NeedsRowReader` otherwise.
 */
export async function peopleCsv(source: ExtractSource, traits: CsvTextTraits, shape: ExtractShape): Promise<PeopleCsv> {
  const kind = await textKindOf(source.path, source.file, textSettingsOf(source)).catch(() => {
    throw new NeedsRowReader("the file cannot be read, or is not text");
  });
  if (kind.gzip || kind.encoding !== "utf-8" || kind.delimiter !== ",") throw new NeedsRowReader("not a plain UTF-8, comma-delimited file");
  if (!traits.utf8 || traits.longLine) throw new NeedsRowReader("not valid UTF-8, or a line too long");
  const layout = await csvLayout(shape, source);
  // Not in parallel: row_number() then numbers the rows in file order.
  const { field, suspect, source: from } = csvColumns(layout, traits, false);
  const columns = Object.fromEntries(shape.columns.map(({ name }) => [name, layout.at[name]! >= 0 ? field(layout.at[name]!) : undefined]));
  return { kind, layout, columns, suspect: suspect ?? "false", from };
}

/** Makes the table `table` of the extract's rows (`rowsSql`, given the calendar of its date format made first); DuckDB's CSV errors are the row reader's to report. */
export async function loadRows(connection: DuckDBConnection, csv: PeopleCsv, rowsSql: string): Promise<void> {
  await connection.run(calendarSql(csv.layout.dateFormat));
  await connection.run(rowsSql).catch((error: Error) => {
    throw new NeedsRowReader(`DuckDB could not read it: ${error.message.split("\n")[0]}`);
  });
}

export type Vector = { getItem(index: number): unknown };

/** Visits each chunk of a result: its row count and its columns' vectors (each value read with `getItem`, no column copied). */
export async function eachChunk(connection: DuckDBConnection, sql: string, visit: (rows: number, columns: Vector[]) => void): Promise<void> {
  const result = await connection.run(sql);
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    visit(chunk.rowCount, Array.from({ length: chunk.columnCount }, (_, c) => chunk!.getColumnVector(c)));
  }
}

/** The numbers of a one-row query of counts (each cast to DOUBLE), in its columns' order. */
export async function countsOf(connection: DuckDBConnection, sql: string): Promise<number[]> {
  let counts: number[] = [];
  await eachChunk(connection, sql, (_, columns) => {
    counts = columns.map((column) => column.getItem(0) as number);
  });
  return counts;
}
