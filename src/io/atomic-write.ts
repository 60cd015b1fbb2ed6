import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";

/** A temporary file beside the target: same file system, so the final rename is atomic. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Output files are written whole or not at all: the content goes to a temporary file beside the
 * target and is renamed over it only once complete.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Several outputs from one run, all or none: every file is written to its temporary first, and
 * only when all are written are they renamed into place. A failure (a missing folder, a full disk)
 * removes the temporaries and leaves every existing target as it was.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const temporaries = files.map((file) => temporaryBeside(file.path));
  let current = 0;
  try {
    for (; current < files.length; current++) await writeFile(temporaries[current]!, files[current]!.content);
    for (current = 0; current < files.length; current++) await rename(temporaries[current]!, files[current]!.path);
  } catch (error) {
    await Promise.all(temporaries.map((temporary) => rm(temporary, { force: true })));
    throw new OutputWriteError(files[current]!.path, error as NodeJS.ErrnoException);
  }
}

/** An output that could not be written, naming the file as the user gave it. */
export class OutputWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${path}: ${reason.code ?? reason.message}`);
    this.name = "OutputWriteError";
  }
}

/**
 * The streamed form of `writeFileAtomic`, for output too large to hold in memory: `write` fills the
 * temporary file's stream and resolves once it has finished (`stream/promises`' `pipeline` ending
 * in the sink does exactly that). Only then is the file renamed over the target; if `write` fails,
 * the temporary file is removed and the target is left as it was.
 */
export async function writeStreamAtomic(path: string, write: (sink: Writable) => Promise<void>): Promise<void> {
  const temporary = temporaryBeside(path);
  const sink = createWriteStream(temporary, { flags: "wx" });
  const closed = new Promise<void>((resolve) => sink.once("close", () => resolve()));
  // The error (a folder that does not exist, a full disk) reaches `write`'s pipeline; this listener
  // only keeps an error raised before the pipeline listens from crashing the process.
  sink.on("error", () => undefined);
  try {
    await write(sink);
    await closed;
    await rename(temporary, path);
  } catch (error) {
    // Wait for the file to be closed before removing it (a failed open closes it too).
    sink.destroy();
    await closed;
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * For a writer that makes the file itself (DuckDB's COPY, say): it is given the temporary path, and
 * the file is renamed over the target only once the writer has finished.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = temporaryBeside(path);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
