import { open } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { dataError, type InputError } from "../errors.js";

/**
 * What an extract's bytes are, looked at before a single row is read (evaluation.md, "Real exports,
 * read as they come"): CSV text (perhaps gzip-compressed), or something else an analyst saved by
 * mistake (an Excel workbook, a zip, a Parquet file under a .csv name, UTF-16 text), which is an
 * error that says how to save it as CSV. And which delimiter the header uses.
 */

/** The delimiters prepost reads: a comma by default; `formats.<extract>.delimiter` gives another. */
export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** How a delimiter is named in messages and outputs. */
export function delimiterName(delimiter: string): string {
  return delimiter === "\t" ? "tab" : delimiter === "," ? "comma" : delimiter === ";" ? "semicolon" : delimiter === "|" ? "pipe (|)" : JSON.stringify(delimiter);
}

/** What the settings say of an extract's text, and which config key says it. */
export interface TextSettings {
  /** Undefined: a comma, or another delimiter the header plainly uses. */
  delimiter: string | undefined;
  encoding: "utf-8" | "windows-1252";
  /** The config key of the extract's formats (`formats.ae`), for messages that say what to set. */
  settingsKey: string;
}

export const DEFAULT_TEXT: TextSettings = { delimiter: undefined, encoding: "utf-8", settingsKey: "formats" };

/** How the file will be read. */
export interface TextKind {
  gzip: boolean;
  delimiter: string;
  /** True where the header showed another delimiter than the one expected (the output says so). */
  delimiterFromHeader: boolean;
  encoding: "utf-8" | "windows-1252";
}

const HEAD_BYTES = 1 << 16;

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

const SAVE_AS_CSV = 'save it as CSV (in Excel: File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)") and give that file';

/** Why the bytes are not CSV text, in words that say what to do; undefined where they may be. */
export function notTextReason(head: Uint8Array): string | undefined {
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06)) {
    return `is an Excel workbook (.xlsx) or a zip archive, not CSV text: ${SAVE_AS_CSV} (a zip: unzip it first)`;
  }
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return `is an Excel 97-2003 workbook (.xls), not CSV text: ${SAVE_AS_CSV}`;
  if (startsWith(head, 0x50, 0x41, 0x52, 0x31)) return "is a Parquet file, not CSV text: name it .parquet so that it is read as Parquet";
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) return "is a PDF document, not CSV text: ask for the extract as CSV";
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    return 'is UTF-16 text (as SSMS or Excel save "Unicode text"): save it as UTF-8 CSV (in Excel: "CSV UTF-8 (Comma delimited)")';
  }
  if (head.indexOf(0) >= 0) return `holds binary data (a zero byte), not CSV text: ${SAVE_AS_CSV}`;
  return undefined;
}

/** The header line: the first line that is not blank, without a byte-order mark (as far as the head holds). */
function headerLine(head: Uint8Array): string {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1").replace(/^\xEF\xBB\xBF/, "");
  for (const line of text.split(/\r\n|\n|\r/)) if (line.trim() !== "") return line;
  return "";
}

const countOf = (text: string, character: string) => text.split(character).length - 1;

/**
 * The delimiter to read with: the expected one (given, or a comma) where the header holds it;
 * otherwise the one of the others that the header holds most of. A header of one column holds none,
 * and is read with the expected one.
 */
export function delimiterOf(header: string, expected: string): { delimiter: string; fromHeader: boolean } {
  if (header.includes(expected)) return { delimiter: expected, fromHeader: false };
  let best: string | undefined;
  for (const candidate of DELIMITERS) {
    if (candidate !== expected && countOf(header, candidate) > (best === undefined ? 0 : countOf(header, best))) best = candidate;
  }
  return best === undefined ? { delimiter: expected, fromHeader: false } : { delimiter: best, fromHeader: true };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The start of a gzip stream, decompressed as far as the bytes at hand allow. */
function gunzipHead(head: Uint8Array): Uint8Array {
  try {
    return gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is fine */ }).subarray(0, HEAD_BYTES);
  } catch {
    return new Uint8Array();
  }
}

export const isGzip = (head: Uint8Array) => startsWith(head, 0x1f, 0x8b);

function notText(file: string, reason: string): InputError {
  return dataError({ code: "not_text", file, line: 0, column: "", message: reason });
}

/**
 * Looks at the file's first bytes: throws (naming what the file is and how to save it as CSV) where
 * it is not text, and says how to read it where it is. The file must exist (`checkReadableFile`).
 */
export async function textKindOf(path: string, file: string, settings: TextSettings): Promise<TextKind> {
  let head = await readHead(path);
  const gzip = isGzip(head);
  if (gzip) head = gunzipHead(head);
  const reason = notTextReason(head);
  if (reason) throw notText(file, gzip ? reason.replace(/^is /, "is gzip-compressed, and ") : reason);
  const { delimiter, fromHeader } = delimiterOf(headerLine(head), settings.delimiter ?? ",");
  return { gzip, delimiter, delimiterFromHeader: fromHeader, encoding: settings.encoding };
}
