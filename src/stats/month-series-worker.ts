/**
 * A worker thread's whole job: draw the month series it is sent (`drawMonthSeries`) and send back
 * their figures, one reply per request. Started by `drawMonthSeriesOffThread`; see there for why.
 */
import { parentPort } from "node:worker_threads";
import { drawMonthSeries, type MonthSeriesReply, type MonthSeriesRequest } from "./month-series-thread.js";

parentPort!.on("message", ({ id, job }: MonthSeriesRequest) => {
  let reply: MonthSeriesReply;
  try {
    reply = { id, figures: drawMonthSeries(job) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
