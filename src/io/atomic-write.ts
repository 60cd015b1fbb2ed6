import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Output files are written whole or not at all: the content goes to a temporary file beside the
 * target (same file system, so the rename is atomic) and is renamed over it only once complete.
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
