import { existsSync } from "node:fs";
import { lstat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dataError } from "../errors.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { checkOutput } from "../io/output-target.js";
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
  // The same file however spelled (a link, another path): the device and inode decide.
  await checkOutput({ path: target, name: file }, inputs.map((input) => ({ path: input, name: input, what: "one of the inspected files" })));
  if (await exists(target)) throw refused(file, "exists: prepost never overwrites it (choose another name, or remove it yourself)");
}

/** Writes the config for the inspected files; `inputs` are their paths as given. */
export async function writeStartingConfig(file: string, inputs: readonly { path: string; report: InspectedFile }[]): Promise<WrittenConfig> {
  const target = resolve(file);
  await checkConfigTarget(file, inputs.map((input) => input.path));
  const absolute = inputs.map((input) => ({ path: resolve(input.path), report: input.report }));
  const start = startingConfig(absolute, dirname(target), shippedSchemaPath());
  await writeFileAtomic(target, `${JSON.stringify(start.config, null, 2)}\n`, { name: file });
  return { ...start, file };
}
