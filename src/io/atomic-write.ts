import { randomBytes } from "node:crypto";
import { constants, createReadStream, createWriteStream } from "node:fs";
import { chmod, chown, copyFile, link, mkdtemp, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type OutputTarget, outputTarget } from "./output-target.js";
import { outputError } from "./write-failure.js";

/**
 * Outputs are written whole or not at all. A regular file (new, existing, or at the end of a
 * symbolic link) is written to a temporary file beside it, on the same file system, and renamed over
 * it once complete: the link stays a link, and an existing file keeps its mode (and, as root, its
 * owner). A device, a FIFO or `/dev/stdout` is opened and written in place, never replaced. Every
 * write is checked: a failure the user can fix (no such folder, permission denied) is an
 * `InputError`, any other (a full disk) a `WriteFailure` saying what is left.
 */

const NOT_WRITTEN = "nothing was written (an existing file of that name is as it was)";
const NONE_WRITTEN = "none of the outputs was written (existing files are as they were)";
const INCOMPLETE = "the output is incomplete";

type FileTarget = Extract<OutputTarget, { kind: "file" }>;

/** The first characters of a name, at most 80 bytes: the temporary's name must fit where the target's does. */
function stem(name: string): string {
  let kept = "";
  for (const character of name) {
    if (Buffer.byteLength(kept + character) > 80) break;
    kept += character;
  }
  return kept;
}

/** A temporary file beside the target: same file system, so the final rename is atomic. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${stem(basename(path))}.${randomBytes(6).toString("hex")}.tmp`);
}

/** An existing file's mode is kept; a new file takes `newMode` where one is given (a key, a pseudonymised extract). */
function modeFor(target: FileTarget, newMode: number | undefined): number | undefined {
  return target.existing ? target.existing.mode & 0o7777 : newMode;
}

/** Gives the finished temporary its mode exactly (`open`'s mode is narrowed by the umask) and, as root, the old file's owner. */
async function settle(temporary: string, target: FileTarget, newMode: number | undefined): Promise<void> {
  const mode = modeFor(target, newMode);
  if (mode !== undefined && process.platform !== "win32") await chmod(temporary, mode);
  if (target.existing && process.getuid?.() === 0) await chown(temporary, target.existing.uid, target.existing.gid).catch(() => undefined);
}

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  /** The name for messages, as the user gave it (default `path`). */
  name?: string;
  /** The mode of a new file (an existing one keeps its own). */
  mode?: number;
}

/** Output files are written whole or not at all (see the module's comment). */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { name?: string; mode?: number } = {}): Promise<void> {
  await writeFilesAtomic([{ path, content, ...options }]);
}

interface Staged {
  target: FileTarget;
  file: OutputFile;
  temporary: string;
  /** The previous file, kept under another name until every output is in place. */
  backup?: string;
  renamed: boolean;
}

/** A second name for the existing file (a hard link; a copy where the file system has none). */
async function setAside(path: string): Promise<string> {
  const backup = temporaryBeside(path);
  await link(path, backup).catch(() => copyFile(path, backup, constants.COPYFILE_EXCL));
  return backup;
}

async function writeTemporary(staged: Staged): Promise<void> {
  const handle = await open(staged.temporary, "wx", modeFor(staged.target, staged.file.mode) ?? 0o666);
  try {
    await handle.writeFile(staged.file.content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await settle(staged.temporary, staged.target, staged.file.mode);
}

type StreamTarget = Extract<OutputTarget, { kind: "stream" }>;

/**
 * The process's standard output (or error) as a stream a pipeline may end without closing it;
 * each chunk waits for the one before it to be written, and a failed write fails the stream.
 */
function standardStream(fd: 1 | 2): Writable {
  const target = fd === 1 ? process.stdout : process.stderr;
  return new Writable({
    write(chunk: string | Buffer, _encoding, done) {
      target.write(chunk, (error?: Error | null) => done(error ?? undefined));
    },
  });
}

function inPlaceStream(target: StreamTarget, highWaterMark?: number): Writable {
  return target.standard ? standardStream(target.standard) : createWriteStream(target.path, { flags: "w", highWaterMark });
}

async function writeInPlace(target: StreamTarget, content: string | Uint8Array): Promise<void> {
  if (target.standard) {
    const sink = standardStream(target.standard);
    await pipeline(Readable.from([content]), sink);
    return;
  }
  const handle = await open(target.path, "w");
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

/** Puts back what was there before the renames: the old file, or no file. */
async function rollBack(staged: readonly Staged[]): Promise<void> {
  for (const done of [...staged].reverse()) {
    if (!done.renamed) continue;
    if (done.backup !== undefined) await rename(done.backup, done.target.path).catch(() => undefined);
    else if (!done.target.existing) await rm(done.target.path, { force: true });
  }
}

/**
 * Several outputs from one run, all or none: every target is checked first, every file written to
 * its temporary, then each renamed into place (the file it replaces set aside first), and only then
 * are devices and FIFOs written. A failure at any step puts every renamed file back as it was and
 * removes the temporaries; only a device or FIFO already written cannot be taken back.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const targets: OutputTarget[] = [];
  for (const file of files) targets.push(await outputTarget(file.path, file.name ?? file.path));
  const staged: Staged[] = [];
  targets.forEach((target, i) => {
    if (target.kind === "file") staged.push({ target, file: files[i]!, temporary: temporaryBeside(target.path), renamed: false });
  });
  // With one output there is nothing to put back: its rename happens or it does not.
  const keepBackups = files.length > 1;
  let failing = files[0]?.name ?? files[0]?.path ?? "";
  let consequence = files.length > 1 ? NONE_WRITTEN : NOT_WRITTEN;
  try {
    for (const one of staged) {
      failing = one.file.name ?? one.file.path;
      await writeTemporary(one);
    }
    for (const one of staged) {
      failing = one.file.name ?? one.file.path;
      if (keepBackups && one.target.existing) one.backup = await setAside(one.target.path);
      await rename(one.temporary, one.target.path);
      one.renamed = true;
    }
    for (const [i, target] of targets.entries()) {
      if (target.kind !== "stream") continue;
      failing = target.name;
      consequence = files.length > 1 ? `${INCOMPLETE}; the output files were not written` : INCOMPLETE;
      await writeInPlace(target, files[i]!.content);
    }
  } catch (error) {
    await rollBack(staged);
    throw outputError(failing, error, consequence);
  } finally {
    await Promise.all(staged.flatMap((one) => [one.temporary, ...(one.backup ? [one.backup] : [])]).map((path) => rm(path, { force: true })));
  }
}

/** Where a streamed output is written, and the writer's options. */
export interface StreamOptions {
  name?: string;
  mode?: number;
  highWaterMark?: number;
}

/**
 * The streamed form of `writeFileAtomic`, for output too large to hold in memory: `write` fills the
 * sink and resolves once it has finished (`stream/promises`' `pipeline` ending in the sink does
 * exactly that). A file is renamed over the target only then; if `write` fails, the temporary file
 * is removed and the target left as it was. An error of the reading side passes through as it is.
 */
export async function writeStreamAtomic(path: string, write: (sink: Writable) => Promise<void>, options: StreamOptions = {}): Promise<void> {
  const name = options.name ?? path;
  const target = await outputTarget(path, name);
  const destination = target.kind === "file" ? temporaryBeside(target.path) : target.path;
  const sink =
    target.kind === "file"
      ? createWriteStream(destination, { flags: "wx", mode: modeFor(target, options.mode) ?? 0o666, flush: true, highWaterMark: options.highWaterMark })
      : inPlaceStream(target, options.highWaterMark);
  const closed = new Promise<void>((resolve) => sink.once("close", () => resolve()));
  let sinkError: unknown;
  // Kept here, not only in `write`'s pipeline: an error raised before the pipeline listens must
  // neither crash the process nor pass for an error of the reading side.
  // A read error of the input, passed on by the pipeline, is the reading side's, not the output's.
  sink.on("error", (error: NodeJS.ErrnoException) => void (error.syscall === "read" ? undefined : (sinkError ??= error)));
  let finishing = false;
  try {
    await write(sink);
    await closed;
    if (sinkError !== undefined) throw sinkError;
    finishing = true;
    if (target.kind === "file") {
      await settle(destination, target, options.mode);
      await rename(destination, target.path);
    }
  } catch (error) {
    // Wait for the file to be closed before removing it (a failed open closes it too).
    sink.destroy();
    await closed;
    if (target.kind === "file") await rm(destination, { force: true });
    if (sinkError === undefined && !finishing) throw error;
    throw outputError(name, sinkError ?? error, target.kind === "file" ? NOT_WRITTEN : INCOMPLETE);
  }
}

/**
 * For a writer that makes the file itself (DuckDB's COPY, say): it is given a temporary path, and
 * the file is renamed over the target only once the writer has finished (for a device or FIFO, the
 * temporary is made in the system's temporary folder and copied into it).
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>, options: { name?: string; mode?: number } = {}): Promise<void> {
  const name = options.name ?? path;
  const target = await outputTarget(path, name);
  const folder = target.kind === "stream" ? await mkdtemp(join(tmpdir(), "prepost-")) : undefined;
  const temporary = folder ? join(folder, "output") : temporaryBeside(target.path);
  let finishing = false;
  try {
    await write(temporary);
    finishing = true;
    if (target.kind === "file") {
      await settle(temporary, target, options.mode);
      await rename(temporary, target.path);
    } else {
      await pipeline(createReadStream(temporary), inPlaceStream(target));
    }
  } catch (error) {
    if (!finishing) throw error;
    throw outputError(name, error, target.kind === "file" ? NOT_WRITTEN : INCOMPLETE);
  } finally {
    await rm(folder ?? temporary, { recursive: true, force: true });
  }
}
