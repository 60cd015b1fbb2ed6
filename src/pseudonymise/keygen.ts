import { randomBytes } from "node:crypto";
import { open, rm } from "node:fs/promises";
import { dataError } from "../errors.js";
import { outputError } from "../io/write-failure.js";
import { MIN_KEY_BYTES } from "./key.js";

/** Only the owner may read or write a key file. */
export const KEY_FILE_MODE = 0o600;

/** A new key from the operating system's cryptographic source: 64 lower-case hex digits. */
export function newKeyHex(): string {
  return randomBytes(MIN_KEY_BYTES).toString("hex");
}

/**
 * Writes a new key file, mode 0600, refusing to overwrite one: replacing a key already in use
 * would make every later pseudonym unlinkable with the earlier ones. The file is created with
 * `wx` (fails if it exists, atomically, so two runs cannot both win) and its mode set again after
 * opening, since the umask can only narrow the mode given to `open`.
 */
export async function writeNewKeyFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, "wx", KEY_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw dataError({
        code: "key_file_exists",
        file: path,
        line: 0,
        column: "",
        message: "a file of that name exists; a key in use is never overwritten (choose another name, or remove the old key yourself)",
      });
    }
    throw outputError(path, error, "no key was written");
  }
  try {
    if (process.platform !== "win32") await handle.chmod(KEY_FILE_MODE);
    await handle.writeFile(`${newKeyHex()}\n`, "ascii");
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    // A partly written key must not be left behind for a later run to find and refuse (or use).
    await rm(path, { force: true });
    throw outputError(path, error, "no key was written");
  }
}
