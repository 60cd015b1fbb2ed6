import type { ExtractSource } from "../extracts/source.js";
import { type CsvVisitor, visitCsv } from "./csv-records.js";
import type { TextSettings } from "./file-kind.js";
import type { ProgressListener } from "./progress.js";
import { visitParquet } from "./parquet-records.js";

/** Extracts may be CSV or Parquet; Parquet is told by its extension. */
export function isParquet(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/** What the run's settings say of an extract's text, for the CSV reader. */
export function textSettingsOf(source: ExtractSource): TextSettings {
  return { delimiter: source.format.delimiter, encoding: source.format.encoding, settingsKey: `formats.${source.extract}` };
}

/**
 * Visits an extract's header and records, whatever its format: the row path every extract takes on
 * the stream engine, and the DuckDB engine's way to the diagnostics of an invalid row.
 */
export function visitRecords(source: ExtractSource, visitor: CsvVisitor, progress?: ProgressListener): Promise<void> {
  return isParquet(source.path)
    ? visitParquet(source.path, source.file, source.format.dateFormat, visitor)
    : visitCsv(source.path, source.file, visitor, progress, "whole", textSettingsOf(source));
}
