import type { Day } from "./day.js";
import { boundaryCount, boundaryShifts, writeMonthBounds } from "./months.js";
import { windowsAround, type WindowLength } from "./windows.js";

/**
 * Everyone whose activity is counted: the referred patients, then the comparison patients, each with
 * a slot and their windows in flat typed arrays, so that the per-row lookup allocates nothing and
 * memory grows with patients, never with activity rows.
 */
export interface Subjects {
  slotOf: Map<string, number>;
  priorStart: Int32Array;
  preStart: Int32Array;
  indexDate: Int32Array;
  postEnd: Int32Array;
  /** K: months −K…K around each index date are counted (statistics.md; `--months`, else the window's W). */
  months: number;
  /** Each subject's month boundaries (`months.ts`), 2K + 2 from `slot * (2K + 2)`. */
  monthBounds: Int32Array;
  size: number;
}

export interface IndexedSubject {
  patientId: string;
  indexDate: Day;
}

/** Slots follow the order given: referred patients first, comparison patients after them. */
export function windowSubjects(people: readonly IndexedSubject[], length: WindowLength, months: number): Subjects {
  const size = people.length;
  const bounds = boundaryCount(months);
  const shifts = boundaryShifts(length, months);
  const subjects: Subjects = {
    slotOf: new Map(),
    priorStart: new Int32Array(size),
    preStart: new Int32Array(size),
    indexDate: new Int32Array(size),
    postEnd: new Int32Array(size),
    months,
    monthBounds: new Int32Array(size * bounds),
    size,
  };
  // Windows and months depend on the index date alone: worked out once per date, copied per patient.
  const byDate = new Map<Day, { windows: ReturnType<typeof windowsAround>; months: Int32Array }>();
  people.forEach((person, slot) => {
    let dated = byDate.get(person.indexDate);
    if (!dated) {
      const months = new Int32Array(bounds);
      writeMonthBounds(person.indexDate, shifts, months, 0);
      dated = { windows: windowsAround(person.indexDate, length), months };
      byDate.set(person.indexDate, dated);
    }
    const { windows } = dated;
    subjects.slotOf.set(person.patientId, slot);
    subjects.priorStart[slot] = windows.priorStart;
    subjects.preStart[slot] = windows.preStart;
    subjects.indexDate[slot] = windows.indexDate;
    subjects.postEnd[slot] = windows.postEnd;
    subjects.monthBounds.set(dated.months, slot * bounds);
  });
  return subjects;
}
