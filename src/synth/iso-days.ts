import { type Day, isoFromDay } from "../core/day.js";

// A few thousand distinct days recur millions of times in the scale mode: convert each once.
const written = new Map<Day, string>();

/** `YYYY-MM-DD` of a day, remembered. */
export function isoDay(day: Day): string {
  let text = written.get(day);
  if (text === undefined) {
    text = isoFromDay(day);
    written.set(day, text);
  }
  return text;
}
