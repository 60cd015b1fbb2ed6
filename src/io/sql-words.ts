import { sqlString } from "./duckdb-session.js";

/**
 * What a rule's SQL twin (an outcome's `notCountableSql`, a missing-value test) must ask of the SQL
 * it is written in: how a string literal is spelled, which differs (Spark reads a backslash in one,
 * and joins `'a''b'` into `ab`; T-SQL needs `N'…'` for text beyond its code page). Everything else a
 * twin writes (`IN`, `CASE`, `NOT`, `LIKE`, `upper`, `lower`, `replace`) every dialect prepost
 * writes for reads alike.
 */
export interface SqlWords {
  literal(text: string): string;
}

/** DuckDB's (and PostgreSQL's) spelling: quotes doubled. */
export const DUCKDB_WORDS: SqlWords = { literal: sqlString };

/** `IN (…)` over string literals; an empty list matches nothing (`1 = 0`: T-SQL has no `false`). */
export function inList(expression: string, values: readonly string[], words: SqlWords): string {
  return values.length === 0 ? "1 = 0" : `${expression} IN (${values.map((value) => words.literal(value)).join(", ")})`;
}
