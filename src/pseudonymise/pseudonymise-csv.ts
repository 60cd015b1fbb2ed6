import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import { writeStreamAtomic } from "../io/atomic-write.js";
import { readCsvRows } from "../io/csv-records.js";
import { newReport, type PseudonymiseReport, pseudonymiseRows, type PseudonymiseSettings } from "./pseudonymise-rows.js";
import type { SecretKey } from "./secret-key.js";

/** The mode of a new pseudonymised file: pseudonyms still identify a person to whoever holds the key. */
export const PSEUDONYMISED_FILE_MODE = 0o600;

export interface PseudonymiseCsvRequest extends PseudonymiseSettings {
  /** The input's path, and its name as the user wrote it (for messages). */
  input: string;
  inputName: string;
  key: SecretKey;
}

function outputRows(request: PseudonymiseCsvRequest, report: PseudonymiseReport): AsyncGenerator<string[]> {
  return pseudonymiseRows(readCsvRows(request.input, request.inputName), request.key, request, request.inputName, report);
}

// csv-stringify quotes a field only where CSV needs it (a comma, quote, or line end inside), so
// every field reads back as it was read. New lines are written LF.
function csvText() {
  return stringify({ eof: true });
}

/**
 * Pseudonymises a CSV file into another, in bounded memory: rows are pulled from the input only as
 * fast as the output takes them. The output file is written whole or not at all; a run stopped by
 * a bad row leaves no output file (and an existing one untouched).
 */
export async function pseudonymiseCsvToFile(request: PseudonymiseCsvRequest, output: string, outputName = output): Promise<PseudonymiseReport> {
  const report = newReport(request.onInvalid);
  // A new pseudonymised file is the owner's only, as a key is; an existing one keeps its mode.
  await writeStreamAtomic(output, (sink) => pipeline(outputRows(request, report), csvText(), sink), { name: outputName, mode: PSEUDONYMISED_FILE_MODE });
  return report;
}

/**
 * Pseudonymises a CSV file onto a stream (standard output). What has gone down a pipe cannot be
 * taken back, so the input is read twice: once to check every row, writing nothing, and then again
 * to write. A bad row or a malformed file therefore stops the run before any output, as it does
 * with an output file.
 */
export async function pseudonymiseCsvToStream(request: PseudonymiseCsvRequest, sink: Writable): Promise<PseudonymiseReport> {
  for await (const row of outputRows(request, newReport(request.onInvalid))) void row;
  const report = newReport(request.onInvalid);
  await pipeline(outputRows(request, report), csvText(), sink);
  return report;
}
