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

/** The same rule in SQL: the field's text, or '' where it is a missing-value token. */
export function missingAsEmptySql(text: string): string {
  // strlen first: a pseudonym (64 characters) is never upper-cased.
  return `CASE WHEN strlen(${text}) BETWEEN 2 AND 4 AND upper(${text}) IN (${MISSING_TOKENS.map((token) => `'${token}'`).join(", ")}) THEN '' ELSE ${text} END`;
}
