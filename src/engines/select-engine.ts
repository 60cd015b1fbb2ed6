import type { EvaluationRun } from "../config/run.js";
import type { EngineName } from "../config/settings.js";
import { isParquet } from "../io/records.js";
import { duckdbEngine, readComparisonWithDuckDb, readReferralsWithDuckDb, sizeOf, warmUpDuckDb } from "./duckdb.js";
import type { ComparisonRead } from "../extracts/read-comparison.js";
import type { CohortNames } from "../extracts/cohort-names.js";
import type { ReferralsRead } from "../extracts/read-referrals.js";
import type { ActivityEngine } from "./stream.js";
import { streamEngine } from "./stream-engine.js";

/**
 * Below this the stream engine is about as quick (DuckDB's start-up and the file scan cost more
 * than they save); above it, one SQL pass is several times faster.
 */
export const DUCKDB_FROM_BYTES = 64 * 1024 * 1024;

/** `--engine auto`: DuckDB for Parquet input or an activity extract over 64 MB, otherwise the stream engine. */
export async function chooseEngine(run: EvaluationRun): Promise<EngineName> {
  if (run.settings.engine !== "auto") return run.settings.engine;
  // The comparison group counts too: once it is read through `visitRecords`, it may be Parquet.
  const activity = Object.values(run.activity);
  const extracts = [run.referrals, ...activity, run.comparison];
  if (extracts.some((source) => source && isParquet(source.path))) return "duckdb";
  for (const source of activity) {
    if ((await sizeOf(source.path)) > DUCKDB_FROM_BYTES) return "duckdb";
  }
  return "stream";
}

export const ENGINES: Record<EngineName, ActivityEngine> = { stream: streamEngine, duckdb: duckdbEngine };

/** An engine, ready to read: the activity extracts, and (DuckDB) the people extracts where it can vouch for them. */
export interface Engine {
  name: EngineName;
  read: ActivityEngine;
  /** The referrals read by the engine; undefined where the row reader is to read them. */
  readReferrals(run: EvaluationRun): Promise<{ read: ReferralsRead; cohorts: CohortNames } | undefined>;
  /** The comparison group read by the engine, its cohorts named as the referrals'; undefined where the row reader is to read it. */
  readComparison(run: EvaluationRun, cohorts: CohortNames): Promise<ComparisonRead | undefined>;
}

/** The chosen engine, ready to read: DuckDB starts up (a quarter of a second) while the inputs are scanned. */
export async function selectEngine(run: EvaluationRun): Promise<Engine> {
  const name = await chooseEngine(run);
  if (name === "duckdb") warmUpDuckDb(run);
  const byDuckDb = name === "duckdb";
  return {
    name,
    read: ENGINES[name],
    readReferrals: byDuckDb ? (of) => readReferralsWithDuckDb(of) : async () => undefined,
    readComparison: byDuckDb ? (of, cohorts) => readComparisonWithDuckDb(of, cohorts) : async () => undefined,
  };
}
