import { addMonths, type Day } from "./day.js";

export interface WindowLength {
  count: number;
  unit: "m" | "d";
}

export type IndexDayRule = "exclude" | "pre" | "post";

/** `6m` → six calendar months; `182d` → 182 days. The text was validated by the settings schema. */
export function parseWindowLength(text: string): WindowLength {
  return { count: Number(text.slice(0, -1)), unit: text.endsWith("m") ? "m" : "d" };
}

export function shiftByWindows(day: Day, length: WindowLength, windows: number): Day {
  return length.unit === "m" ? addMonths(day, windows * length.count) : day + windows * length.count;
}

/** The look-back and follow-up around one index date (evaluation.md rule 3, statistics.md prior window). */
export interface PatientWindows {
  /** First day of the prior window, for the regression-to-the-mean check: index − 2N. */
  priorStart: Day;
  /** First day of the pre window: index − N, month end clamped. */
  preStart: Day;
  indexDate: Day;
  /** Last day of the post window: index + N, month end clamped. */
  postEnd: Day;
}

export function windowsAround(indexDate: Day, length: WindowLength): PatientWindows {
  return {
    // 2N from the index date, not N from pre_start: the two differ where a month end is clamped.
    priorStart: shiftByWindows(indexDate, length, -2),
    preStart: shiftByWindows(indexDate, length, -1),
    indexDate,
    postEnd: shiftByWindows(indexDate, length, 1),
  };
}

/** Where a countable event falls for one patient. */
export const PLACE = { prior: 0, pre: 1, post: 2, indexDay: 3, outside: 4 } as const;
export type WindowPlace = (typeof PLACE)[keyof typeof PLACE];
export const PLACES = 5;

/**
 * pre: pre_start ≤ d < index; post: index < d ≤ post_end; the index day itself is not counted unless
 * `--index-day pre|post` puts it in that window; prior: prior_start ≤ d < pre_start.
 */
export function placeInWindows(
  day: Day,
  priorStart: Day,
  preStart: Day,
  indexDate: Day,
  postEnd: Day,
  indexDayRule: IndexDayRule,
): WindowPlace {
  if (day === indexDate) {
    return indexDayRule === "exclude" ? PLACE.indexDay : indexDayRule === "pre" ? PLACE.pre : PLACE.post;
  }
  if (day < indexDate) {
    if (day >= preStart) return PLACE.pre;
    return day >= priorStart ? PLACE.prior : PLACE.outside;
  }
  return day <= postEnd ? PLACE.post : PLACE.outside;
}
