import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CsvError, type Options, parse } from "csv-parse";
import { dataError, InputError } from "../errors.js";

/** Receives the header once, then every data record with the line it starts on (header = line 1). */
export interface CsvVisitor {
  /** The header: the first record that is not blank, on `line`. */
  header(fields: string[], line: number): void;
  record(fields: string[], line: number): void;
}

const READ_BLOCK = 1 << 20;

/**
 * How every CSV extract is parsed. `trim` drops space, tab, CR, LF and form feed around a field,
 * but not inside quotes; rows of any length come through so that a wrong one is reported, not fatal.
 */
export const CSV_OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true };

function countNewlines(fields: string[]): number {
  let count = 0;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) count++;
  }
  return count;
}

/** A record whose every field is empty (a blank line, or a line of commas) is not a row. */
export function isBlank(fields: readonly string[]): boolean {
  for (let f = 0; f < fields.length; f++) if (fields[f]!.length > 0) return false;
  return true;
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

/** Fails with the user's file name if the path is missing, a folder or unreadable. */
export async function checkReadableFile(path: string, file: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (error) {
    throw parseFailure(error, file);
  }
}

/**
 * Streams a CSV file record by record through csv-parse, so memory does not grow with its length.
 * Line numbers are counted here rather than taken from csv-parse's `info`, which counts a quoted
 * CRLF twice: a record starts on the line after the previous one ends, and ends as many lines later
 * as its fields hold new lines. Blank lines (and lines of empty fields only) are not records.
 * Records are drained in a synchronous `read()` loop: an async iterator costs a promise per record.
 */
export async function visitCsv(path: string, file: string, visitor: CsvVisitor, block = READ_BLOCK): Promise<void> {
  await checkReadableFile(path, file);
  const input = createReadStream(path, { highWaterMark: block });
  const parser = parse(CSV_OPTIONS);
  let nextLine = 1;
  let seenHeader = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        input.destroy();
        parser.destroy();
        reject(error);
      };
      input.on("error", fail);
      parser.on("error", fail);
      parser.on("end", resolve);
      parser.on("readable", () => {
        try {
          let fields: string[] | null;
          while ((fields = parser.read() as string[] | null) !== null) {
            const line = nextLine;
            nextLine = line + 1 + countNewlines(fields);
            if (isBlank(fields)) continue;
            if (seenHeader) {
              visitor.record(fields, line);
            } else {
              seenHeader = true;
              visitor.header(fields, line);
            }
          }
        } catch (error) {
          fail(error);
        }
      });
      input.pipe(parser);
    });
  } catch (error) {
    throw parseFailure(error, file);
  }
  if (!seenHeader) {
    throw dataError({ code: "empty_file", file, line: 1, column: "", message: "the file is empty: a header row was expected" });
  }
}
