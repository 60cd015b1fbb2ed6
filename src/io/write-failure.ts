import { InputError } from "../errors.js";

/**
 * Why an output could not be written, where the user can fix it (exit 2): the path, the folder or
 * the permissions. Any other failure of a write (a full disk, an I/O error) is a `WriteFailure`.
 */
const USER_FIXABLE: Record<string, string> = {
  ENOENT: "no such folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENAMETOOLONG: "the name is too long for the file system (most allow 255 bytes a name)",
  ELOOP: "too many symbolic links (or a link that loops)",
  EEXIST: "a file of that name exists",
};

/** `ENOSPC: no space left on device`, from Node's `ENOSPC: no space left on device, write`. */
export function systemErrorText(error: NodeJS.ErrnoException): string {
  const code = error.code ?? "error";
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message)?.[1];
  return words ? `${code}: ${words}` : code;
}

/**
 * A write that failed part-way through for a reason that is not a mistake of the user's (ENOSPC,
 * EIO, EDQUOT): exit 1 with a message, never a stack trace. `consequence` tells the reader what is
 * left: an incomplete stream, or a file left as it was.
 */
export class WriteFailure extends Error {
  constructor(
    readonly file: string,
    readonly reason: NodeJS.ErrnoException,
    readonly consequence: string,
  ) {
    super(`${file}: could not write (${systemErrorText(reason)}): ${consequence}`);
    this.name = "WriteFailure";
  }
}

/** An output problem the user can fix, as a value with a place (exit 2). */
export function unwritable(file: string, message: string, code = "unwritable_file"): InputError {
  return new InputError([{ code, file, line: 0, column: "", message }]);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/**
 * The error to report for a failed write of `file`: a user-fixable one as bad input, any other
 * system error as a `WriteFailure`; anything else (an `InputError`, a bug) is returned unchanged.
 */
export function outputError(file: string, error: unknown, consequence: string): unknown {
  if (error instanceof InputError || error instanceof WriteFailure || !isSystemError(error)) return error;
  const why = USER_FIXABLE[error.code!];
  if (why !== undefined) return unwritable(file, `cannot write the output: ${why}`);
  return new WriteFailure(file, error, consequence);
}
