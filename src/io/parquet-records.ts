import type { DuckDBConnection } from "@duckdb/node-api";
import { dataError, InputError } from "../errors.js";
import type { DateSetting } from "../extracts/dates.js";
import { type CsvVisitor, checkReadableFile, isBlank } from "./csv-records.js";
import { sqlIdentifier, sqlPath, trimmedSql, withDuckDb } from "./duckdb-session.js";

export interface ParquetColumn {
  name: string;
  /** DuckDB's name for the column's type (`VARCHAR`, `DATE`, `TIMESTAMP`, `BIGINT`…). */
  type: string;
}

/** The Parquet file's columns, in order. */
export async function parquetColumns(connection: DuckDBConnection, path: string, file: string): Promise<ParquetColumn[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlPath(path, file)})`);
  return described.getRowsJS().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

function textOf(column: ParquetColumn, dateFormat: DateSetting): string {
  const id = sqlIdentifier(column.name);
  // Text is trimmed as a CSV field is; a typed value written as text has nothing to trim.
  if (column.type === "VARCHAR") return trimmedSql(id);
  // A typed date is no longer text in some format: write it in the run's, so that it reads as a date.
  if (dateFormat === "dmy" && column.type === "DATE") return `strftime(${id}, '%d/%m/%Y')`;
  if (dateFormat === "dmy" && column.type.startsWith("TIMESTAMP")) return `strftime(${id}, '%d/%m/%Y %H:%M:%S')`;
  return `CAST(${id} AS VARCHAR)`;
}

/**
 * One Parquet column as the text a CSV field would be: a null is empty, and surrounding white space
 * is trimmed as a CSV reader trims it. Both engines read Parquet through this one expression, so
 * they see the same strings.
 */
export function parquetFieldSql(column: ParquetColumn, dateFormat: DateSetting): string {
  return `coalesce(${textOf(column, dateFormat)}, '')`;
}

/** DuckDB's refusal of the file (not Parquet, truncated, a corrupted page) as the user's problem; short, never a value. */
function notParquet(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const reason = ((error as Error).message.split("\n")[0] ?? "").slice(0, 200);
  return dataError({ code: "unreadable_file", file, line: 0, column: "", message: `cannot read as Parquet: ${reason}` });
}

/** A DuckDB call on the user's file, its failure that file's problem. */
async function reading<T>(file: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw notParquet(file, error);
  }
}

/**
 * Streams a Parquet file record by record, as `visitCsv` does a CSV file: the column names are the
 * header, and a row's "line" is its row number + 1, so that a CSV converted to Parquet (with no
 * blank lines or quoted new lines) keeps its line numbers. Rows whose every field is empty are not
 * records, as in CSV.
 */
export async function visitParquet(path: string, file: string, dateFormat: DateSetting, visitor: CsvVisitor): Promise<void> {
  await checkReadableFile(path, file);
  await withDuckDb({ ordered: true }, async (connection) => {
    const columns = await reading(file, () => parquetColumns(connection, path, file));
    visitor.header(columns.map((column) => column.name), 1);
    if (columns.length === 0) return;
    const fields = columns.map((column) => parquetFieldSql(column, dateFormat)).join(", ");
    const result = await reading(file, () => connection.stream(`SELECT ${fields} FROM read_parquet(${sqlPath(path, file)})`));
    // A corrupted page shows only once its rows are fetched: an unreadable file, not a bug.
    const next = () => reading(file, () => result.fetchChunk());
    let line = 1;
    for (let chunk = await next(); chunk && chunk.rowCount > 0; chunk = await next()) {
      for (const record of chunk.getRows() as string[][]) {
        line++;
        if (!isBlank(record)) visitor.record(record, line);
      }
    }
  });
}
