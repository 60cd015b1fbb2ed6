import type { ExtractName } from "../result.js";

/**
 * What `prepost inspect` finds in a file: the shape of its JSON output (`--format json`, documented
 * in docs/inspect.md). Field names are fixed; more fields may be added. Nothing here holds a value of
 * a person: identifiers are counted, never shown; dates are shown as a format and a range of months;
 * only the values of code columns are listed.
 */
export interface InspectReport {
  tool: { name: string; version: string };
  files: FileReport[];
  /** With `--write-config`: what was written, and why each entry is there. */
  writtenConfig?: { file: string; config: Record<string, unknown>; choices: string[]; leftOut: string[] };
}

export type FileReport = InspectedFile | UnreadableFile;

/** A file that could not be inspected at all (missing, not text, empty, malformed CSV). */
export interface UnreadableFile {
  file: string;
  readable: false;
  problem: Problem;
}

export interface InspectedFile {
  file: string;
  readable: true;
  text: TextReport;
  /** Data rows: records after the header, blank lines not counted. */
  rows: number;
  header: { line: number; names: string[] };
  columns: ColumnReport[];
  extract: ExtractMatch;
  rules: RuleReport[];
  problems: Problem[];
}

export type LineEnds = "LF" | "CRLF" | "CR" | "mixed" | "none";

/** How the file is written. A Parquet file has no text: its fields are null but `container`. */
export interface TextReport {
  container: "csv" | "csv.gz" | "parquet";
  /** The encoding it was read in: UTF-8, or Windows-1252 where it is not UTF-8. */
  encoding: "utf-8" | "windows-1252" | null;
  bom: boolean;
  /** The first line that is not UTF-8, where it is not (it was then read as Windows-1252). */
  notUtf8Line: number | null;
  delimiter: string | null;
  /** True where the header uses another delimiter than a comma. */
  delimiterFromHeader: boolean;
  lineEnds: LineEnds | null;
}

export type ColumnKind = "identifier" | "date" | "code" | "number" | "text" | "empty";

export interface ColumnReport {
  name: string;
  /** 1-based position in the header. */
  position: number;
  kind: ColumnKind;
  /** Rows with a value (neither empty nor a missing-value token). */
  filled: number;
  /** Rows without one, by how they say so. */
  missing: { empty: number; NULL: number; NA: number; "N/A": number };
  /** Distinct filled values; null where there are more than `DISTINCT_CAP` (they stop being tracked). */
  distinct: number | null;
  /** Values that look like NHS numbers (ten digits, or 3-3-4): a sign of an extract not pseudonymised. */
  nhsNumberLike: number;
  date?: DateReport;
  /** Whole numbers (every filled value one): their range. */
  wholeNumbers?: { min: number; max: number };
  /** Code columns only: the values and their rows, most frequent first. */
  values?: { value: string; rows: number }[];
  /** Code columns only: distinct values not listed (each in fewer than `LISTED_MIN_ROWS` rows). */
  valuesNotListed?: number;
}

export interface DateReport {
  /** The format of the first date-shaped value (as `dateFormat: auto` decides), or `mixed`. */
  format: "iso" | "dmy" | "mixed";
  /** Values in each format. */
  iso: number;
  dmy: number;
  /** Dates with a time of day after them (only the day counts). */
  withTime: number;
  /** The range of real dates, by month (YYYY-MM): no one's date of an event is shown. */
  earliestMonth: string | null;
  latestMonth: string | null;
  /** HES's missing-date placeholders (1800-01-01, 1801-01-01, …), which are missing, not dates. */
  hesMissing: number;
  /** Filled values that are not a date in the column's format (another shape, a day that does not exist, a US order). */
  notFitting: number;
}

export interface SpecColumnMatch {
  /** The spec's column name. */
  column: string;
  required: boolean;
  /** The header name that would supply it, or null. */
  header: string | null;
  /** How it was found: by the spec's own name, by a well-known export name (SUS+/HES), or not. */
  by: "default" | "well_known" | null;
  /** Where it is not found: the nearest header names. */
  nearest?: string[];
}

export interface ExtractMatch {
  /** The extract the header fits best; null where it fits none. */
  looksLike: ExtractName | null;
  /** Every required column of that extract is there. */
  complete: boolean;
  columns: SpecColumnMatch[];
}

export interface RuleReport {
  /** A setting (`requireConsent`), or a rule of the spec (`episodes`). */
  rule: string;
  possible: boolean;
  note: string;
}

export interface Problem {
  code: string;
  /** The first line it was seen on (1 = the header); 0 where it is the file's. */
  line: number;
  column: string;
  /** Rows it concerns (1 for a file-level problem). */
  count: number;
  message: string;
}
