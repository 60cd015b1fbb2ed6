import type { DataError } from "../errors.js";
import type { ExtractName, SkippedRows } from "../result.js";

/**
 * The limit on skipping (evaluation.md, bad input): `--skip-invalid` skips bad rows, but when more
 * than 1% of an extract's rows and more than 10 are invalid, the file is not what its settings say
 * (a delimiter, a date format, an unquoted export) and the run stops all the same. `--max-invalid`
 * sets another limit: a number is a count of rows; "N%" a share of the extract's rows (and only
 * that: the floor of 10 belongs to the default rule); null is the default rule.
 */
export type MaxInvalid = number | string | null;

const DEFAULT_SHARE_PCT = 1;
const DEFAULT_FLOOR = 10;

type Limit = { kind: "default" } | { kind: "count"; rows: number } | { kind: "share"; pct: number };

function limitOf(maxInvalid: MaxInvalid): Limit {
  if (maxInvalid === null) return { kind: "default" };
  if (typeof maxInvalid === "number") return { kind: "count", rows: maxInvalid };
  const text = maxInvalid.trim();
  return text.endsWith("%") ? { kind: "share", pct: Number(text.slice(0, -1)) } : { kind: "count", rows: Number(text) };
}

/** True where `invalid` rows of `rows` read are more than the limit allows. */
export function isOverSkipLimit(invalid: number, rows: number, maxInvalid: MaxInvalid): boolean {
  const limit = limitOf(maxInvalid);
  switch (limit.kind) {
    case "default":
      // invalid / rows > 1%, in whole numbers.
      return invalid > DEFAULT_FLOOR && invalid * 100 > rows * DEFAULT_SHARE_PCT;
    case "count":
      return invalid > limit.rows;
    case "share":
      return invalid * 100 > rows * limit.pct;
  }
}

export function skipLimitInWords(maxInvalid: MaxInvalid): string {
  const limit = limitOf(maxInvalid);
  switch (limit.kind) {
    case "default":
      return `more than ${DEFAULT_SHARE_PCT}% of the rows and more than ${DEFAULT_FLOOR} stop the run`;
    case "count":
      return `--max-invalid ${limit.rows}: more than ${limit.rows} row${limit.rows === 1 ? "" : "s"} stop the run`;
    case "share":
      return `--max-invalid ${limit.pct}%: more than ${limit.pct}% of the rows stop the run`;
  }
}

const share = (invalid: number, rows: number) => `${Number(((invalid / rows) * 100).toFixed(1))}%`;

/** The problem that stops a run whose extract has too many invalid rows to skip, saying what to check. */
export function tooManyInvalid(extract: ExtractName, file: string, rows: number, skipped: readonly SkippedRows[], maxInvalid: MaxInvalid): DataError {
  const invalid = skipped.reduce((sum, entry) => sum + entry.rows, 0);
  // The most common reason: the first of the largest (entries are in the order first met).
  const common = skipped.reduce((most, entry) => (entry.rows > most.rows ? entry : most));
  const reason = `${common.column ? `${common.column}: ` : ""}${common.reason}`;
  return {
    code: "too_many_invalid",
    file,
    line: 0,
    column: "",
    message:
      `${invalid} of ${rows} rows (${share(invalid, rows)}) are invalid, too many to skip (${skipLimitInWords(maxInvalid)}); ` +
      `most often "${reason}" (${common.rows} row${common.rows === 1 ? "" : "s"}, first on line ${common.lines[0]}). ` +
      `The file is likely not what its settings say: check its delimiter, its date format and its quoting ` +
      `(formats.${extract} in the config); --max-invalid N or N% sets another limit`,
  };
}
