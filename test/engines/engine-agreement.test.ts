import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunFlags, resolveRun } from "../../src/config/resolve-run.js";
import { formatInputError, InputError } from "../../src/errors.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { readCsvRows } from "../../src/io/csv-records.js";
import { convertCsvToParquet } from "../../src/io/csv-to-parquet.js";
import { renderJson } from "../../src/render/json.js";
import type { Result } from "../../src/result.js";
import { workspace } from "../helpers.js";
import { randomCase } from "./random-extracts.js";

const EXTRACTS = ["referrals", "ae", "admissions", "comparison"] as const;
const ACTIVITY_EXTRACTS = ["ae", "admissions"] as const;

/** What a run gives: its JSON without `settings.engine`, or its error as the CLI would print it. */
async function outcomeOf(paths: Record<string, string>, flags: Record<string, unknown>, engine: "stream" | "duckdb"): Promise<string> {
  try {
    const result = await evaluateCounts(await resolveRun({ bootstrap: 0, ...paths, ...flags, engine } as RunFlags));
    const json = JSON.parse(renderJson(result));
    delete json.settings.engine;
    return JSON.stringify(json, null, 1);
  } catch (error) {
    if (error instanceof InputError) return `exit 2\n${formatInputError(error)}`;
    throw error;
  }
}

/** A Parquet file's outcome named as its CSV's: the files' names are all that may differ. */
const namedAsCsv = (outcome: string) => outcome.replaceAll(".parquet", ".csv");

/** The outcome without line numbers: a Parquet row's "line" is its number + 1, whatever the CSV's was. */
const withoutLines = (outcome: string) =>
  outcome
    .replace(/(\.csv):\d+:/g, "$1:…:")
    .replace(/"lines": \[[^\]]*\]/g, '"lines": […]')
    .replace(/on lines \d+ and \d+/g, "on lines … and …");

/** The answer without `inputs.formats`: how a file's text was read differs between a CSV and its Parquet copy, and may. */
function withoutTextFormats(outcome: string): string {
  if (outcome.startsWith("exit")) return outcome;
  const json = JSON.parse(outcome);
  delete json.inputs.formats;
  return JSON.stringify(json, null, 1);
}

const EDGE_SPACE = /^[ \t\r\n\f]|[ \t\r\n\f]$/;

/**
 * What of a CSV extract its Parquet copy cannot keep (docs/scale.md): a value's own edge spaces
 * inside quotes (csv-parse keeps them; Parquet text is read trimmed), and line numbers where blank
 * lines or quoted new lines make a record's line other than its row number + 1.
 */
async function lostInParquet(path: string): Promise<{ edgeSpaces: boolean; lines: boolean }> {
  const lost = { edgeSpaces: false, lines: false };
  let row = 0;
  for await (const { fields, line } of readCsvRows(path, path)) {
    if (line !== ++row) lost.lines = true;
    if (fields.some((field) => EDGE_SPACE.test(field))) lost.edgeSpaces = true;
  }
  return lost;
}

/**
 * Every extract `prepost convert` takes, as Parquet (one it refuses stays CSV): both engines must
 * give the same answer, and the answer the CSV gave (`csv`, the stream engine's) unless the
 * conversion lost something it may lose.
 */
async function expectAgreementOnParquet(paths: Record<string, string>, flags: Record<string, unknown>, csv: string, label: string): Promise<void> {
  const parquet = { ...paths };
  const lost = { edgeSpaces: false, lines: false };
  for (const extract of EXTRACTS) {
    if (!paths[extract]) continue;
    const out = paths[extract].replace(/\.csv$/, ".parquet");
    const converted = await convertCsvToParquet(paths[extract], extract, out).catch((error: unknown) => error);
    if (converted instanceof InputError) continue;
    if (converted instanceof Error) throw converted;
    parquet[extract] = out;
    const lostHere = await lostInParquet(paths[extract]);
    lost.edgeSpaces ||= lostHere.edgeSpaces;
    lost.lines ||= lostHere.lines;
  }
  if (EXTRACTS.every((extract) => parquet[extract] === paths[extract])) return;
  const onDuckDb = await outcomeOf(parquet, flags, "duckdb");
  expect(onDuckDb, `${label}, as Parquet`).toBe(await outcomeOf(parquet, flags, "stream"));
  if (lost.edgeSpaces) return;
  const comparable = (outcome: string) => (lost.lines ? withoutLines : (text: string) => text)(withoutTextFormats(outcome));
  expect(comparable(namedAsCsv(onDuckDb)), `${label}, as Parquet and as CSV`).toBe(comparable(csv));
}

/** Counts the results with comparison figures, intervals, and intervals of the difference in differences. */
function tallyWhatWasTested(result: Result, seen: { comparison: number; intervals: number; didIntervals: number }): void {
  const totals = result.outcomes.map((outcome) => outcome.total);
  if (totals.some((total) => (total.comparison?.patients ?? 0) > 0)) seen.comparison++;
  if (totals.some((total) => (total.ci_low ?? null) !== null)) seen.intervals++;
  if (totals.some((total) => (total.did_ci_low ?? null) !== null)) seen.didIntervals++;
}

// More, or other, runs: PREPOST_AGREEMENT_RUNS=2000 PREPOST_AGREEMENT_SEED=5000 npx vitest run test/engines
const RUNS = Number(process.env.PREPOST_AGREEMENT_RUNS ?? 60);
const FIRST_SEED = Number(process.env.PREPOST_AGREEMENT_SEED ?? 1);

describe("both engines give the same answers (and the same problems) on random extracts", () => {
  let rowByRow = 0;
  let referralsByRowReader = 0;
  let comparisonByRowReader = 0;
  beforeEach(() => {
    // The DuckDB engine says (with PREPOST_DEBUG_ENGINE) when it hands an extract to the row reader.
    vi.stubEnv("PREPOST_DEBUG_ENGINE", "1");
    // The referrals and the comparison group too are read in DuckDB, however small, where it can vouch for every row (duckdb-referrals.ts).
    vi.stubEnv("PREPOST_DUCKDB_PEOPLE_FROM_BYTES", "0");
    vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      if (String(text).includes("read row by row")) rowByRow++;
      if (String(text).includes("referrals read by the row reader")) referralsByRowReader++;
      if (String(text).includes("comparison read by the row reader")) comparisonByRowReader++;
      return true;
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it(`agrees on ${RUNS} random evaluations, most of them counted inside DuckDB`, async () => {
    let activityExtracts = 0;
    let comparisonFiles = 0;
    const seen = { comparison: 0, intervals: 0, didIntervals: 0 };
    for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      const { files, flags, config } = randomCase(seed);
      activityExtracts += ACTIVITY_EXTRACTS.filter((extract) => files[`${extract}.csv`]).length;
      if (files["comparison.csv"]) comparisonFiles++;
      const ws = await workspace({ ...files, ...(config ? { "evaluation.json": JSON.stringify(config) } : {}) });
      const paths = Object.fromEntries(Object.keys(files).map((name) => [name.replace(/\.csv$/, ""), ws.path(name)]));
      if (config) paths.config = ws.path("evaluation.json");
      const label = `seed ${seed} (files in ${ws.dir})`;
      const stream = await outcomeOf(paths, flags, "stream");
      const duckdb = await outcomeOf(paths, flags, "duckdb");
      expect(duckdb, label).toBe(stream);
      if (seed % 4 === 0) await expectAgreementOnParquet(paths, flags, stream, label);
      if (!stream.startsWith("exit 2")) tallyWhatWasTested(JSON.parse(stream) as Result, seen);
    }
    // Agreement proves little if the DuckDB engine handed every extract to the stream engine…
    expect(rowByRow / activityExtracts).toBeLessThan(0.6);
    // …and the referrals likewise: most of them read in DuckDB, the rest (invalid rows, quotes) by the row reader.
    expect(referralsByRowReader / RUNS).toBeLessThan(0.7);
    expect(referralsByRowReader).toBeGreaterThan(0);
    // …and the comparison group's likewise: a fifth of them at least read in DuckDB (more fall to the
    // row reader than the referrals do: a random comparison file is made to break its rules often).
    if (RUNS >= 60) {
      expect(comparisonFiles).toBeGreaterThan(RUNS / 10);
      expect(comparisonFiles - comparisonByRowReader).toBeGreaterThanOrEqual(comparisonFiles / 5);
      expect(comparisonByRowReader).toBeGreaterThan(0);
    }
    // …or if the comparison group and the intervals seldom made it into a result (those of the
    // difference in differences need a comparison group, a bootstrap and enough events: a few in 100).
    if (RUNS >= 60) {
      expect(seen.comparison).toBeGreaterThan(RUNS / 10);
      expect(seen.intervals).toBeGreaterThan(RUNS / 20);
    }
    if (RUNS >= 200) expect(seen.didIntervals).toBeGreaterThan(0);
  }, 600_000);
});

describe("both engines agree where a bare field ends in a Unicode space, in a file with quotes", () => {
  // In a file with quotes csv-parse trims a bare field's end with JavaScript's trimEnd, which also
  // takes a no-break space or another Unicode space; DuckDB's reader keeps it. Such rows go to the
  // row reader, whose answer is then both engines'.
  it.each([
    ["a no-break space", "\u00a0"],
    ["a vertical tab", "\v"],
    ["an ideographic space", "\u3000"],
  ])("after a patient identifier or a category: %s", async (_, space) => {
    const ws = await workspace({
      "referrals.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-15\n",
      "ae.csv": `patient_id,arrival_date,attendance_category\n"p1",2021-05-01,1\np1${space},2021-05-02,1\np1,2021-07-01,4${space}\np1,2021-07-02,1\n`,
    });
    const paths = { referrals: ws.path("referrals.csv"), ae: ws.path("ae.csv") };
    const flags = { dataStart: "2020-01-01", dataEnd: "2022-12-31" };
    const stream = await outcomeOf(paths, flags, "stream");
    expect(JSON.parse(stream).outcomes[0].total).toMatchObject({ pre: 2, post: 1 });
    expect(await outcomeOf(paths, flags, "duckdb")).toBe(stream);
  });
});
