import type { DateFormat } from "../extracts/dates.js";
import { type CsvVisitor, visitCsv } from "./csv-records.js";
import type { ProgressListener } from "./progress.js";
import { visitParquet } from "./parquet-records.js";

/** Extracts may be CSV or Parquet; Parquet is told by its extension. */
export function isParquet(path: string): boolean {
  return /\.parquet$/i.test(path);
}

export interface RecordReading {
  /** How typed date columns of a Parquet file are written out, so they read as the run's dates. */
  dateFormat: DateFormat;
}

/**
 * Visits an extract's header and records, whatever its format: the row path every extract takes on
 * the stream engine, and the DuckDB engine's way to the diagnostics of an invalid row.
 */
export function visitRecords(
  path: string,
  file: string,
  reading: RecordReading,
  visitor: CsvVisitor,
  progress?: ProgressListener,
): Promise<void> {
  return isParquet(path) ? visitParquet(path, file, reading.dateFormat, visitor) : visitCsv(path, file, visitor, progress);
}
