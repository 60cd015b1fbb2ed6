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
