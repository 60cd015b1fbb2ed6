import type { ActivitySink } from "../extracts/activity.js";
import type { ParsedDate } from "../extracts/dates.js";
import type { NotCountableReason } from "../result.js";
import type { Subjects } from "./subjects.js";
import { type IndexDayRule, PLACE, placeInWindows, PLACES, type WindowPlace } from "./windows.js";

/** What one activity extract added up to, before anyone's eligibility is known (rule 4). */
export interface ActivityTally {
  /** Countable rows per subject and window place: `places[slot * PLACES + place]`. */
  places: Int32Array;
  /** Valid rows of people neither referred nor in the comparison group. */
  activityOfOthers: number;
  notCountable: Record<NotCountableReason, number>;
  /** Earliest and latest real event day of any valid row (for inferred data coverage). */
  earliest: number;
  latest: number;
}

export function emptyTally(subjects: Subjects): ActivityTally {
  return {
    places: new Int32Array(subjects.size * PLACES),
    activityOfOthers: 0,
    notCountable: { excluded_category: 0, not_emergency: 0, later_episode: 0, missing_date: 0 },
    earliest: Number.POSITIVE_INFINITY,
    latest: Number.NEGATIVE_INFINITY,
  };
}

/**
 * Counts every row of an activity extract into the tally. Windows do not depend on the data coverage,
 * so rows are placed as they stream past and eligibility is applied once all extracts are read.
 */
export function windowCounter(tally: ActivityTally, subjects: Subjects, indexDayRule: IndexDayRule): ActivitySink {
  const { slotOf, priorStart, preStart, indexDate, postEnd } = subjects;
  return (patientId: string, day: ParsedDate, notCountable: NotCountableReason | undefined) => {
    if (typeof day === "number") {
      if (day < tally.earliest) tally.earliest = day;
      if (day > tally.latest) tally.latest = day;
    }
    const slot = slotOf.get(patientId);
    if (slot === undefined) {
      tally.activityOfOthers++;
      return;
    }
    if (notCountable !== undefined) {
      tally.notCountable[notCountable]++;
      return;
    }
    const place = placeInWindows(day as number, priorStart[slot]!, preStart[slot]!, indexDate[slot]!, postEnd[slot]!, indexDayRule);
    tally.places[slot * PLACES + place]!++;
  };
}

export function countAt(tally: ActivityTally, slot: number, place: WindowPlace): number {
  return tally.places[slot * PLACES + place]!;
}

/** Every countable row of a subject, wherever it fell. */
export function countableRows(tally: ActivityTally, slot: number): number {
  let rows = 0;
  for (let place = 0; place < PLACES; place++) rows += tally.places[slot * PLACES + place]!;
  return rows;
}

export { PLACE };
