import { InputError } from "../errors.js";
import { isParquet } from "../io/records.js";
import { TOOL } from "../version.js";
import { fileReport } from "./file-report.js";
import { countLineEnds, lineEndsOf } from "./line-ends.js";
import type { FileReport, InspectReport, TextReport, UnreadableFile } from "./report.js";
import { type RowScan, scanCsv, scanParquet } from "./scan-rows.js";

const PARQUET_TEXT: TextReport = { container: "parquet", encoding: null, bom: false, notUtf8Line: null, delimiter: null, delimiterFromHeader: false, lineEnds: null };

/**
 * Reads as UTF-8; a file that is not is read again as Windows-1252 (what Excel writes on a UK
 * desktop), and the line where UTF-8 stopped is reported, so that the newcomer sees the file whole.
 */
async function scanText(path: string, file: string): Promise<{ scan: RowScan; notUtf8Line: number | null }> {
  try {
    return { scan: await scanCsv(path, file, "utf-8"), notUtf8Line: null };
  } catch (error) {
    const problem = error instanceof InputError ? error.problems[0] : undefined;
    if (problem?.code !== "not_utf8") throw error;
    return { scan: await scanCsv(path, file, "windows-1252"), notUtf8Line: problem.line };
  }
}

async function inspectCsv(path: string, file: string): Promise<FileReport> {
  const { scan, notUtf8Line } = await scanText(path, file);
  const kind = scan.kind!;
  const ends = await countLineEnds(path, kind.gzip);
  const text: TextReport = {
    container: kind.gzip ? "csv.gz" : "csv",
    encoding: kind.encoding,
    bom: ends.bom,
    notUtf8Line,
    delimiter: kind.delimiter,
    delimiterFromHeader: kind.delimiterFromHeader,
    lineEnds: lineEndsOf(ends),
  };
  return fileReport(file, scan, text);
}

function unreadable(file: string, error: InputError): UnreadableFile {
  const problem = error.problems[0]!;
  return { file, readable: false, problem: { code: problem.code, line: problem.line, column: problem.column, count: 1, message: problem.message } };
}

/**
 * Inspects one file. A file that cannot be read at all (missing, not text, empty, malformed CSV)
 * is a report of that one problem, so that the other files are still inspected.
 */
export async function inspectFile(path: string, file: string): Promise<FileReport> {
  try {
    return isParquet(path) ? fileReport(file, await scanParquet(path, file), PARQUET_TEXT) : await inspectCsv(path, file);
  } catch (error) {
    if (error instanceof InputError) return unreadable(file, error);
    throw error;
  }
}

/** Every file in turn (one at a time: memory holds one file's tallies). */
export async function inspectFiles(files: readonly { path: string; file: string }[]): Promise<InspectReport> {
  const reports: FileReport[] = [];
  for (const { path, file } of files) reports.push(await inspectFile(path, file));
  return { tool: { name: TOOL.name, version: TOOL.version }, files: reports };
}
