import { addMonths, type Day } from "./day.js";
import type { WindowLength } from "./windows.js";

/**
 * The months around an index date (statistics.md, "Month by month around the index date"). Month −k
 * (k ≥ 1) is the days d with index − k months ≤ d < index − (k−1) months; month +k is
 * index + (k−1) months < d ≤ index + k months, months added as in rule 3 (clamped to the month's
 * end); month 0 is the index day alone. So months −W…−1 are exactly the pre window and +1…+W the
 * post window, whatever the clamping, and every day near the index falls in exactly one month.
 *
 * With `--window Nd` a "month" is a block of 30 days counted out from the index day. The block that
 * reaches the window's edge stops there (it is N − 30(W − 1) days long), so that the blocks still
 * make up the windows exactly; blocks beyond the window (`--months K`) are counted on from its edge.
 *
 * A month is kept as its first day and the first day after it: 2K + 2 boundaries per patient, month m
 * (−K…K) being `bounds[m + K] ≤ d < bounds[m + K + 1]`. Every boundary comes from `addMonths` (or
 * whole days), so both engines, given the same boundaries, place every day in the same month.
 */

/** Days in a block of `--window Nd`. */
export const DAYS_PER_BLOCK = 30;

/** W: the window in months (N for Nm), or in 30-day blocks for Nd (the last one may be short). */
export function windowMonths(length: WindowLength): number {
  return length.unit === "m" ? length.count : Math.ceil(length.count / DAYS_PER_BLOCK);
}

/** How many boundaries one patient's months have: 2K + 2 for months −K…K. */
export const boundaryCount = (months: number) => 2 * months + 2;

/** How many months a series has: −K…K. */
export const monthCount = (months: number) => 2 * months + 1;

/**
 * Days from the index to where month ±k ends on its far side, for `--window Nd`: 30k inside the
 * window, the window's edge N at its last block, and on in blocks of 30 beyond it.
 */
function blockReach(k: number, length: WindowLength): number {
  const window = windowMonths(length);
  return k <= window ? Math.min(DAYS_PER_BLOCK * k, length.count) : length.count + DAYS_PER_BLOCK * (k - window);
}

/** A boundary as a shift of the index date: whole calendar months (clamped, as `addMonths`), then days. */
export interface BoundaryShift {
  months: number;
  days: number;
}

/**
 * The 2K + 2 month boundaries as shifts of the index date, the same for every patient: the first
 * days of months −K…K, then the day after month +K. Month −k starts at index − k months, month 0 at
 * the index, month +k (k ≥ 1) the day after index + (k−1) months. The warehouse's SQL renders these
 * same shifts (src/warehouse/steps/months.ts).
 */
export function boundaryShifts(length: WindowLength, months: number): BoundaryShift[] {
  const before = (k: number): BoundaryShift => (length.unit === "m" ? { months: -k, days: 0 } : { months: 0, days: -blockReach(k, length) });
  const dayAfter = (k: number): BoundaryShift => (length.unit === "m" ? { months: k, days: 1 } : { months: 0, days: blockReach(k, length) + 1 });
  const shifts: BoundaryShift[] = [];
  for (let k = months; k >= 1; k--) shifts.push(before(k));
  shifts.push({ months: 0, days: 0 });
  for (let k = 1; k <= months + 1; k++) shifts.push(dayAfter(k - 1));
  return shifts;
}

/** Writes one patient's 2K + 2 month boundaries (`boundaryShifts`) at `into[offset …]`. */
export function writeMonthBounds(indexDate: Day, shifts: readonly BoundaryShift[], into: Int32Array, offset: number): void {
  shifts.forEach((shift, i) => (into[offset + i] = (shift.months === 0 ? indexDate : addMonths(indexDate, shift.months)) + shift.days));
}

/** One patient's boundaries, for tests and for callers with one patient. */
export function monthBounds(indexDate: Day, length: WindowLength, months: number): Int32Array {
  const bounds = new Int32Array(boundaryCount(months));
  writeMonthBounds(indexDate, boundaryShifts(length, months), bounds, 0);
  return bounds;
}

/**
 * The month (0 … 2K, month −K being 0) of `day` among a patient's boundaries at `bounds[offset …]`,
 * or −1 where the day is beyond month ±K. A binary search: the boundaries strictly increase, since
 * every month has at least one day.
 */
export function monthAt(bounds: Int32Array, offset: number, months: number, day: Day): number {
  const last = offset + boundaryCount(months) - 1;
  if (day < bounds[offset]! || day >= bounds[last]!) return -1;
  // Invariant: bounds[low] ≤ day < bounds[high].
  let low = offset;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (bounds[middle]! <= day) low = middle;
    else high = middle;
  }
  return low - offset;
}

/** Which window a month belongs to (rule 3): the pre or post window, or neither (the index day, unless `--index-day` puts it in one; months beyond the window). */
export function windowOfMonth(month: number, window: number, indexDay: "exclude" | "pre" | "post"): "pre" | "post" | null {
  if (month === 0) return indexDay === "exclude" ? null : indexDay;
  if (month < 0) return month >= -window ? "pre" : null;
  return month <= window ? "post" : null;
}
