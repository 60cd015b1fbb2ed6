import { readExtractInWorker } from "./read-in-worker.js";
import { type ActivityEngine, type ActivityRead, activityExtracts } from "./stream.js";

/**
 * The csv-parse engine: each extract streamed row by row, memory independent of its length, in a
 * worker thread of its own (`readExtractInWorker`). One after the other, so that problems and
 * progress come in the run's order of extracts.
 */
export const streamEngine: ActivityEngine = async (run, subjects, log, progress) => {
  const read: ActivityRead[] = [];
  for (const extract of activityExtracts(run)) read.push(await readExtractInWorker(extract, run, subjects, log, progress));
  return read;
};
