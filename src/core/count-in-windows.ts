import type { ActivityRow, ActivitySink } from "../extracts/activity-rows.js";
import type { ParsedDate } from "../extracts/dates.js";
import type { Outcome } from "../outcomes/outcome.js";
import { boundaryCount, monthAt, monthCount } from "./months.js";
import type { Subjects } from "./subjects.js";
import { type IndexDayRule, PLACE, placeInWindows, PLACES, type WindowPlace } from "./windows.js";

/**
 * The spells of an outcome that counts nights (emergency bed days), as read: their nights can only
 * be placed once the data coverage's end is known (an open spell runs to it), and a spell's
 * discharge may come on a later row than its countable one. Plain data, so a worker can send it.
 */
export interface SpellLedger {
  /** Per spell (subject slot, admission day, spell id), the latest discharge day on any of its rows. */
  discharge: Map<string, number>;
  /** The countable rows: each one's slot, admission day and spell key. */
  slots: number[];
  admitted: number[];
  keys: string[];
}

/** What one outcome added up to over its extract, before anyone's eligibility is known (rule 4). */
export interface ActivityTally {
  /** What the outcome counts per subject and window place (`places[slot * PLACES + place]`): rows, or nights. */
  places: Int32Array;
  /**
   * What the outcome counts per subject and month around the index date (`months[slot * (2K + 1) + m]`,
   * m = 0 for month −K): rows, or nights, of the subjects' countable rows, in the months of `months.ts`.
   */
  months: Int32Array;
  /** Countable rows per subject and place, for the row account, where `places` counts something else (nights). */
  rowPlaces?: Int32Array;
  /** Valid rows of people neither referred nor in the comparison group. */
  activityOfOthers: number;
  /** Valid rows of subjects that the outcome cannot count, by reason. */
  notCountable: Record<string, number>;
  /** Earliest and latest real event day of any valid row (for inferred data coverage). */
  earliest: number;
  latest: number;
  /** With a cost column: the countable rows' costs in pence, and how many had none, per subject and place. */
  costPence?: Float64Array;
  missingCost?: Int32Array;
  /** An outcome that counts nights: its spells, until `placeNights` places them. */
  spells?: SpellLedger;
}

export function emptyTally(subjects: Subjects, outcome: Outcome, withCost: boolean): ActivityTally {
  const notCountable = Object.fromEntries([...outcome.reasons, "missing_date"].map((reason) => [reason, 0]));
  return {
    places: new Int32Array(subjects.size * PLACES),
    months: new Int32Array(subjects.size * monthCount(subjects.months)),
    activityOfOthers: 0,
    notCountable,
    earliest: Number.POSITIVE_INFINITY,
    latest: Number.NEGATIVE_INFINITY,
    ...(withCost ? { costPence: new Float64Array(subjects.size * PLACES), missingCost: new Int32Array(subjects.size * PLACES) } : {}),
    ...(outcome.adds === "nights" ? { rowPlaces: new Int32Array(subjects.size * PLACES), spells: { discharge: new Map(), slots: [], admitted: [], keys: [] } } : {}),
  };
}

/** The key of a spell: a patient's admission on a day, told apart by its spell id where one is mapped. */
const spellKey = (slot: number, day: number, row: ActivityRow) => `${slot} ${day} ${row.values.spell_id ?? ""}`;

/**
 * Counts every row of an activity extract into one outcome's tally. Windows do not depend on the
 * data coverage, so rows are placed as they stream past and eligibility is applied once all extracts
 * are read; nights wait for the coverage's end (`placeNights`).
 */
export function windowCounter(tally: ActivityTally, subjects: Subjects, indexDayRule: IndexDayRule): ActivitySink {
  const { slotOf, priorStart, preStart, indexDate, postEnd, months, monthBounds } = subjects;
  const { spells, costPence, missingCost } = tally;
  const bounds = boundaryCount(months);
  const perSubject = monthCount(months);
  return (patientId: string, day: ParsedDate, notCountable: string | undefined, row: ActivityRow) => {
    if (typeof day === "number") {
      if (day < tally.earliest) tally.earliest = day;
      if (day > tally.latest) tally.latest = day;
    }
    const slot = slotOf.get(patientId);
    if (slot === undefined) {
      tally.activityOfOthers++;
      return;
    }
    if (spells && typeof day === "number") {
      // Every row of the spell may carry its discharge: episode extracts write it on the last episode.
      const discharged = row.days.discharge_date;
      const key = spellKey(slot, day, row);
      if (discharged !== undefined && !(discharged <= (spells.discharge.get(key) ?? -Infinity))) spells.discharge.set(key, discharged);
      if (notCountable === undefined) {
        spells.slots.push(slot);
        spells.admitted.push(day);
        spells.keys.push(key);
      }
    }
    if (notCountable !== undefined) {
      tally.notCountable[notCountable]!++;
      return;
    }
    if (spells) return;
    const at = slot * PLACES + placeInWindows(day as number, priorStart[slot]!, preStart[slot]!, indexDate[slot]!, postEnd[slot]!, indexDayRule);
    tally.places[at]!++;
    const month = monthAt(monthBounds, slot * bounds, months, day as number);
    if (month >= 0) tally.months[slot * perSubject + month]!++;
    if (costPence) {
      if (row.costPence === undefined) missingCost![at]!++;
      else costPence[at]! += row.costPence;
    }
  };
}

/** Days of [from, to) that fall in [lo, hi). */
const overlap = (from: number, to: number, lo: number, hi: number) => Math.max(0, Math.min(to, hi) - Math.max(from, lo));

/** Adds a spell's nights [from, to) to the months they fall in: a night is in the month its day is in. */
function addNightsToMonths(tally: ActivityTally, subjects: Subjects, slot: number, from: number, to: number): void {
  const { months, monthBounds } = subjects;
  const first = slot * boundaryCount(months);
  const perSubject = monthCount(months);
  for (let m = 0; m < perSubject; m++) {
    const nights = overlap(from, to, monthBounds[first + m]!, monthBounds[first + m + 1]!);
    if (nights > 0) tally.months[slot * perSubject + m]! += nights;
  }
}

/**
 * Places each spell's nights (outcomes.md): the days `d` with admission ≤ d < discharge, or to the
 * coverage's end where the spell is open, each in the window (and month) its day falls in by rule 3. A spell's
 * row is accounted where its nights are: in a window if any is, else on the index day, else (a
 * same-day spell, which has none) where its admission is, else outside.
 */
export function placeNights(tally: ActivityTally, subjects: Subjects, dataEnd: number, indexDayRule: IndexDayRule): void {
  const { spells, rowPlaces, places } = tally;
  if (!spells || !rowPlaces) return;
  places.fill(0);
  rowPlaces.fill(0);
  tally.months.fill(0);
  for (let s = 0; s < spells.slots.length; s++) {
    const slot = spells.slots[s]!;
    const from = spells.admitted[s]!;
    // An open spell's nights run to the coverage's end (none, for one admitted after it).
    const to = Math.max(from, spells.discharge.get(spells.keys[s]!) ?? dataEnd + 1);
    const index = subjects.indexDate[slot]!;
    const nights = new Int32Array(PLACES);
    nights[PLACE.prior] = overlap(from, to, subjects.priorStart[slot]!, subjects.preStart[slot]!);
    nights[PLACE.pre] = overlap(from, to, subjects.preStart[slot]!, index);
    nights[PLACE.post] = overlap(from, to, index + 1, subjects.postEnd[slot]! + 1);
    const onIndexDay = overlap(from, to, index, index + 1);
    const indexPlace = indexDayRule === "exclude" ? PLACE.indexDay : indexDayRule === "pre" ? PLACE.pre : PLACE.post;
    nights[indexPlace] = nights[indexPlace]! + onIndexDay;
    nights[PLACE.outside] = to - from - nights[PLACE.prior]! - nights[PLACE.pre]! - nights[PLACE.post]! - nights[PLACE.indexDay]!;
    for (let place = 0; place < PLACES; place++) places[slot * PLACES + place]! += nights[place]!;
    addNightsToMonths(tally, subjects, slot, from, to);
    const rowPlace: WindowPlace =
      nights[PLACE.pre]! > 0
        ? PLACE.pre
        : nights[PLACE.post]! > 0
          ? PLACE.post
          : nights[PLACE.indexDay]! > 0
            ? PLACE.indexDay
            : to === from
              ? placeInWindows(from, subjects.priorStart[slot]!, subjects.preStart[slot]!, index, subjects.postEnd[slot]!, indexDayRule)
              : PLACE.outside;
    rowPlaces[slot * PLACES + rowPlace]!++;
  }
}

export function countAt(tally: ActivityTally, slot: number, place: WindowPlace): number {
  return tally.places[slot * PLACES + place]!;
}

/** Countable rows of a subject at a place (for the row account). */
export function rowsAt(tally: ActivityTally, slot: number, place: WindowPlace): number {
  return (tally.rowPlaces ?? tally.places)[slot * PLACES + place]!;
}

/** Every countable row of a subject, wherever it fell. */
export function countableRows(tally: ActivityTally, slot: number): number {
  let rows = 0;
  for (let place = 0; place < PLACES; place++) rows += rowsAt(tally, slot, place as WindowPlace);
  return rows;
}

export { PLACE };
