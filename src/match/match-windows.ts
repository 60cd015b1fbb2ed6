import { civilFromDay, type Day } from "../core/day.js";
import { type PatientWindows, type WindowLength, windowsAround } from "../core/windows.js";

/**
 * A case's windows (evaluation.md rule 3, the prior window of statistics.md), which its candidates
 * are weighed in: a control inherits its case's index date, so every variable of a candidate is
 * taken at these dates. `year` is the index date's calendar year, for ages.
 */
export interface MatchWindows extends PatientWindows {
  year: number;
}

export function matchWindows(indexDate: Day, length: WindowLength): MatchWindows {
  return { ...windowsAround(indexDate, length), year: civilFromDay(indexDate).year };
}

/**
 * The days matching counts events on, for all the cases: from the earliest prior window's start to
 * the latest index day (inclusive, for `--index-day pre`), as `[from, to)`.
 */
export function matchSpan(indexDates: Iterable<Day>, length: WindowLength): { from: Day; to: Day } {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const indexDate of indexDates) {
    from = Math.min(from, windowsAround(indexDate, length).priorStart);
    to = Math.max(to, indexDate + 1);
  }
  return { from, to };
}
