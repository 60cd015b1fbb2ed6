import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { LineEnds } from "./report.js";

/** What the parser hides: a byte-order mark, and how lines end. (A quoted new line counts too.) */
export interface LineEndCount {
  bom: boolean;
  crlf: number;
  lf: number;
  cr: number;
}

const CR = 0x0d;
const LF = 0x0a;

/** Counts the line ends of a chunk; `afterCr` says the previous chunk ended with a CR. */
function countChunk(count: LineEndCount, bytes: Buffer, afterCr: boolean): boolean {
  let i = 0;
  if (afterCr) {
    if (bytes[0] === LF) {
      count.crlf++;
      i = 1;
    } else count.cr++;
  }
  for (; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === LF) count.lf++;
    else if (byte === CR) {
      if (i + 1 === bytes.length) return true;
      if (bytes[i + 1] === LF) {
        count.crlf++;
        i++;
      } else count.cr++;
    }
  }
  return false;
}

/** Reads the file's bytes once (decompressed where gzip), in constant memory. */
export async function countLineEnds(path: string, gzip: boolean): Promise<LineEndCount> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream: Readable = gzip ? file.pipe(createGunzip()) : file;
  const count: LineEndCount = { bom: false, crlf: 0, lf: 0, cr: 0 };
  let afterCr = false;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) count.bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      first = false;
      afterCr = countChunk(count, chunk, afterCr);
    }
  } finally {
    file.destroy();
  }
  if (afterCr) count.cr++;
  return count;
}

export function lineEndsOf(count: LineEndCount): LineEnds {
  const kinds = [count.crlf > 0, count.lf > 0, count.cr > 0].filter(Boolean).length;
  if (kinds === 0) return "none";
  if (kinds > 1) return "mixed";
  return count.crlf > 0 ? "CRLF" : count.lf > 0 ? "LF" : "CR";
}
