import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Output files are written whole or not at all: the content goes to a temporary file beside the
 * target (same file system, so the rename is atomic) and is renamed over it only once complete.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  return writeAtomically(path, (temporary) => writeFile(temporary, content));
}
