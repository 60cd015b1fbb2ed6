/**
 * Where an output really goes, decided before anything is read or written: a regular file (new or
 * existing, through any symbolic links) is replaced atomically; anything else that is not a folder
 * (a device, a FIFO, `/dev/stdout`) is opened and written in place, never replaced. An output that
 * is one of the run's inputs, however spelled, is refused.
 */
import { constants, type Stats } from "node:fs";
import { access, lstat, readlink, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../errors.js";
import { outputError } from "./write-failure.js";

export type OutputTarget =
  /** A regular file at `path` (links resolved), `existing` if there is one now. */
  | { kind: "file"; name: string; path: string; existing?: Stats }
  /** A device, FIFO or socket: written through `path`, in place; `standard` for the process's own standard output or error. */
  | { kind: "stream"; name: string; path: string; standard?: 1 | 2 };

/** An output as the command names it: its path, and its name for messages (as the user typed it). */
export interface OutputName {
  path: string;
  name: string;
}

/** An input of the run, with what it is for messages (`the A&E extract`, `the config file`). */
export interface InputFile {
  path: string;
  name: string;
  what: string;
}

const MAX_LINKS = 40;

function failure(name: string, error: unknown): unknown {
  return outputError(name, error, "nothing was written");
}

/** Where a link that points at nothing (yet) would create its file, following link after link. */
async function linkDestination(path: string, name: string): Promise<string> {
  let at = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let info: Stats;
    try {
      info = await lstat(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return at;
      throw failure(name, error);
    }
    if (!info.isSymbolicLink()) return at;
    at = resolve(dirname(at), await readlink(at));
  }
  throw failure(name, Object.assign(new Error("ELOOP"), { code: "ELOOP" }));
}

/** A new file can be made in `folder`: it exists, is a folder, and may be written. */
async function checkFolder(folder: string, name: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(folder);
  } catch (error) {
    throw failure(name, error);
  }
  if (!info.isDirectory()) throw failure(name, Object.assign(new Error("ENOTDIR"), { code: "ENOTDIR" }));
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw failure(name, error);
  }
}

/**
 * `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1` name a descriptor: even where it is a regular file
 * (standard output redirected to one) it is written through, as the shell opened it.
 */
function namesADescriptor(path: string): boolean {
  return path.startsWith("/dev/") || path.startsWith("/proc/");
}

/**
 * `/dev/stdout` and its spellings are written through the process's own stream, not opened again:
 * a socket (as a parent process may give) cannot be opened through /proc.
 */
function standardDescriptor(path: string): 1 | 2 | undefined {
  const fd = /^\/(?:dev\/(?:fd\/)?|proc\/self\/fd\/)(stdout|stderr|1|2)$/.exec(path)?.[1];
  if (fd === undefined) return undefined;
  return fd === "stdout" || fd === "1" ? 1 : 2;
}

/** Where one output goes; a user-fixable problem (no such folder, a folder, too long a name) is an `InputError`. */
export async function outputTarget(path: string, name = path): Promise<OutputTarget> {
  const absolute = resolve(path);
  let existing: Stats | undefined;
  try {
    existing = await stat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw failure(name, error);
  }
  if (existing?.isDirectory()) throw failure(name, Object.assign(new Error("EISDIR"), { code: "EISDIR" }));
  if (existing && (!existing.isFile() || namesADescriptor(absolute))) return { kind: "stream", name, path: absolute, standard: standardDescriptor(absolute) };
  const real = existing ? await realpath(absolute) : await linkDestination(absolute, name);
  await checkFolder(dirname(real), name);
  return { kind: "file", name, path: real, existing };
}

async function identity(path: string): Promise<Stats | undefined> {
  return stat(path).catch(() => undefined);
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Checks every output of a run before anything is read: each can be written (its folder exists and
 * may be written, it is not a folder), no two are the same file, and none is one of the run's
 * inputs (the same device and inode, so a link or another spelling is caught too). A terminal
 * standard input and output are one device and may both be used; a regular file or FIFO may not.
 */
export async function checkOutputs(outputs: readonly OutputName[], inputs: readonly InputFile[] = []): Promise<OutputTarget[]> {
  const inputIds = await Promise.all(inputs.map((input) => identity(input.path)));
  const problems: InputError["problems"] = [];
  const targets: OutputTarget[] = [];
  const seen: { output: OutputName; id: Stats | undefined; real: string }[] = [];
  for (const output of outputs) {
    // The file that will be written, as `outputTarget` resolves it (`sub/../ae.csv` is `ae.csv`
    // there, even where `sub` does not exist): compared where it will be written, not as spelled.
    const target = await outputTarget(output.path, output.name);
    const id = await identity(target.path);
    if (id && (id.isFile() || id.isFIFO())) {
      const input = inputs.find((_, i) => inputIds[i] !== undefined && sameFile(inputIds[i]!, id));
      if (input) {
        problems.push({
          code: "output_is_input",
          file: output.name,
          line: 0,
          column: "",
          message: `is ${input.what}${input.name === output.name ? "" : ` (${input.name})`}: prepost never writes over an input; choose another output name`,
        });
        continue;
      }
    }
    const twice = seen.find((earlier) => (id && earlier.id && id.isFile() && sameFile(earlier.id, id)) || (target.kind === "file" && earlier.real === target.path));
    if (twice) {
      problems.push({ code: "usage", file: output.name, line: 0, column: "", message: `is the same file as ${twice.output.name}; give each output once` });
      continue;
    }
    seen.push({ output, id, real: target.path });
    targets.push(target);
  }
  if (problems.length > 0) throw new InputError(problems);
  return targets;
}

/** `checkOutputs` for one output, with a message naming it for an input it would overwrite. */
export async function checkOutput(output: OutputName, inputs: readonly InputFile[] = []): Promise<OutputTarget> {
  return (await checkOutputs([output], inputs))[0]!;
}
