import type { DuckDBConnection } from "@duckdb/node-api";
import { dataError } from "../errors.js";

/**
 * An embedded, in-memory DuckDB for one run. Loaded on first use, so that a run on the stream
 * engine never pays for the native module.
 */
export interface DuckDbSession {
  connection: DuckDBConnection;
  close(): void;
}

export interface DuckDbOptions {
  /** Rows must come back in file order (reading records one by one); aggregates do not need it. */
  ordered: boolean;
}

/**
 * The limit keeps a 10M-row extract well under 1 GB: a pass keeps one hash table of subjects and a
 * few groups per subject, never the extract.
 */
const MEMORY_LIMIT = "768MB";

export async function openDuckDb(options: DuckDbOptions = { ordered: false }): Promise<DuckDbSession> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: MEMORY_LIMIT,
    preserve_insertion_order: String(options.ordered),
  });
  const connection = await instance.connect();
  // read_csv under-estimates its rows, so DuckDB would build a join's hash table from the extract
  // (materialising it) rather than from the small table joined to it; keep the written order.
  await connection.run("SET disabled_optimizers = 'build_side_probe_side'");
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function withDuckDb<T>(options: DuckDbOptions, use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const session = await openDuckDb(options);
  try {
    return await use(session.connection);
  } finally {
    session.close();
  }
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The characters that make DuckDB read a path as a glob pattern (its `HasGlob`: `*`, `?`, `[`). */
const GLOB = /[*?[]/;

/** Whether DuckDB can be given the path as one file: no glob character, or no backslash to go with one. */
export function duckDbCanName(path: string): boolean {
  // DuckDB's glob splits a pattern at a backslash as at a slash, so no escape can name such a file.
  return !GLOB.test(path) || !path.includes("\\");
}

/**
 * A user's path as a SQL literal that DuckDB reads as exactly that one file. `read_csv` and
 * `read_parquet` take any path as a glob pattern, in a list too (`['ae [v2].csv']` read `ae 2.csv`),
 * so in such a path each of `*`, `?`, `[`, `]` is written as a class of itself (`[[]`), which
 * matches only it (a test holds DuckDB to it, with decoy files beside).
 * Braces are not glob characters to DuckDB. A path that cannot be named so (`duckDbCanName`) is
 * refused: `file` is the name the user gave.
 */
export function sqlPath(path: string, file: string): string {
  if (!duckDbCanName(path)) {
    throw dataError({
      code: "unreadable_file",
      file,
      line: 0,
      column: "",
      message: "cannot be read through DuckDB: its path has a backslash and one of * ? [; rename it (or its folder)",
    });
  }
  return sqlString(GLOB.test(path) ? path.replace(/[*?[\]]/g, (character) => `[${character}]`) : path);
}

/** A SQL identifier, whatever characters the extract's header uses. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `IN (…)` over string literals; an empty list matches nothing. */
export function sqlInList(expression: string, values: readonly string[]): string {
  return values.length === 0 ? "false" : `${expression} IN (${values.map(sqlString).join(", ")})`;
}

/**
 * What a CSV reader trims from each field (csv-parse's `trim`: space, tab, CR, LF, form feed),
 * written as raw characters: a SQL string literal takes no backslash escapes.
 */
export const TRIMMED_CHARACTERS = " \t\r\n\f";

/**
 * The text trimmed as csv-parse trims a field. DuckDB's `trim` with a set of characters is slow, so
 * it runs only where an edge could need it: `text < '!'` is true exactly when the text is empty or
 * starts with a byte of 0x20 or less.
 */
export function trimmedSql(text: string): string {
  const endsPadded = [...TRIMMED_CHARACTERS].map((character) => `suffix(${text}, ${sqlString(character)})`).join(" OR ");
  return `CASE WHEN ${text} < '!' OR ${endsPadded} THEN trim(${text}, ${sqlString(TRIMMED_CHARACTERS)}) ELSE ${text} END`;
}
