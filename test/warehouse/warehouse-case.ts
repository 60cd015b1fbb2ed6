import { expect } from "vitest";
import { writeFile } from "node:fs/promises";
import { type RunFlags, resolveRun } from "../../src/config/resolve-run.js";
import { formatInputError, InputError } from "../../src/errors.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderJson } from "../../src/render/json.js";
import type { Result } from "../../src/result.js";
import { evaluateWarehouse } from "../../src/warehouse/evaluate-warehouse.js";
import { readLongForm } from "../../src/warehouse/read-long-form.js";
import { scriptForRun } from "../../src/warehouse/script-for-run.js";
import type { DialectName } from "../../src/warehouse/dialect.js";
import { workspace } from "../helpers.js";
import { randomCase } from "../engines/random-extracts.js";
import { tableFromCsv, type WarehouseTable } from "./duckdb-harness.js";

/**
 * One random case (test/engines/random-extracts.ts) as a warehouse would hold it, for every
 * dialect's test: its extracts as tables (each value text, as csv-parse read it; the referrals
 * with a row number added on upload as `row_order`), a config naming them, and the local run's
 * answer to compare the warehouse's with.
 */
export interface WarehouseCase {
  label: string;
  tables: WarehouseTable[];
  /** The config for `prepost sql` and `evaluate --warehouse-result`: the case's settings, its tables, and the columns the local run read. */
  configPath: string;
  /** The local run's JSON (stream engine), or its error as the CLI prints it. */
  local: string;
  dir: string;
}

/** A result's JSON but for what a warehouse run may name differently: `inputs`, `settings.engine`. */
export function comparable(json: string): string {
  if (json.startsWith("exit 2")) return json;
  const parsed = JSON.parse(json);
  delete parsed.inputs;
  delete parsed.settings.engine;
  return JSON.stringify(parsed, null, 1);
}

async function outcome(run: () => Promise<Result>): Promise<string> {
  try {
    return renderJson(await run());
  } catch (error) {
    if (error instanceof InputError) return `exit 2\n${formatInputError(error)}`;
    throw error;
  }
}

const TABLES = ["referrals", "ae", "admissions", "outpatients", "comparison"] as const;

async function inFolder<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(before);
  }
}

/** A random case, or undefined where it cannot be a warehouse's (a row of the wrong field count, which no table holds). */
export async function warehouseCase(seed: number): Promise<WarehouseCase | undefined> {
  const { files, flags, config } = randomCase(seed);
  return caseOf(`seed ${seed}`, files, flags, config);
}

/** Extracts (`name.csv`: referrals, ae, admissions, outpatients, comparison, a custom outcome's id) as a warehouse case. */
export async function caseOf(label: string, files: Record<string, string>, flags: Record<string, unknown>, config?: Record<string, unknown>): Promise<WarehouseCase | undefined> {
  // Each file named as its table, and the run made from its folder, so that both name an extract alike ("ae").
  const named = Object.fromEntries(Object.entries(files).map(([name, text]) => [name.replace(/\.csv$/, ""), text]));
  const customOutcomes = ((config?.customOutcomes ?? []) as { id: string }[]).map((outcome) => ({ ...outcome, extract: outcome.id }));
  const localConfig = { ...config, ...Object.fromEntries(Object.keys(named).filter((name) => !customOutcomes.some((o) => o.id === name)).map((name) => [name, name])), ...(customOutcomes.length ? { customOutcomes } : {}) };
  const ws = await workspace({ ...files, ...named, "local.json": JSON.stringify(localConfig) });
  const localFlags = { bootstrap: 0, ...flags, engine: "stream", config: "local.json" } as RunFlags;
  const local = await inFolder(ws.dir, () => outcome(async () => evaluateCounts(await resolveRun(localFlags))));
  const tables: WarehouseTable[] = [];
  const custom = ((config?.customOutcomes ?? []) as { id: string }[]).map((outcome) => outcome.id);
  for (const name of [...TABLES, ...custom]) {
    if (!files[`${name}.csv`]) continue;
    const table = await tableFromCsv(name, ws.path(`${name}.csv`), name === "referrals");
    if (!table) return undefined;
    tables.push(table);
  }
  // The columns the local run read, by the header it read each from (a script cannot look at a header).
  // Where the run stopped for invalid rows, a run that skips them says which headers it read.
  const read = local.startsWith("exit") ? await inFolder(ws.dir, () => outcome(async () => evaluateCounts(await resolveRun({ ...localFlags, skipInvalid: true, maxInvalid: "100%" })))) : local;
  if (read.startsWith("exit")) return undefined;
  // An optional column the file lacks is mapped to null: the table lacks it too.
  const columns: Record<string, Record<string, string | null>> = {};
  for (const [extract, used] of Object.entries((JSON.parse(read) as Result).inputs.columns)) {
    columns[extract] = Object.fromEntries(Object.entries(used).map(([name, use]) => [name, use ? use.header : null]));
  }
  // The comparison group's reading is not in `inputs`: its columns by the case's mapping or their own names.
  const comparisonTable = tables.find((table) => table.name === "comparison");
  if (comparisonTable) {
    // A column the table lacks is mapped to null, as a user maps it (matched_to, where nobody was matched).
    const matchedTo = comparisonTable.columns.some((column) => column.toLowerCase() === "matched_to") ? "matched_to" : null;
    columns.comparison = { patient_id: "patient_id", cohort: "cohort", index_date: "index_date", matched_to: matchedTo, ...(config?.columns as Record<string, Record<string, string>> | undefined)?.comparison };
  }
  // Headers match without regard to case; a warehouse's quoted names (PostgreSQL's) do not: each as the table spells it.
  for (const table of tables) {
    const mapping = columns[table.name] ?? {};
    for (const [name, header] of Object.entries(mapping)) if (header !== null) mapping[name] = table.columns.find((column) => column.toLowerCase() === header.toLowerCase()) ?? header;
  }
  columns.referrals = { ...columns.referrals, row_order: "row_order" };
  const { config: _config, ...settings } = { ...flags, bootstrap: flags.bootstrap ?? 0 } as Record<string, unknown>;
  for (const id of custom) delete columns[id];
  const warehouseConfig = { ...config, ...settings, columns, tables: Object.fromEntries(tables.map((table) => [table.name, table.name])) };
  const configPath = ws.path("warehouse.json");
  await writeFile(configPath, JSON.stringify(warehouseConfig));
  return { label: `${label} (files in ${ws.dir})`, tables, configPath, local, dir: ws.dir };
}

/** The case's script in a dialect. */
export async function scriptOf(c: WarehouseCase, dialect: DialectName): Promise<string> {
  return scriptForRun(await resolveRun({ config: c.configPath }, "tables"), dialect, c.configPath);
}

/** What `evaluate --warehouse-result` makes of a result CSV: its JSON, or its error. */
export async function fromWarehouse(c: WarehouseCase, resultCsv: string): Promise<string> {
  const path = `${c.dir}/result.csv`;
  await writeFile(path, resultCsv);
  return outcome(async () => evaluateWarehouse(await resolveRun({ config: c.configPath }, "tables"), await readLongForm(path, "result.csv"), "result.csv"));
}

/** Whether the local run skipped rows (whose lines and words a warehouse cannot give). */
export const skippedLocally = (local: string) => !local.startsWith("exit") && (JSON.parse(local) as Result).rows.skipped.length > 0;

/** Whether the warehouse found values it will not compare without regard to case (not ASCII), which a local run compares with JavaScript's case rules. */
export const notAscii = (resultCsv: string) => /,invalid,[a-z_]+:not_ascii,/.test(resultCsv);

/**
 * Holds one case's warehouse result to its local run: the same JSON but for `inputs` and the
 * engine; where the local run stopped for invalid rows, a stop too (the warehouse cannot name their
 * lines, but must not pass them by). Says whether the JSON was compared (not where rows were skipped,
 * whose lines only a local run can report, or a caseless value not ASCII, which is refused, said).
 */
export async function expectLocalAnswer(c: WarehouseCase, resultCsv: string): Promise<boolean> {
  const warehouse = await fromWarehouse(c, resultCsv);
  if (notAscii(resultCsv)) {
    // It stops: on the value not ASCII, or on an earlier problem of the same rows.
    expect(warehouse.slice(0, 6), c.label).toBe("exit 2");
    return false;
  }
  if (c.local.startsWith("exit 2") || skippedLocally(c.local)) {
    if (c.local.startsWith("exit 2")) expect(warehouse.slice(0, 6), c.label).toBe("exit 2");
    return false;
  }
  expect(comparable(warehouse), c.label).toBe(comparable(c.local));
  return true;
}
