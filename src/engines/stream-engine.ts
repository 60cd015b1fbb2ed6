import { readExtractInWorker } from "./read-in-worker.js";
import { type ActivityEngine, type ActivityRead, activityExtracts, streamExtract } from "./stream.js";

/**
 * The csv-parse engine: each extract streamed row by row, memory independent of its length, in a
 * worker thread of its own (`readExtractInWorker`). One after the other, so that problems and
 * progress come in the run's order of extracts. Where matching wants the population's days too, in
 * this thread: they are filed into one builder as the rows pass.
 */
export const streamEngine: ActivityEngine = async (run, subjects, log, progress, days) => {
  const read: ActivityRead[] = [];
  for (const extract of activityExtracts(run)) {
    read.push(await (days ? streamExtract(extract, run, subjects, log, progress, days) : readExtractInWorker(extract, run, subjects, log, progress)));
  }
  return read;
};
