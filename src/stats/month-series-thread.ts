/**
 * The month series' bootstrap on a second thread, while this one works out the rows' figures: the
 * two are independent (each reads a stream of its own, `streamFor`), so the same seed gives the
 * same bytes wherever they are drawn. At 10,000 patients × 10M rows they were 0.24 s and 0.21 s of
 * the run, one after the other, on a machine of two cores idle once DuckDB's pass has ended; the
 * West Kent example's ten series took 0.55 s.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type CohortMonths, monthSeries, type MonthSeriesFigures } from "./month-series.js";
import { streamFor, TOTAL_ROW_INDEX } from "./random-stream.js";

/** One series to draw: `monthSeries`'s arguments, with its stream named rather than made (a stream cannot cross threads). */
export interface MonthSeriesJob {
  cohorts: CohortMonths[];
  monthCount: number;
  replicates: number;
  seed: number;
  /** The outcome's fixed stream (`Outcome.streamIndex`); the series is the Total row's. */
  outcomeIndex: number;
  sample: "referred_months" | "comparison_months";
}

/** The series, drawn in this thread. */
export function drawMonthSeries(job: MonthSeriesJob): MonthSeriesFigures {
  return monthSeries(job.cohorts, job.monthCount, job.replicates, streamFor(job.seed, job.outcomeIndex, TOTAL_ROW_INDEX, job.sample));
}

export interface MonthSeriesRequest {
  id: number;
  job: MonthSeriesJob;
}
export type MonthSeriesReply = { id: number; figures: MonthSeriesFigures } | { id: number; error: string };

// Next to this module once compiled: dist/stats/ for the library, dist/ beside the bundled CLI.
const WORKER_SCRIPT = new URL("./month-series-worker.js", import.meta.url);

/**
 * Below this much work (replicates × the cells of every month's table; about 0.1 µs each) a worker's
 * start-up (some 40 ms of the other core) costs more than drawing here. Each of the West Kent
 * example's ten series is 0.3 to 1.4 million (on the worker the run took 3.35 s, not 3.9 s); the
 * benchmark's 10,000 heavy users' 2.3 million; a small test's a few thousand.
 * `PREPOST_MONTHS_WORKER_MIN` sets another, for tests.
 */
const WORKER_MIN_WORK = 250_000;

function workOf(job: MonthSeriesJob): number {
  return job.replicates * job.cohorts.reduce((sum, cohort) => sum + cohort.months.reduce((cells, table) => cells + table.counts.length, 0), 0);
}

function worthAThread(job: MonthSeriesJob): boolean {
  // From the TypeScript sources (the unit tests) there is no compiled worker script.
  if (job.replicates === 0 || !existsSync(fileURLToPath(WORKER_SCRIPT))) return false;
  const override = Number(process.env.PREPOST_MONTHS_WORKER_MIN || Number.NaN);
  return workOf(job) >= (Number.isFinite(override) ? override : WORKER_MIN_WORK);
}

/** The process's one worker, started on the first series worth one, holding the process open only while it has work. */
let worker: Worker | undefined;
const waiting = new Map<number, { resolve: (figures: MonthSeriesFigures) => void; reject: (error: Error) => void }>();
let nextId = 0;

function startWorker(): Worker {
  const started = new Worker(WORKER_SCRIPT);
  started.on("message", (reply: MonthSeriesReply) => {
    const asked = waiting.get(reply.id)!;
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if ("error" in reply) asked.reject(new Error(`the month series' worker failed: ${reply.error}`));
    else asked.resolve(reply.figures);
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const asked of waiting.values()) asked.reject(error);
    waiting.clear();
  };
  started.once("error", fail);
  started.once("exit", (code) => fail(new Error(`the month series' worker ended (exit code ${code})`)));
  return started;
}

/**
 * The series, drawn on the worker where it is worth one (the work begins at once, and this thread
 * goes on), else here, before this returns.
 */
export function drawMonthSeriesOffThread(job: MonthSeriesJob): Promise<MonthSeriesFigures> {
  if (!worthAThread(job)) return Promise.resolve(drawMonthSeries(job));
  if (process.env.PREPOST_DEBUG_ENGINE) process.stderr.write(`prepost: ${job.sample.replace("_", " ")} drawn on a worker thread\n`);
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  const answer = new Promise<MonthSeriesFigures>((resolve, reject) => waiting.set(id, { resolve, reject }));
  const request: MonthSeriesRequest = { id, job };
  worker.postMessage(request);
  return answer;
}
