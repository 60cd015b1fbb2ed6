import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { type RunFlags, resolveRun } from "../src/config/resolve-run.js";
import { run } from "../src/cli/program.js";
import { formatInputError, InputError } from "../src/errors.js";
import { evaluateCounts } from "../src/evaluate.js";
import type { CohortFigures, OutcomeResult, Result } from "../src/result.js";

/** A tiny extract written inline: leading indentation and the first blank line are removed. */
export function csv(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values);
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n").replace(/\n\s*$/, "\n");
}

export interface Workspace {
  dir: string;
  path(name: string): string;
  read(name: string): Promise<string>;
}

/** A fresh temporary folder holding the given files. */
export async function workspace(files: Record<string, string | Uint8Array>): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), "prepost-"));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return { dir, path: (name) => join(dir, name), read: (name) => readFile(join(dir, name), "utf8") };
}

export interface Extracts {
  referrals: string;
  ae?: string;
  admissions?: string;
  outpatients?: string;
  comparison?: string;
}

/** Writes the extracts and evaluates them through the library (the same path the CLI takes). */
export async function evaluateExtracts(extracts: Extracts, flags: Omit<RunFlags, keyof Extracts> = {}): Promise<Result> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(extracts)) if (content !== undefined) files[`${name}.csv`] = content;
  const ws = await workspace(files);
  const paths = Object.fromEntries(Object.keys(files).map((f) => [f.replace(/\.csv$/, ""), ws.path(f)]));
  return evaluateCounts(await resolveRun({ bootstrap: 0, ...paths, ...flags }));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the program in-process, as the CLI would, capturing what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTerminal: false });
  return { code, stdout, stderr };
}

export function outcome(result: Result, id: OutcomeResult["outcome"]): OutcomeResult {
  const found = result.outcomes.find((o) => o.outcome === id);
  if (!found) throw new Error(`no outcome ${id}`);
  return found;
}

export function cohortRow(result: Result, id: OutcomeResult["outcome"], cohort: string): CohortFigures {
  const row = cohort === "Total" ? outcome(result, id).total : outcome(result, id).cohorts.find((c) => c.cohort === cohort);
  if (!row) throw new Error(`no cohort ${cohort}`);
  return row;
}

export function excluded(result: Result, reason: string): number {
  return result.attrition.find((step) => step.reason === reason)!.excluded;
}

/** The usual header of a referrals extract, for tests that only vary the rows. */
export const REFERRALS_HEADER = "patient_id,cohort,intervention_date,consent,onward_referrals,age";

/** Data coverage wide enough that no test window is incomplete, for tests about other rules. */
export const covered = { dataStart: "2000-01-01", dataEnd: "2030-12-31" } as const;

/** Writes the files and a config file naming them, and evaluates through the config. */
export async function evaluateWithConfig(files: Record<string, string>, config: Record<string, unknown>, flags: RunFlags = {}): Promise<Result> {
  const ws = await workspace({ ...files, "evaluation.json": JSON.stringify(config) });
  return evaluateCounts(await resolveRun({ bootstrap: 0, ...flags, config: ws.path("evaluation.json") }));
}

/** What a run gives on one engine: its JSON without `settings.engine`, or its error as the CLI prints it. */
async function engineOutcome(paths: Record<string, string>, flags: RunFlags, engine: "stream" | "duckdb"): Promise<string> {
  try {
    const result = await evaluateCounts(await resolveRun({ bootstrap: 0, ...paths, ...flags, engine }));
    const { engine: _engine, ...settings } = result.settings;
    return JSON.stringify({ ...result, settings }, null, 1);
  } catch (error) {
    if (error instanceof InputError) return `exit 2\n${formatInputError(error)}`;
    throw error;
  }
}

/**
 * For the tests of a describe block: the DuckDB engine's notices (`PREPOST_DEBUG_ENGINE`), each as
 * written, with the people extracts read in DuckDB however small (`PREPOST_DUCKDB_PEOPLE_FROM_BYTES=0`);
 * emptied before each test.
 */
export function engineNotices(): string[] {
  const notices: string[] = [];
  beforeEach(() => {
    notices.length = 0;
    vi.stubEnv("PREPOST_DEBUG_ENGINE", "1");
    vi.stubEnv("PREPOST_DUCKDB_PEOPLE_FROM_BYTES", "0");
    vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      notices.push(String(text));
      return true;
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  return notices;
}

/**
 * Evaluates the extracts on the stream and the DuckDB engine, from the same files, and returns what
 * both gave: the result's JSON (less `settings.engine`), or `exit 2` and the error as printed. The
 * caller asserts the two are identical.
 */
export async function evaluateOnBothEngines(extracts: Extracts, flags: Omit<RunFlags, keyof Extracts> = {}): Promise<{ stream: string; duckdb: string }> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(extracts)) if (content !== undefined) files[`${name}.csv`] = content;
  const ws = await workspace(files);
  const paths = Object.fromEntries(Object.keys(files).map((f) => [f.replace(/\.csv$/, ""), ws.path(f)]));
  return { stream: await engineOutcome(paths, flags, "stream"), duckdb: await engineOutcome(paths, flags, "duckdb") };
}

const BUILT_CLI = new URL("../dist/prepost.js", import.meta.url).pathname;

/** Runs the built CLI (`npm test` builds first) as a user would, in the folder `cwd`, as its own process, with `env` added to the environment. */
export async function runBuiltCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(process.execPath, [BUILT_CLI, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
