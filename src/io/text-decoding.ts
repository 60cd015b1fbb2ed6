import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { createGunzip } from "node:zlib";

/**
 * The bytes of an extract as UTF-8 text for the CSV parser. A UTF-8 file passes through, checked: a
 * byte sequence that is not UTF-8 stops the read (`NotUtf8`), where a decoder would quietly put
 * `�` into a cohort name or an identifier. A Windows-1252 file (what Excel writes on a UK desktop,
 * `formats.<extract>.encoding`) is decoded, a character per byte.
 */

/** Raised by the check where the text stops being UTF-8: `offset` is the first bad byte's, in the (decompressed) text. */
export class NotUtf8 extends Error {
  constructor(readonly offset: number) {
    super(`not UTF-8 at byte ${offset}`);
  }
}

/** The length of the leading part of `bytes` that ends on a whole UTF-8 character. */
function wholeCharacters(bytes: Uint8Array): number {
  const end = bytes.length;
  // A character is at most four bytes: look back at most three for the start of an unfinished one.
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? end - back : end;
  }
  return end;
}

/**
 * The offset of the first byte at which `bytes` stops being UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). Run only once `isUtf8` has said there is one, on one chunk.
 */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

/** A pass-through that checks every byte is UTF-8, characters split across chunks included. */
export function utf8Check(): Transform {
  let carried: Buffer = Buffer.alloc(0);
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
      const whole = wholeCharacters(bytes);
      const checked = bytes.subarray(0, whole);
      if (!isUtf8(checked)) return done(new NotUtf8(offset + firstBadByte(checked)));
      carried = Buffer.from(bytes.subarray(whole));
      offset += whole;
      done(null, checked);
    },
    flush(done: TransformCallback) {
      // An unfinished character at the very end.
      if (carried.length > 0) return done(new NotUtf8(offset));
      done();
    },
  });
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the rest are Latin-1's, WHATWG's mapping). */
const WINDOWS_1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
const HIGH = /[\x80-\x9f]/g;

/** Windows-1252 bytes as a string (Node's own decoder for that label is Latin-1, which gets 0x80-0x9F wrong). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(HIGH, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!);
}

/** Decodes Windows-1252 into UTF-8 bytes for the parser; a byte is a character, so chunks never split one. */
export function windows1252ToUtf8(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      done(null, Buffer.from(decodeWindows1252(chunk), "utf8"));
    },
  });
}

/**
 * The line (as a person counts it) on which the text's byte `offset` stands: its new lines before it,
 * plus one. Only for a message, once a read has failed: the file is read again up to the offset.
 */
export async function lineAtOffset(path: string, gzip: boolean, offset: number): Promise<number> {
  const file = createReadStream(path);
  const stream = gzip ? file.pipe(createGunzip()) : file;
  let line = 1;
  let seen = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const upTo = Math.min(chunk.length, offset - seen);
      for (let i = chunk.indexOf(0x0a); i >= 0 && i < upTo; i = chunk.indexOf(0x0a, i + 1)) line++;
      seen += chunk.length;
      if (seen >= offset) break;
    }
  } finally {
    file.destroy();
  }
  return line;
}
