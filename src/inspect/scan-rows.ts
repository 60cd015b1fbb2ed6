import { isMissingToken } from "../extracts/missing-values.js";
import { type CsvVisitor, visitCsv } from "../io/csv-records.js";
import type { TextKind } from "../io/file-kind.js";
import { visitParquet } from "../io/parquet-records.js";
import { type ColumnTally, newColumnTally, tallyField } from "./column-tally.js";
import { type DuplicateKeys, newDuplicateKeys, tallyKey } from "./episode-duplicates.js";
import { bestExtract } from "./extract-match.js";
import type { ExtractMatch } from "./report.js";

/** One pass over a file's rows: every column tallied, in memory that does not grow with the rows. */
export interface RowScan {
  kind: TextKind | undefined;
  header: string[];
  headerLine: number;
  match: ExtractMatch;
  rows: number;
  tallies: ColumnTally[];
  ragged: number;
  firstRaggedLine: number;
  /** Admissions without an episode_order column: rows that repeat a patient, date and method. */
  duplicateKeys: DuplicateKeys | undefined;
}

const isMissing = (field: string) => field === "" || isMissingToken(field);

const positionOf = (header: readonly string[], name: string | null) => (name === null ? -1 : header.indexOf(name));

/** Where the episode-level check reads, for an admissions extract that has no episode_order. */
function keyPositions(header: readonly string[], match: ExtractMatch): [number, number, number] | undefined {
  if (match.looksLike !== "admissions") return undefined;
  const at = (column: string) => positionOf(header, match.columns.find((c) => c.column === column)?.header ?? null);
  if (at("episode_order") >= 0) return undefined;
  const positions: [number, number, number] = [at("patient_id"), at("admission_date"), at("admission_method")];
  return positions.every((position) => position >= 0) ? positions : undefined;
}

function scanVisitor(scan: RowScan): CsvVisitor {
  let keyAt: [number, number, number] | undefined;
  return {
    textKind: (kind) => void (scan.kind = kind),
    header(fields, line) {
      scan.header = [...fields];
      scan.headerLine = line;
      scan.match = bestExtract(fields);
      scan.tallies = fields.map(newColumnTally);
      keyAt = keyPositions(fields, scan.match);
      if (keyAt) scan.duplicateKeys = newDuplicateKeys();
    },
    record(fields, line) {
      scan.rows++;
      const width = scan.tallies.length;
      if (fields.length !== width && scan.ragged++ === 0) scan.firstRaggedLine = line;
      const count = Math.min(fields.length, width);
      for (let i = 0; i < count; i++) tallyField(scan.tallies[i]!, fields[i]!, line);
      if (keyAt && keyAt.every((position) => position < fields.length) && !isMissing(fields[keyAt[0]]!)) {
        tallyKey(scan.duplicateKeys!, fields[keyAt[0]]!, fields[keyAt[1]]!, fields[keyAt[2]]!);
      }
    },
  };
}

function emptyScan(): RowScan {
  return {
    kind: undefined, header: [], headerLine: 1, match: { looksLike: null, complete: false, columns: [] }, rows: 0, tallies: [], ragged: 0,
    firstRaggedLine: 0, duplicateKeys: undefined,
  };
}

/** Reads a CSV file (plain or gzip) in the given encoding; its delimiter is the header's. */
export async function scanCsv(path: string, file: string, encoding: TextKind["encoding"]): Promise<RowScan> {
  const scan = emptyScan();
  await visitCsv(path, file, scanVisitor(scan), undefined, "whole", { delimiter: undefined, encoding, settingsKey: "formats.<extract>" });
  return scan;
}

/** Reads a Parquet file's columns as the text a CSV field would be. */
export async function scanParquet(path: string, file: string): Promise<RowScan> {
  const scan = emptyScan();
  await visitParquet(path, file, "auto", scanVisitor(scan));
  return scan;
}
