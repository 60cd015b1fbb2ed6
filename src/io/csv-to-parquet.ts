import type { DuckDBConnection } from "@duckdb/node-api";
import { dataError, InputError } from "../errors.js";
import { writeAtomically } from "./atomic-write.js";
import { readCsvHead } from "./csv-head.js";
import { csvTextTraitsNow, readFirstLine } from "./csv-text-traits.js";
import { sqlIdentifier, sqlPath, sqlString, trimmedSql, withDuckDb } from "./duckdb-session.js";
import { csvReadSql, isPlainHeader } from "./duckdb-csv.js";
import { FIELD_LIMIT } from "./limits.js";

function problem(file: string, message: string, line = 0): InputError {
  return dataError({ code: "cannot_convert", file, line, column: "", message });
}

/**
 * The CSV's rows as the evaluation reads them: every field text, trimmed (where the file has
 * anything to trim: csv-parse leaves the inside of quotes alone), rows of empty fields left out. A
 * row of the wrong length cannot be a table row, so it stops the conversion (DuckDB would silently
 * drop empty fields past the last column; the column past the header's catches it).
 */
function selectSql(path: string, file: string, header: readonly string[], trim: boolean, parallel: boolean): string {
  const n = header.length;
  // Short, or with a field past the last that is not empty (empty ones are not fields, as in evaluate).
  const wrongLength = `c${n - 1} IS NULL OR (c${n} IS NOT NULL AND ${trim ? trimmedSql(`c${n}`) : `c${n}`} <> '')`;
  const guard = `CASE WHEN ${wrongLength} THEN error('a row has a different number of fields from the header') ELSE true END`;
  const fields = header.map((_, i) => `${trim ? trimmedSql(`c${i}`) : `c${i}`} AS f${i}`).join(", ");
  const columns = header.map((name, i) => `f${i} AS ${sqlIdentifier(name)}`).join(", ");
  const blank = header.map((_, i) => `f${i} = ''`).join(" AND ");
  return `SELECT ${columns} FROM (SELECT ${fields} FROM ${csvReadSql(path, file, n, parallel, "padded")} WHERE ${guard}) WHERE NOT (${blank})`;
}

async function copy(connection: DuckDBConnection, path: string, file: string, header: readonly string[], trim: boolean, out: string): Promise<void> {
  const to = `TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`;
  try {
    await connection.run(`COPY (${selectSql(path, file, header, trim, true)}) ${to}`);
  } catch (error) {
    // DuckDB's parallel reader cannot pad short rows once a quoted field holds a new line.
    if (!/parallel\s*=\s*false/i.test((error as Error).message)) throw error;
    await connection.run(`COPY (${selectSql(path, file, header, trim, false)}) ${to}`);
  }
}

/**
 * `prepost convert`: writes a CSV extract as Parquet with DuckDB's COPY, every column as text under
 * the header's own names, so that the evaluation reads the same columns, mapping and values from it
 * (faster, and a tenth of the size). The output is written whole or not at all.
 */
export async function convertCsvToParquet(path: string, file: string, out: string, outName = out): Promise<{ rows: number }> {
  // Before anything is written: an output DuckDB cannot name could not be counted once written.
  sqlPath(out, outName);
  const head = await readCsvHead(path, file);
  const lower = head.header.map((name) => name.toLowerCase());
  const twice = head.header.find((name, i) => lower.indexOf(name.toLowerCase()) !== i);
  if (twice !== undefined) throw problem(file, `the header names a column twice (${twice}): a Parquet file cannot`, head.headerLine);
  if (head.headerLine !== 1 || !isPlainHeader(await readFirstLine(path), head.header)) {
    throw problem(file, "the header line must be the first line, without padding or odd quoting, to convert it", 1);
  }
  const { padding, longLine } = csvTextTraitsNow(path);
  // DuckDB drops a last line of over 32 MiB without a word (docs/scale.md): no such line is converted.
  if (longLine) throw problem(file, `a line is longer than the ${FIELD_LIMIT / 2 ** 20} MB a field may be: DuckDB cannot be trusted to read it; evaluate the CSV itself`);
  return withDuckDb({ ordered: true }, async (connection) => {
    let rows = 0;
    await writeAtomically(
      out,
      async (temporary) => {
        try {
          await copy(connection, path, file, head.header, padding, temporary);
        } catch (error) {
          throw problem(file, `cannot convert: ${(error as Error).message.split("\n")[0]}`);
        }
        // Counted from the temporary: the output may be a FIFO or a device, which cannot be read back.
        const counted = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlPath(temporary, outName)})`);
        rows = Number(counted.getRowsJS()[0]![0]);
      },
      { name: outName },
    );
    return { rows };
  });
}
