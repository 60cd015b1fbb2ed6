import { toRegex, type TextPattern } from "../../extracts/text-pattern.js";

/** The anchored regular expression of a pattern, for the dialects that have them. */
export const anchored = (pattern: TextPattern) => `^(?:${toRegex(pattern)})$`;
export const anchoredStart = (pattern: TextPattern) => `^(?:${toRegex(pattern)})`;

/** The characters csv-parse trims (io/duckdb-session.ts's TRIMMED_CHARACTERS), by code. */
export const TRIMMED_CODES = [32, 9, 13, 10, 12] as const;

/** A date's YYYYMMDD from its year, month and day functions. */
export const yyyymmddOf = (year: string, month: string, day: string) => `(${year} * 10000 + ${month} * 100 + ${day})`;
