import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EvaluationRun } from "../config/run.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemRecord } from "../extracts/problem-log.js";
import type { Progress } from "../io/progress.js";
import { type ActivityExtract, type ActivityRead, type ExtractReader, streamExtract } from "./stream.js";

/** What the worker is given: everything `streamExtract` needs, as plain data. */
export interface ExtractJob {
  extract: ActivityExtract;
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
 * isolate the extract parses as fast as a lone csv-parse pipeline. A worker costs some 50 ms to
 * start, against minutes saved on the extracts this matters for.
 *
 * From the TypeScript sources (the tests) there is no compiled worker script, and the extract is
 * read in this thread by the same `streamExtract`.
 */
export const readExtractInWorker: ExtractReader = (extract, run, subjects, log, progress) => {
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) {
    debugNotice(`${extract} read in the main thread (no compiled worker script)`);
    return streamExtract(extract, run, subjects, log, progress);
  }
  debugNotice(`${extract} read in a worker thread`);
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
      if (!answer) return reject(new Error(`the worker reading ${run[extract]?.file} ended (exit code ${code}) without an answer`));
      log.absorb(answer.problems);
      resolve(answer.read);
    });
  });
};
