import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EvaluationRun } from "../config/run.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemRecord } from "../extracts/problem-log.js";
import type { Progress } from "../io/progress.js";
import { isParquet } from "../io/records.js";
import { type ActivityRead, type ExtractReader, streamExtract } from "./stream.js";

/** What the worker is given: everything `streamExtract` needs, as plain data. */
export interface ExtractJob {
  extract: string;
  run: EvaluationRun;
  subjects: Subjects;
  reportsProgress: boolean;
}

/** What the worker sends back once the extract is read. */
export interface ExtractAnswer {
  read: ActivityRead;
  problems: ProblemRecord;
}

export type WorkerMessage = ExtractAnswer | { progress: Progress };

// Next to this module once compiled: dist/engines/ for the library, dist/ beside the bundled CLI.
const WORKER_SCRIPT = new URL("./extract-worker.js", import.meta.url);

/**
 * Below this size a worker's start-up and its parser's warm-up from cold cost more than they save.
 * Counted with valgrind: a worker costs about a billion instructions and saves some 15,000 a row, so
 * it breaks even near 70,000 rows (5 MB of A&E rows); the West Kent example (extracts of 1.5 and
 * 2.3 MB) took 14% more instructions with workers than without.
 * `PREPOST_WORKER_MIN_BYTES` sets another, for tests and for trying one.
 */
const WORKER_MIN_BYTES = 16 * 2 ** 20;

/**
 * A worker pays where csv-parse reads a large file: not for a Parquet extract (DuckDB reads it), nor
 * where there is no compiled worker script (from the TypeScript sources, under the tests).
 */
function threadFor(path: string): "worker" | "main" {
  if (isParquet(path) || !existsSync(fileURLToPath(WORKER_SCRIPT))) return "main";
  const override = Number(process.env.PREPOST_WORKER_MIN_BYTES || Number.NaN);
  const least = Number.isFinite(override) ? override : WORKER_MIN_BYTES;
  try {
    return statSync(path).size >= least ? "worker" : "main";
  } catch {
    return "main"; // where `streamExtract` reports what is wrong with the file
  }
}

/** For tests, and `PREPOST_DEBUG_ENGINE=1`: which thread reads an extract. */
function debugNotice(what: string): void {
  if (process.env.PREPOST_DEBUG_ENGINE) process.stderr.write(`prepost: ${what}\n`);
}

/**
 * Streams one activity extract in a worker thread of its own, as `streamExtract` would here, with
 * the same tally, rows and problems (merged into `log` as if read here).
 *
 * Why a thread: csv-parse builds every parser's methods as closures of its own, and once a second
 * parser has been made in a V8 isolate its per-byte calls are no longer as well optimised. The
 * referrals are always parsed first, so in the main thread an activity extract's rows cost about a
 * quarter more instructions each (valgrind, 100k against 300k rows; docs/scale.md); in a fresh
 * isolate the extract parses as fast as a lone csv-parse pipeline. A small extract, a Parquet one,
 * or one read from the TypeScript sources is read in this thread by the same `streamExtract`
 * (`threadFor`).
 */
export const readExtractInWorker: ExtractReader = (extract, run, subjects, log, progress) => {
  const thread = threadFor(run.activity[extract]!.path);
  debugNotice(`${extract} read in ${thread === "worker" ? "a worker thread" : "the main thread"}`);
  if (thread === "main") return streamExtract(extract, run, subjects, log, progress);
  const job: ExtractJob = { extract, run, subjects, reportsProgress: progress !== undefined };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: job });
    let answer: ExtractAnswer | undefined;
    worker.on("message", (message: WorkerMessage) => {
      if ("progress" in message) progress?.(message.progress);
      else answer = message;
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answer) return reject(new Error(`the worker reading ${run.activity[extract]?.file} ended (exit code ${code}) without an answer`));
      log.absorb(answer.problems);
      resolve(answer.read);
    });
  });
};
