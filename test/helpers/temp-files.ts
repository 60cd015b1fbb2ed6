import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Console } from "../../src/cli/console.js";

const made: string[] = [];

afterEach(async () => {
  for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "prepost-test-"));
  made.push(folder);
  return folder;
}

/** Writes `text` to `name` in `folder` and returns its path. */
export async function fileIn(folder: string, name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

/** A tiny CSV extract: lines joined with `\n` (or the given line end), ending with one. */
export function csvLines(lines: string[], lineEnd = "\n"): string {
  return lines.map((line) => line + lineEnd).join("");
}

export interface CapturedConsole extends Console {
  stdout: string;
  stderr: string;
}

export function captureConsole(): CapturedConsole {
  const captured: CapturedConsole = {
    stdout: "",
    stderr: "",
    out: (text) => void (captured.stdout += text),
    err: (text) => void (captured.stderr += text),
    errIsTerminal: false,
  };
  return captured;
}
