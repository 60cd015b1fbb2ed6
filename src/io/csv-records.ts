import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CsvError, parse } from "csv-parse";
import { dataError, InputError } from "../errors.js";
import { PROGRESS_EVERY, type ProgressListener } from "./progress.js";

/** Receives the header once, then every data record with the line it starts on (header = line 1). */
export interface CsvVisitor {
  header(fields: string[]): void;
  record(fields: string[], line: number): void;
}

/** One record of a CSV file (the header included) and the line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

const READ_BLOCK = 1 << 20;

function countNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.length === 0 || field.indexOf("\n") < 0) continue;
    for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) count++;
  }
  return count;
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field.length > 0) return false;
  return true;
}

/**
 * Numbers records as a person counts lines, for every reader of CSV files. Line numbers are counted
 * here rather than taken from csv-parse's `info`, which counts a quoted CRLF twice: a record starts on
 * the line after the previous one ends, and ends as many lines later as its fields hold new lines.
 * The returned function gives each record's first line, or 0 for a blank record (blank lines, and
 * lines of empty fields only, are not records).
 */
export function recordLines(): (fields: string[]) => number {
  let nextLine = 1;
  return (fields) => {
    const line = nextLine;
    nextLine = line + 1 + countNewlines(fields);
    return isBlank(fields) ? 0 : line;
  };
}

function parseFailure(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof CsvError) {
    const reason = error.message.replace(/^[^:]*: /, "").replace(/ at line \d+.*$/, "");
    return dataError({ code: error.code.toLowerCase(), file, line: Number(error.lines ?? 0), column: "", message: `malformed CSV: ${reason}` });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : "permission denied";
    return dataError({ code: "unreadable_file", file, line: 0, column: "", message: `cannot read: ${why}` });
  }
  throw error;
}

function emptyFile(file: string): InputError {
  return dataError({ code: "empty_file", file, line: 1, column: "", message: "the file is empty: a header row was expected" });
}

/** Every reader parses alike: byte-order mark dropped, fields trimmed, ragged rows allowed. */
async function openCsv(path: string, file: string): Promise<AsyncIterable<string[]>> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (error) {
    throw parseFailure(error, file);
  }
  const source = createReadStream(path, { highWaterMark: READ_BLOCK });
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }));
  // `pipe` leaves the file open when the parser is closed early (a reader stops, a parse error).
  parser.once("close", () => source.destroy());
  return parser;
}

/**
 * Streams a CSV file record by record through csv-parse, so memory does not grow with its length.
 * Blank lines (and lines of empty fields only) are not records.
 *
 * `progress`, if given, hears every `PROGRESS_EVERY` records and the end of the file; without it
 * the count is compared with Infinity, and nothing else is done per record.
 */
export async function visitCsv(path: string, file: string, visitor: CsvVisitor, progress?: ProgressListener): Promise<void> {
  const parser = await openCsv(path, file);
  const lineOf = recordLines();
  let seenHeader = false;
  let records = 0;
  let nextReport = progress ? PROGRESS_EVERY : Number.POSITIVE_INFINITY;
  try {
    for await (const fields of parser) {
      const line = lineOf(fields);
      if (line === 0) continue;
      if (!seenHeader) {
        seenHeader = true;
        visitor.header(fields);
      } else {
        visitor.record(fields, line);
        if (++records === nextReport) {
          progress!({ file, rows: records, done: false });
          nextReport += PROGRESS_EVERY;
        }
      }
    }
  } catch (error) {
    throw parseFailure(error, file);
  }
  if (!seenHeader) throw emptyFile(file);
  progress?.({ file, rows: records, done: true });
}

/**
 * The same records, header first, pulled one at a time: a reader that writes as it goes takes the
 * next record only once its output has room, so a slow output slows the reading instead of filling
 * memory. A consumer that stops early (`break`, an error) closes the file.
 */
export async function* readCsvRows(path: string, file: string): AsyncGenerator<CsvRow, void, undefined> {
  const parser = await openCsv(path, file);
  const lineOf = recordLines();
  let seenHeader = false;
  const records = parser[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await records.next();
      } catch (error) {
        throw parseFailure(error, file);
      }
      if (next.done) break;
      const line = lineOf(next.value);
      if (line === 0) continue;
      seenHeader = true;
      yield { fields: next.value, line };
    }
  } finally {
    // Reached early too, when the consumer stops: closes the file rather than leaving it open.
    await records.return?.();
  }
  if (!seenHeader) throw emptyFile(file);
}
