import { existsSync } from "node:fs";
import { lstat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dataError } from "../errors.js";
import { OutputWriteError, writeFileAtomic } from "../io/atomic-write.js";
import type { InspectedFile } from "./report.js";
import { type StartingConfig, startingConfig } from "./starting-config.js";

/**
 * `prepost inspect --write-config FILE`: the starting config, written whole or not at all, and
 * never over a file that exists (an analyst's edited config, or one of the extracts).
 */

const SCHEMA = join("schema", "evaluation.schema.json");

/** The shipped JSON Schema, found from this module (src/inspect, dist/inspect or the bundle in dist/). */
export function shippedSchemaPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, SCHEMA))) return join(dir, SCHEMA);
  }
  return undefined;
}

function refused(file: string, message: string) {
  return dataError({ code: "config_exists", file, line: 0, column: "", message });
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

export interface WrittenConfig extends StartingConfig {
  file: string;
}

/** Refuses, before anything is read, a config file that would land on an input or on any file that exists. */
export async function checkConfigTarget(file: string, inputs: readonly string[]): Promise<void> {
  const target = resolve(file);
  if (inputs.some((input) => resolve(input) === target)) throw refused(file, "is one of the inspected files: the config is never written onto an input");
  if (await exists(target)) throw refused(file, "exists: prepost never overwrites it (choose another name, or remove it yourself)");
}

/** Writes the config for the inspected files; `inputs` are their paths as given. */
export async function writeStartingConfig(file: string, inputs: readonly { path: string; report: InspectedFile }[]): Promise<WrittenConfig> {
  const target = resolve(file);
  await checkConfigTarget(file, inputs.map((input) => input.path));
  const absolute = inputs.map((input) => ({ path: resolve(input.path), report: input.report }));
  const start = startingConfig(absolute, dirname(target), shippedSchemaPath());
  try {
    await writeFileAtomic(target, `${JSON.stringify(start.config, null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    const why = { ENOENT: "no such folder", EACCES: "permission denied", EISDIR: "is a folder" }[error.reason.code ?? ""] ?? error.reason.message;
    throw dataError({ code: "unwritable_file", file, line: 0, column: "", message: `cannot write the config: ${why}` });
  }
  return { ...start, file };
}
