import { readCsvRows } from "../../src/io/csv-records.js";
import { openDuckDb } from "../../src/io/duckdb-session.js";
import { sqlIdentifier } from "../../src/io/duckdb-session.js";
import { stringify } from "csv-stringify/sync";
import { InputError } from "../../src/errors.js";

/** An extract as a warehouse holds it: its header's columns, every value text, and for the referrals a row number added on upload. */
export interface WarehouseTable {
  name: string;
  columns: string[];
  rows: (string | number)[][];
  /** Columns of whole numbers (row_order). */
  numeric?: string[];
}

/**
 * A CSV file read as prepost reads one (csv-parse, trimmed), as the table an upload would make:
 * undefined where a row has a field count other than the header's (a warehouse's loader would refuse
 * the file, so the case says nothing about the script). `rowOrder` adds the line number as `row_order`.
 */
export async function tableFromCsv(name: string, path: string, rowOrder = false): Promise<WarehouseTable | undefined> {
  let columns: string[] | undefined;
  const rows: (string | number)[][] = [];
  try {
    for await (const { fields, line } of readCsvRows(path, path)) {
      if (!columns) {
        columns = fields;
        continue;
      }
      if (fields.length === 1 && fields[0] === "") continue;
      if (fields.length !== columns.length) return undefined;
      rows.push(rowOrder ? [...fields, line] : fields);
    }
  } catch (error) {
    // Malformed CSV: no table would hold it either.
    if (error instanceof InputError) return undefined;
    throw error;
  }
  if (columns && new Set(columns.map((c) => c.toLowerCase())).size < columns.length) return undefined;
  if (!columns) return undefined;
  return { name, columns: rowOrder ? [...columns, "row_order"] : columns, rows, ...(rowOrder ? { numeric: ["row_order"] } : {}) };
}

/** The statements of a script (each ends with `;` at a line's end). */
export function statementsOf(script: string): string[] {
  return script
    .split(/;\n/)
    .map((statement) => statement.replace(/^(--[^\n]*\n)+/, "").trim())
    .filter((statement) => statement !== "");
}

/** Loads the tables into a fresh in-memory DuckDB, runs the script, and returns its last statement's rows as CSV (header first). */
export async function runInDuckDb(tables: readonly WarehouseTable[], script: string): Promise<string> {
  const session = await openDuckDb({ ordered: true });
  try {
    const { connection } = session;
    for (const table of tables) {
      const numeric = new Set(table.numeric ?? []);
      await connection.run(`CREATE TABLE ${sqlIdentifier(table.name)} (${table.columns.map((c) => `${sqlIdentifier(c)} ${numeric.has(c) ? "BIGINT" : "VARCHAR"}`).join(", ")})`);
      const appender = await connection.createAppender(table.name);
      for (const row of table.rows) {
        row.forEach((value, i) => (numeric.has(table.columns[i]!) ? appender.appendBigInt(BigInt(value)) : appender.appendVarchar(String(value))));
        appender.endRow();
      }
      appender.closeSync();
    }
    const statements = statementsOf(script);
    // The result is the script's last SELECT (the tables are dropped after it).
    const select = statements.findLastIndex((statement) => /^SELECT/i.test(statement));
    if (select < 0) throw new Error("the script has no result");
    let result: { columns: string[]; rows: unknown[][] } = { columns: [], rows: [] };
    for (const [i, statement] of statements.entries()) {
      const reader = await connection.runAndReadAll(statement);
      if (i === select) result = { columns: reader.columnNames(), rows: reader.getRowsJS() };
    }
    return stringify([result.columns, ...result.rows.map((row) => row.map((v) => (typeof v === "bigint" ? v.toString() : v)))]);
  } finally {
    session.close();
  }
}
