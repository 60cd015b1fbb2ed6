import { readFile, stat } from "node:fs/promises";
import { dataError, InputError } from "../errors.js";
import { SecretKey } from "./secret-key.js";

/** The environment variable that may hold the key's hex instead of a key file. */
export const KEY_ENVIRONMENT_VARIABLE = "PREPOST_KEY";

/** 256 bits: HMAC-SHA256's own strength; a shorter key would be the weak point. */
export const MIN_KEY_BYTES = 32;

/** A key file is 64 hex digits and a newline; anything much larger is some other file. */
const MAX_KEY_FILE_BYTES = 4096;

const HEX = /^[0-9a-fA-F]*$/;

function keyProblem(where: string, code: string, message: string): InputError {
  // Never a `value`: the text may be the key itself, or part of it.
  return dataError({ code, file: where, line: 0, column: "", message });
}

/**
 * Reads a key written as hex (surrounding white space, such as the key file's newline, ignored).
 * The HMAC key is the bytes the hex spells, so a key must be whole bytes of hex and at least
 * `MIN_KEY_BYTES` long; upper-case hex spells the same bytes and is accepted.
 */
export function parseKeyHex(text: string, where: string): SecretKey {
  const hex = text.trim();
  if (hex.length === 0) throw keyProblem(where, "key_empty", "the key is empty");
  if (!HEX.test(hex)) {
    throw keyProblem(where, "key_not_hex", `the key must be written in hexadecimal (0-9, a-f), as \`prepost keygen\` writes it`);
  }
  if (hex.length % 2 !== 0) {
    throw keyProblem(where, "key_not_hex", "the key has an odd number of hex digits, so it does not spell whole bytes");
  }
  if (hex.length < MIN_KEY_BYTES * 2) {
    throw keyProblem(
      where,
      "key_too_short",
      `the key is ${hex.length / 2} bytes; at least ${MIN_KEY_BYTES} bytes (${MIN_KEY_BYTES * 2} hex digits) are needed`,
    );
  }
  return new SecretKey(Buffer.from(hex, "hex"));
}

export interface KeySource {
  /** `--key-file`, as the user wrote it. */
  keyFile?: string;
  /** The value of `PREPOST_KEY`; an empty value counts as not set. */
  environmentValue?: string;
}

export interface LoadedKey {
  key: SecretKey;
  /** Advice that does not stop the run (a key file others can read). */
  warnings: string[];
}

async function readKeyFile(path: string): Promise<{ text: string; mode: number }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw keyProblem(path, "unreadable_key_file", "cannot read the key: is a folder, not a file");
    if (info.size > MAX_KEY_FILE_BYTES) {
      throw keyProblem(path, "key_not_hex", `not a key file: ${info.size} bytes, where a key file is 65`);
    }
    return { text: await readFile(path, "utf8"), mode: info.mode };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `${code ?? "unknown error"}`;
    throw keyProblem(path, "unreadable_key_file", `cannot read the key: ${why}`);
  }
}

/**
 * The key, from exactly one place: `--key-file` or `PREPOST_KEY`. Both at once is refused rather
 * than one silently preferred: a key left in the environment from another project would give
 * pseudonyms that link with nothing, and nobody would notice until the evaluation came out empty.
 */
export async function loadKey(source: KeySource): Promise<LoadedKey> {
  const fromEnvironment = source.environmentValue !== undefined && source.environmentValue.length > 0;
  if (source.keyFile !== undefined && fromEnvironment) {
    throw keyProblem(
      "--key-file",
      "key_given_twice",
      `a key was given both by --key-file and by ${KEY_ENVIRONMENT_VARIABLE}; give it one way only (unset ${KEY_ENVIRONMENT_VARIABLE}, or drop --key-file)`,
    );
  }
  if (source.keyFile !== undefined) {
    const { text, mode } = await readKeyFile(source.keyFile);
    const key = parseKeyHex(text, source.keyFile);
    return { key, warnings: keyFileModeWarnings(source.keyFile, mode) };
  }
  if (fromEnvironment) return { key: parseKeyHex(source.environmentValue ?? "", KEY_ENVIRONMENT_VARIABLE), warnings: [] };
  throw keyProblem(
    "--key-file",
    "missing_key",
    `no key: give --key-file KEYFILE (made by \`prepost keygen\`), or set ${KEY_ENVIRONMENT_VARIABLE} to the key's hex`,
  );
}

/** Like ssh with a private key: a key file others can read is worth a warning (POSIX modes only). */
function keyFileModeWarnings(path: string, mode: number): string[] {
  if (process.platform === "win32" || (mode & 0o077) === 0) return [];
  const octal = (mode & 0o777).toString(8).padStart(4, "0");
  return [`the key file ${path} can be read by other users (mode ${octal}); restrict it with: chmod 600 ${path}`];
}
