import { isAscii, isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import * as fs from "node:fs";
import { Worker } from "node:worker_threads";
import { FIELD_LIMIT } from "./limits.js";

/**
 * What the bytes of a CSV file hold that could make two CSV readers disagree. DuckDB's reader does
 * not trim fields and treats quotes a little differently from csv-parse; on a file with neither
 * quotes nor white space at a field's edge, both read exactly the same fields. (Line ends need no
 * look: DuckDB refuses a file that mixes them, or has a CR or LF outside quotes that is not one.)
 */
export interface CsvTextTraits {
  /** A `"` anywhere. */
  quotes: boolean;
  /** Something csv-parse would trim: a tab or form feed, or a space next to a comma or a line end. */
  padding: boolean;
  /** Every byte is UTF-8 (DuckDB's reader and prepost's must not be left to disagree on one that is not). */
  utf8: boolean;
  /**
   * Some character JavaScript's `trimEnd` takes but prepost's trim does not: a vertical tab, or any
   * byte beyond ASCII (the other such characters, the no-break and Unicode spaces, are all beyond
   * it). A leading byte-order mark is the header's, not a value's, and does not count.
   */
  unicodeSpaces: boolean;
  /**
   * A line (the bytes between two CRs or LFs) longer than `FIELD_LIMIT`. DuckDB's reader drops a
   * last line of over 32 MiB without a word, and reads a long one it was told to refuse
   * (`max_line_size`), so such a file is the row reader's, which reads or refuses it by its fields.
   */
  longLine: boolean;
}

/**
 * The scan, self-contained (its source is also run in a worker thread, see `csvTextTraits`): the
 * file read once in 64 KiB blocks (small enough to stay in the CPU's cache between the read and the
 * searches), each block searched with `indexOf`, and a byte carried over the edge between blocks.
 */
function scanCsvText(path: string, files: typeof fs, isUtf8: (bytes: Uint8Array) => boolean, isAscii: (bytes: Uint8Array) => boolean, longLine: number): CsvTextTraits {
  const QUOTE = 0x22, TAB = 0x09, VERTICAL_TAB = 0x0b, FORM_FEED = 0x0c, CR = 0x0d, LF = 0x0a, SPACE = 0x20, COMMA = 0x2c;
  const traits = { quotes: false, padding: false, utf8: true, unicodeSpaces: false, longLine: false };
  let first = true;
  // Bytes since the last CR or LF. A block is far shorter than a long line, so only a line that
  // runs over a block's edge can be one: each block needs only its first and last line end.
  let lineSoFar = 0;
  // A character split across two blocks is checked whole: the bytes of an unfinished one are carried.
  let carried = Buffer.alloc(0);
  const block = Buffer.allocUnsafe(1 << 16);
  const fd = files.openSync(path, "r");
  try {
    // `previous` is the byte before the block: at the start of the file, as if a line ended there.
    let previous = LF;
    let pendingSpace = false; // the previous block ended with a space whose right side is unknown
    for (let length = files.readSync(fd, block, 0, block.length, null); length > 0; length = files.readSync(fd, block, 0, block.length, null)) {
      const bytes = block.subarray(0, length);
      if (traits.utf8) {
        const text = carried.length > 0 ? Buffer.concat([carried, bytes]) : bytes;
        let whole = text.length;
        for (let back = 1; back <= Math.min(3, text.length); back++) {
          const byte = text[text.length - back]!;
          if ((byte & 0xc0) === 0x80) continue;
          const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
          if (needs > back) whole = text.length - back;
          break;
        }
        if (!isUtf8(text.subarray(0, whole))) traits.utf8 = false;
        carried = Buffer.from(text.subarray(whole));
      }
      if (!traits.unicodeSpaces) {
        const bom = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        if (!isAscii(bytes.subarray(bom)) || bytes.indexOf(VERTICAL_TAB) >= 0) traits.unicodeSpaces = true;
      }
      first = false;
      if (!traits.quotes && bytes.indexOf(QUOTE) >= 0) traits.quotes = true;
      if (!traits.padding && (bytes.indexOf(TAB) >= 0 || bytes.indexOf(FORM_FEED) >= 0)) traits.padding = true;
      if (pendingSpace && (bytes[0] === COMMA || bytes[0] === LF || bytes[0] === CR)) traits.padding = true;
      for (let i = traits.padding ? -1 : bytes.indexOf(SPACE); i >= 0; i = bytes.indexOf(SPACE, i + 1)) {
        const before = i > 0 ? bytes[i - 1] : previous;
        const after = i + 1 < length ? bytes[i + 1] : -1;
        if (before === COMMA || before === LF || before === CR || after === COMMA || after === LF || after === CR) {
          traits.padding = true;
          break;
        }
      }
      if (!traits.longLine) {
        const lf = bytes.indexOf(LF);
        const cr = bytes.indexOf(CR);
        const first = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (first < 0) lineSoFar += length;
        else {
          if (lineSoFar + first > longLine) traits.longLine = true;
          lineSoFar = length - 1 - Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
        }
        if (lineSoFar > longLine) traits.longLine = true;
      }
      pendingSpace = bytes[length - 1] === SPACE;
      previous = bytes[length - 1]!;
      if (traits.quotes && traits.padding && !traits.utf8 && traits.unicodeSpaces && traits.longLine) break;
    }
    if (carried.length > 0) traits.utf8 = false;
    // A space at the very end of the file ends its last field.
    if (pendingSpace) traits.padding = true;
  } finally {
    files.closeSync(fd);
  }
  return traits;
}

/**
 * Whether the file holds a `"` anywhere: all a reader needs to know to leave trimming to
 * `trimInsideQuotes` (see csv-records.ts). The same 64 KiB blocks and `indexOf` as the full scan.
 */
export function hasQuoteNow(path: string): boolean {
  const block = Buffer.allocUnsafe(1 << 16);
  const fd = fs.openSync(path, "r");
  try {
    for (let length = fs.readSync(fd, block, 0, block.length, null); length > 0; length = fs.readSync(fd, block, 0, block.length, null)) {
      if (block.subarray(0, length).indexOf(0x22) >= 0) return true;
    }
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** The scan on this thread. */
export function csvTextTraitsNow(path: string): CsvTextTraits {
  return scanCsvText(path, fs, isUtf8, isAscii, FIELD_LIMIT);
}

/**
 * The scan on a worker thread, so that it runs on the other core while this one reads the
 * referrals. The worker evaluates the scan's own source (no separate file: the same code whether
 * it runs from dist/ or, under the tests, from src/).
 */
export function csvTextTraits(path: string): Promise<CsvTextTraits> {
  const source = `const { parentPort, workerData } = require("node:worker_threads");
    const { isUtf8, isAscii } = require("node:buffer");
    parentPort.postMessage((${scanCsvText.toString()})(workerData, require("node:fs"), isUtf8, isAscii, ${FIELD_LIMIT}));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: path });
    worker.once("message", (traits: CsvTextTraits) => resolve(traits));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the scan of ${path} stopped (exit code ${code})`)));
  });
}

const FIRST_LINE_LIMIT = 1 << 16;
const CR = 0x0d;
const LF = 0x0a;

/** The first line as written (no byte-order mark, no line end); empty if it has no end within 64 KiB. */
export async function readFirstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const start = Buffer.allocUnsafe(FIRST_LINE_LIMIT);
    const length = (await handle.read(start, 0, FIRST_LINE_LIMIT, 0)).bytesRead;
    const lf = start.subarray(0, length).indexOf(LF);
    if (lf < 0) return "";
    const end = lf > 0 && start[lf - 1] === CR ? lf - 1 : lf;
    return start.toString("utf8", 0, end).replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
}
