import { civilFromDay, type Day, isoFromDay } from "../core/day.js";

// A few thousand distinct days recur millions of times in the scale mode: convert each once.
const written = new Map<Day, string>();
const writtenUk = new Map<Day, string>();

/** `YYYY-MM-DD` of a day, remembered. */
export function isoDay(day: Day): string {
  let text = written.get(day);
  if (text === undefined) {
    text = isoFromDay(day);
    written.set(day, text);
  }
  return text;
}

/** `DD/MM/YYYY` of a day (the UK order a GP system's export writes), remembered. */
export function ukDay(day: Day): string {
  let text = writtenUk.get(day);
  if (text === undefined) {
    const { year, month, day: dayOfMonth } = civilFromDay(day);
    text = `${String(dayOfMonth).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
    writtenUk.set(day, text);
  }
  return text;
}
