import type { ColumnUse } from "../io/columns.js";
import type { TextKind } from "../io/file-kind.js";
import { isParquet } from "../io/records.js";
import type { DateFormat } from "./dates.js";
import type { ExtractSource } from "./source.js";

/**
 * How one extract was read, for the output's `inputs` (evaluation.md: a column taken by an export
 * name, a delimiter taken from the header, is named there, never taken silently). Plain data, so
 * that a worker thread can send it back.
 */
export interface ExtractReading {
  kind: "csv" | "parquet";
  /** CSV only: the delimiter read with, and whether the header showed it (rather than the settings). */
  delimiter: string | null;
  delimiterFromHeader: boolean;
  encoding: "utf-8" | "windows-1252" | null;
  gzip: boolean;
  /** Per spec column, the header it was read from (null: an optional column the extract lacks). */
  columns: Record<string, ColumnUse | null>;
  /** Per date column, the format its dates were read in (null: no date decided it). */
  dateFormats: Record<string, DateFormat | null>;
}

export function startReading(source: ExtractSource): ExtractReading {
  return {
    kind: isParquet(source.path) ? "parquet" : "csv",
    delimiter: null,
    delimiterFromHeader: false,
    encoding: null,
    gzip: false,
    columns: {},
    dateFormats: {},
  };
}

/** What the CSV reader found of the file's text. */
export function noteTextKind(reading: ExtractReading, kind: TextKind): void {
  reading.delimiter = kind.delimiter;
  reading.delimiterFromHeader = kind.delimiterFromHeader;
  reading.encoding = kind.encoding;
  reading.gzip = kind.gzip;
}
