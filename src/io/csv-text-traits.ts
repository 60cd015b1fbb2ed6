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
  /** The first line as written (no byte-order mark, no line end); empty if it is longer than a block. */
  firstLine: string;
}

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
  const traits: CsvTextTraits = { quotes: false, padding: false, firstLine: "" };
  const handle = await open(path, "r");
  try {
    let current = Buffer.allocUnsafe(BLOCK);
    let next = Buffer.allocUnsafe(BLOCK);
    let length = (await handle.read(current, 0, BLOCK, null)).bytesRead;
    const firstLf = current.subarray(0, length).indexOf(LF);
    const crlf = firstLf > 0 && current[firstLf - 1] === CR;
    if (firstLf >= 0) traits.firstLine = current.toString("utf8", 0, crlf ? firstLf - 1 : firstLf).replace(/^\uFEFF/, "");
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
