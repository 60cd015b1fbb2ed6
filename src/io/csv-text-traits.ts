import { open } from "node:fs/promises";

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
}

/** A file with neither: DuckDB's fields are csv-parse's. */
export const PLAIN_TEXT: CsvTextTraits = { quotes: false, padding: false };

const QUOTE = 0x22;
const TAB = 0x09;
const FORM_FEED = 0x0c;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const COMMA = 0x2c;
const BLOCK = 1 << 20;

const isFieldEdge = (byte: number | undefined) => byte === undefined || byte === COMMA || byte === LF || byte === CR;

/** Scans one block; `before` is the last byte of the previous block, `after` the first of the next. */
function scanBlock(block: Buffer, before: number | undefined, after: number | undefined, traits: CsvTextTraits): void {
  if (!traits.quotes && block.indexOf(QUOTE) >= 0) traits.quotes = true;
  if (!traits.padding && (block.indexOf(TAB) >= 0 || block.indexOf(FORM_FEED) >= 0)) traits.padding = true;
  const at = (i: number) => (i < 0 ? before : i >= block.length ? after : block[i]);
  for (let i = traits.padding ? -1 : block.indexOf(SPACE); i >= 0; i = block.indexOf(SPACE, i + 1)) {
    if (isFieldEdge(at(i - 1)) || isFieldEdge(at(i + 1))) {
      traits.padding = true;
      break;
    }
  }
}

/** Reads the file once, in blocks, in bounded memory. */
export async function csvTextTraits(path: string): Promise<CsvTextTraits> {
  const traits: CsvTextTraits = { quotes: false, padding: false };
  const handle = await open(path, "r");
  try {
    let current = Buffer.allocUnsafe(BLOCK);
    let next = Buffer.allocUnsafe(BLOCK);
    let length = (await handle.read(current, 0, BLOCK, null)).bytesRead;
    let before: number | undefined;
    while (length > 0) {
      const nextLength = (await handle.read(next, 0, BLOCK, null)).bytesRead;
      const block = current.subarray(0, length);
      scanBlock(block, before, nextLength > 0 ? next[0] : undefined, traits);
      before = block[length - 1];
      [current, next] = [next, current];
      length = nextLength;
    }
  } finally {
    await handle.close();
  }
  return traits;
}

const FIRST_LINE_LIMIT = 1 << 16;

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
