/**
 * Writes a CSV file from rows produced on the fly: LF line ends, fields quoted only where they must
 * be (RFC 4180), pulled only as fast as the file takes them, so that tens of millions of rows pass
 * through bounded memory. The file appears whole or not at all (`writeStreamAtomic`).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { writeStreamAtomic } from "../io/atomic-write.js";

/** Characters past which a chunk is handed to the stream. */
const CHUNK_CHARACTERS = 1 << 16;
/** The stream buffers up to this much before asking the generator to wait, so disk and CPU overlap. */
const STREAM_BUFFER_BYTES = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",") + "\n";
}

/** Writes the header and every record; returns how many records (not counting the header) it wrote. */
export async function writeCsvFile(path: string, header: readonly string[], records: Iterable<readonly string[]>): Promise<number> {
  return writeCsvLines(path, header, linesOf(records));
}

function* linesOf(records: Iterable<readonly string[]>): Generator<string> {
  for (const record of records) yield csvLine(record);
}

/**
 * Writes the header and lines already made (each ending in a new line), for a generator whose fields
 * can never need quotes: the scale mode's, where quoting every field of tens of millions of rows would
 * cost more than making them. Returns how many lines (not counting the header) it wrote.
 */
export async function writeCsvLines(path: string, header: readonly string[], lines: Iterable<string>): Promise<number> {
  let written = 0;
  function* chunks(): Generator<string> {
    let chunk = csvLine(header);
    for (const line of lines) {
      chunk += line;
      written++;
      if (chunk.length >= CHUNK_CHARACTERS) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
  }
  await writeStreamAtomic(path, (sink) => pipeline(Readable.from(chunks()), sink), { highWaterMark: STREAM_BUFFER_BYTES });
  return written;
}
