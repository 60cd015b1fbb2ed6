import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunFlags, resolveRun } from "../../src/config/resolve-run.js";
import { formatInputError, InputError } from "../../src/errors.js";
import { evaluate } from "../../src/evaluate.js";
import { convertCsvToParquet } from "../../src/io/csv-to-parquet.js";
import { renderJson } from "../../src/render/json.js";
import { workspace } from "../helpers.js";
import { randomCase } from "./random-extracts.js";

/** What a run gives: its JSON without `settings.engine`, or its error as the CLI would print it. */
async function outcomeOf(paths: Record<string, string>, flags: Record<string, unknown>, engine: "stream" | "duckdb"): Promise<string> {
  try {
    const result = await evaluate(await resolveRun({ bootstrap: 0, ...paths, ...flags, engine } as RunFlags));
    const json = JSON.parse(renderJson(result));
    delete json.settings.engine;
    return JSON.stringify(json, null, 1);
  } catch (error) {
    if (error instanceof InputError) return `exit 2\n${formatInputError(error)}`;
    throw error;
  }
}

/** The activity extracts converted to Parquet (where a table can hold them) read alike by both engines. */
async function expectAgreementOnParquet(paths: Record<string, string>, flags: Record<string, unknown>, label: string): Promise<void> {
  const parquet = { ...paths };
  for (const extract of ["ae", "admissions"]) {
    if (!paths[extract]) continue;
    parquet[extract] = paths[extract].replace(/\.csv$/, ".parquet");
    const converted = await convertCsvToParquet(paths[extract], extract, parquet[extract]).catch((error: unknown) => error);
    if (converted instanceof InputError) return;
  }
  expect(await outcomeOf(parquet, flags, "duckdb"), `${label}, as Parquet`).toBe(await outcomeOf(parquet, flags, "stream"));
}

// More, or other, runs: PREPOST_AGREEMENT_RUNS=2000 PREPOST_AGREEMENT_SEED=5000 npx vitest run test/engines
const RUNS = Number(process.env.PREPOST_AGREEMENT_RUNS ?? 60);
const FIRST_SEED = Number(process.env.PREPOST_AGREEMENT_SEED ?? 1);

describe("both engines give the same answers (and the same problems) on random extracts", () => {
  let rowByRow = 0;
  beforeEach(() => {
    // The DuckDB engine says (with PREPOST_DEBUG_ENGINE) when it hands an extract to the row reader.
    vi.stubEnv("PREPOST_DEBUG_ENGINE", "1");
    vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      if (String(text).includes("read row by row")) rowByRow++;
      return true;
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it(`agrees on ${RUNS} random evaluations, most of them counted inside DuckDB`, async () => {
    let extracts = 0;
    for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      const { files, flags } = randomCase(seed);
      extracts += Object.keys(files).length - 1;
      const ws = await workspace(files);
      const paths = Object.fromEntries(Object.keys(files).map((name) => [name.replace(/\.csv$/, ""), ws.path(name)]));
      const stream = await outcomeOf(paths, flags, "stream");
      const duckdb = await outcomeOf(paths, flags, "duckdb");
      expect(duckdb, `seed ${seed} (files in ${ws.dir})`).toBe(stream);
      if (seed % 4 === 0) await expectAgreementOnParquet(paths, flags, `seed ${seed} (files in ${ws.dir})`);
    }
    // Agreement proves little if the DuckDB engine handed every extract to the stream engine.
    expect(rowByRow / extracts).toBeLessThan(0.6);
  }, 300_000);
});
