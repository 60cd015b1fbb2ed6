/**
 * A worker thread's whole job: stream one activity extract (`streamExtract`) and send back what it
 * counted and the problems it found. Started by `readExtractInWorker`; see there for why.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ProblemLog } from "../extracts/problem-log.js";
import type { Progress } from "../io/progress.js";
import type { ExtractAnswer, ExtractJob, WorkerMessage } from "./read-in-worker.js";
import { streamExtract } from "./stream.js";

const { extract, run, subjects, reportsProgress } = workerData as ExtractJob;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
const log = new ProblemLog(run.settings.skipInvalid);
const progress = reportsProgress ? (update: Progress) => post({ progress: update }) : undefined;
const read = await streamExtract(extract, run, subjects, log, progress);
const answer: ExtractAnswer = { read, problems: log.record() };
// The counts are moved, not copied: at a million subjects each outcome's are 20 MB, and its months 52 MB more.
post(answer, read.tallies.flatMap(({ tally }) => [tally.places.buffer as ArrayBuffer, tally.months.buffer as ArrayBuffer]));
