import { DUCKDB_WORDS, inList, type SqlWords } from "../io/sql-words.js";

/**
 * Real exports write a missing value as an empty field or as a token: SSMS writes `NULL`, R and
 * Excel users `NA` or `N/A`. In every column each of them is missing (evaluation.md, "Real exports,
 * read as they come"): an untraced patient exported as `NULL` is never one patient called NULL.
 */
export const MISSING_TOKENS = ["NULL", "NA", "N/A"] as const;

/** True for `NULL`, `NA`, `N/A` in any case (the field is already trimmed). */
export function isMissingToken(field: string): boolean {
  if (field.length < 2 || field.length > 4) return false;
  const upper = field.toUpperCase();
  return upper === "NULL" || upper === "NA" || upper === "N/A";
}

/** Every way of writing the tokens in any case (`NULL`, `null`, `Null`, …): 24 strings. */
export function everyCase(token: string): string[] {
  let spellings = [""];
  for (const character of token) {
    const both = character.toLowerCase() === character.toUpperCase() ? [character] : [character.toUpperCase(), character.toLowerCase()];
    spellings = spellings.flatMap((start) => both.map((next) => start + next));
  }
  return spellings;
}

/** Every spelling of every token, for SQL that must find them without `upper()` on every row. */
export const MISSING_TOKEN_SPELLINGS: readonly string[] = MISSING_TOKENS.flatMap(everyCase);

/** The same rule in SQL, for a condition: true where the field is a missing-value token. */
export function isMissingTokenSql(text: string, words: SqlWords = DUCKDB_WORDS): string {
  return inList(text, MISSING_TOKEN_SPELLINGS, words);
}

/** The same rule in SQL, for a value: the field's text, or '' where it is a missing-value token. */
export function missingAsEmptySql(text: string, words: SqlWords = DUCKDB_WORDS): string {
  return `CASE WHEN ${isMissingTokenSql(text, words)} THEN ${words.literal("")} ELSE ${text} END`;
}

/**
 * Whether a list of codes (excluded categories, emergency methods) could tell a token from an empty
 * field: only if it holds one of them. Otherwise neither is in it, and the SQL need not rewrite tokens.
 */
export function listSeesMissing(codes: readonly string[]): boolean {
  return codes.some((code) => code === "" || isMissingToken(code));
}
