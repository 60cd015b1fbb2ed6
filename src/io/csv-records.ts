import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CsvError, type Options, parse } from "csv-parse";
import { dataError, InputError } from "../errors.js";
import { hasQuoteNow } from "./csv-text-traits.js";
import { RECORD_LIMIT } from "./limits.js";
import { DEFAULT_TEXT, type TextKind, textKindOf, type TextSettings } from "./file-kind.js";
import { PROGRESS_EVERY, type ProgressListener } from "./progress.js";
import { lineAtOffset, NotUtf8, utf8Check, windows1252ToUtf8 } from "./text-decoding.js";

/** Receives the header once, then every data record with the line it starts on (header = line 1). */
export interface CsvVisitor {
  /** The header: the first record that is not blank, on `line`. */
  header(fields: string[], line: number): void;
  record(fields: string[], line: number): void;
  /** Told, before the header, how the file is read (its delimiter, compression, encoding). */
  textKind?(kind: TextKind): void;
}

/** One record of a CSV file (the header included) and the line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

const READ_BLOCK = 1 << 20;

/** csv-parse parses a whole block before the first record comes out. */
const HEAD_BLOCK = 1 << 14;

/**
 * How every CSV extract is parsed. `trim` drops space, tab, CR, LF and form feed around a field
 * (inside quotes too, see `trimInsideQuotes`); rows of any length come through so that a wrong one
 * is reported, not fatal.
 */
export const CSV_OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: RECORD_LIMIT };

/**
 * The same reading of a file with no `"` in it, without csv-parse's `trim`, which costs a fifth of
 * its time: with no quotes a field is all the text between two delimiters, so `trimInsideQuotes`
 * trims exactly what csv-parse would. (Its right trim of an unquoted field is JavaScript's
 * `trimEnd`, which also takes a no-break space or other Unicode space from the end only; prepost's
 * readers trim the five characters above at both ends, as the DuckDB and Parquet readers do.)
 */
const QUOTE_FREE_OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: RECORD_LIMIT };

/**
 * The options for a file that will be read through (a look for quotes costs far less than trimming);
 * a compressed file's bytes cannot be looked through, so it is trimmed by csv-parse.
 */
function optionsFor(path: string, kind: TextKind, extent: "whole" | "head"): Options {
  const options = extent === "whole" && !kind.gzip && !hasQuoteNow(path) ? QUOTE_FREE_OPTIONS : CSV_OPTIONS;
  return kind.delimiter === "," ? options : { ...options, delimiter: kind.delimiter };
}

/** The file's bytes as UTF-8 text: decompressed, and checked or decoded (see text-decoding.ts). */
function textStream(path: string, kind: TextKind, blockSize: number): { file: Readable; text: Readable } {
  const file = createReadStream(path, { highWaterMark: blockSize });
  const stages: NodeJS.ReadWriteStream[] = [...(kind.gzip ? [createGunzip()] : []), kind.encoding === "utf-8" ? utf8Check() : windows1252ToUtf8()];
  let text: Readable = file;
  for (const stage of stages) {
    text.on("error", (error) => (stage as unknown as Readable).destroy(error));
    text = text.pipe(stage) as unknown as Readable;
  }
  return { file, text };
}

function countNewlines(fields: string[]): number {
  let count = 0;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) count++;
  }
  return count;
}

const isTrimmed = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a || code === 0x0c;

function trimField(field: string): string {
  let start = 0;
  let end = field.length;
  while (start < end && isTrimmed(field.charCodeAt(start))) start++;
  while (end > start && isTrimmed(field.charCodeAt(end - 1))) end--;
  return field.slice(start, end);
}

/**
 * csv-parse trims around a quoted field but keeps what is inside the quotes; the spec trims every
 * field ("surrounding white space of every field is trimmed"), and so does the Parquet reader. A
 * database export writes a padded CHAR column as `"P1234567  "`: kept, it would be someone else.
 */
export function trimInsideQuotes(fields: string[]): void {
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const last = field.length - 1;
    if (last >= 0 && (field.charCodeAt(0) <= 0x20 || field.charCodeAt(last) <= 0x20)) fields[f] = trimField(field);
  }
}

/** A record whose every field is empty (a blank line, or a line of commas) is not a row. */
export function isBlank(fields: readonly string[]): boolean {
  for (let f = 0; f < fields.length; f++) if (fields[f]!.length > 0) return false;
  return true;
}

/**
 * Numbers records as a person counts lines, for every reader of CSV files, and trims their fields
 * inside quotes (`trimInsideQuotes`, after the new lines are counted). Line numbers are counted
 * here rather than taken from csv-parse's `info`, which counts a quoted CRLF twice: a record starts on
 * the line after the previous one ends, and ends as many lines later as its fields hold new lines.
 * The returned function gives each record's first line, or 0 for a blank record (blank lines, and
 * lines of empty fields only, are not records). A bare field can hold a new line too, where the
 * file's lines end with CRLF and a lone LF is text.
 */
export function recordLines(): (fields: string[]) => number {
  let nextLine = 1;
  return (fields) => {
    const line = nextLine;
    nextLine = line + 1 + countNewlines(fields);
    trimInsideQuotes(fields);
    return isBlank(fields) ? 0 : line;
  };
}

/** A read that failed, as the problem to report (a file that is not UTF-8 names its line and the setting that fixes it). */
async function readFailure(error: unknown, file: string, path: string, kind: TextKind, settings: TextSettings): Promise<InputError> {
  if (!(error instanceof NotUtf8)) return parseFailure(error, file);
  const line = await lineAtOffset(path, kind.gzip, error.offset).catch(() => 0);
  const key = `${settings.settingsKey}.encoding`;
  return dataError({
    code: "not_utf8",
    file,
    line,
    column: "",
    message: `is not UTF-8 text from this line on; if Excel saved it (Windows-1252), set ${JSON.stringify(key)} to "windows-1252" in the config, or save it as "CSV UTF-8"`,
  });
}

function parseFailure(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof CsvError && error.code === "CSV_MAX_RECORD_SIZE") {
    const message = `a row is longer than the ${RECORD_LIMIT / 2 ** 20} MB a row may be: the file is not read on`;
    return dataError({ code: "row_too_long", file, line: Number(error.lines ?? 0), column: "", message });
  }
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

/**
 * A pipe (`<(…)`, which is /dev/fd/N; standard input piped in; a FIFO) or a device can be read only
 * once, and an extract is read more than once (its first bytes, a look for quotes, the rows, a line
 * named in an error; DuckDB's pass besides): refused before anything opens it, which would wait for
 * a writer or take what the next read needed. Copying it aside would put patient data in a
 * temporary file; the analyst can choose where to save it.
 */
function notRegular(file: string): InputError {
  return dataError({
    code: "not_a_file",
    file,
    line: 0,
    column: "",
    message: "is not a regular file (a pipe, <(…) or standard input): prepost reads an extract more than once, so save it to a file and give that file",
  });
}

/** Refuses a path that is there but not a regular file or folder (see `notRegular`); anything else is for the reader to report. */
export async function refuseIfNotRegular(path: string, file: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isFile() && !info.isDirectory()) throw notRegular(file);
}

/** Fails with the user's file name if the path is missing, a folder, not a regular file, or unreadable. */
export async function checkReadableFile(path: string, file: string): Promise<void> {
  let regular: boolean;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    regular = info.isFile();
  } catch (error) {
    throw parseFailure(error, file);
  }
  if (!regular) throw notRegular(file);
}

/** Every reader parses alike (`optionsFor`): byte-order mark dropped, fields trimmed, ragged rows allowed. */
async function openCsv(path: string, kind: TextKind): Promise<AsyncIterable<string[]>> {
  const { file: source, text } = textStream(path, kind, READ_BLOCK);
  const parser = parse(optionsFor(path, kind, "whole"));
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  // `pipe` leaves the file open when the parser is closed early (a reader stops, a parse error).
  parser.once("close", () => source.destroy());
  return parser;
}

/** Checks the file can be read and is text, and says how to read it. */
export async function openTextKind(path: string, file: string, settings: TextSettings): Promise<TextKind> {
  await checkReadableFile(path, file);
  try {
    return await textKindOf(path, file, settings);
  } catch (error) {
    throw parseFailure(error, file);
  }
}

/**
 * Streams a CSV file record by record through csv-parse, so memory does not grow with its length.
 * Blank lines (and lines of empty fields only) are not records. Records are drained in a synchronous
 * `read()` loop: an async iterator costs a promise per record.
 *
 * `progress`, if given, hears every `PROGRESS_EVERY` records and the end of the file; without it
 * the count is compared with Infinity, and nothing else is done per record. `extent: "head"` is
 * for a visitor that stops after a record or two (`readCsvHead`): small blocks, and no look
 * through the rest of the file for quotes.
 */
export async function visitCsv(
  path: string,
  file: string,
  visitor: CsvVisitor,
  progress?: ProgressListener,
  extent: "whole" | "head" = "whole",
  settings: TextSettings = DEFAULT_TEXT,
): Promise<void> {
  const kind = await openTextKind(path, file, settings);
  visitor.textKind?.(kind);
  const { file: source, text: input } = textStream(path, kind, extent === "head" ? HEAD_BLOCK : READ_BLOCK);
  const parser = parse(optionsFor(path, kind, extent));
  const lineOf = recordLines();
  let seenHeader = false;
  let records = 0;
  let nextReport = progress ? PROGRESS_EVERY : Number.POSITIVE_INFINITY;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        source.destroy();
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
            const line = lineOf(fields);
            if (line === 0) continue;
            if (!seenHeader) {
              seenHeader = true;
              visitor.header(fields, line);
              continue;
            }
            visitor.record(fields, line);
            if (++records === nextReport) {
              progress!({ file, rows: records, done: false });
              nextReport += PROGRESS_EVERY;
            }
          }
        } catch (error) {
          fail(error);
        }
      });
      input.pipe(parser);
    });
  } catch (error) {
    throw await readFailure(error, file, path, kind, settings);
  }
  if (!seenHeader) throw emptyFile(file);
  progress?.({ file, rows: records, done: true });
}

/**
 * The same records, header first, pulled one at a time: a reader that writes as it goes takes the
 * next record only once its output has room, so a slow output slows the reading instead of filling
 * memory. A consumer that stops early (`break`, an error) closes the file.
 */
export async function* readCsvRows(path: string, file: string, settings: TextSettings = DEFAULT_TEXT): AsyncGenerator<CsvRow, void, undefined> {
  const kind = await openTextKind(path, file, settings);
  const parser = await openCsv(path, kind);
  const lineOf = recordLines();
  let seenHeader = false;
  const records = parser[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await records.next();
      } catch (error) {
        throw await readFailure(error, file, path, kind, settings);
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
