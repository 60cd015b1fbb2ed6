/**
 * One person's A&E attendances and admissions around an index date: exactly the counted events their
 * window counts say, each on a day strictly inside its window, and around them the activity the rules
 * must not count (outside the windows, on the index day, planned follow-ups, non-emergency admissions).
 */
import type { Day } from "../core/day.js";
import {
  ANTE_PARTUM,
  ELECTIVE_METHODS,
  EMERGENCY_METHODS,
  PLANNED_FOLLOW_UP,
  POST_PARTUM,
  TRANSFER_IN,
  UNPLANNED_CATEGORIES,
} from "./activity-codes.js";
import { pickWeighted, poisson } from "./distributions.js";
import type { Random } from "./random.js";
import type { ActivitySink } from "./rows.js";
import { ACTIVITY_SPAN, type Windows, windowsAround } from "./west-kent-calendar.js";
import type { WindowCounts } from "./window-counts.js";

const DAYS_PER_SIX_MONTHS = 182.6;
const DAYS_PER_YEAR = 365.25;

/** Shares and rates of the activity no rule counts (rough, for realism only). */
export const UNCOUNTED = {
  /** An unplanned A&E attendance on the day of the first intervention. */
  attendanceOnIndexDay: 0.025,
  /** An emergency admission on the day of the first intervention. */
  admissionOnIndexDay: 0.01,
  /** A planned return to A&E after an unplanned attendance (ECDS category 4). */
  plannedFollowUp: 0.07,
  /** A non-emergency transfer in from another provider after an emergency admission (method 81). */
  transferAfterAdmission: 0.04,
  /** Elective admissions a year, under and over 55. */
  electivePerYear: { under55: 0.08, over55: 0.2 },
  /** A pregnancy over the span, for people of 18 to 44. */
  pregnancy: 0.04,
} as const;

/**
 * Share of events put on a window's first or last day (counted), or on the day just outside it (not):
 * the edges rule 3 draws, month-end clamping included, are in the example, not left to chance.
 */
const WINDOW_EDGE = 0.04;

export interface PersonActivity {
  patientId: string;
  indexDate: Day;
  age: number;
  frailty: number;
  /** Counted events in the pre and post windows. */
  counts: WindowCounts;
  /** Expected unplanned attendances and emergency admissions per six months away from the windows. */
  baseline: { ae: number; admissions: number };
}

/** pre: preStart ≤ d < index. Leaning towards the index date: people are referred after a bad patch. */
function dayInPre(random: Random, windows: Windows): Day {
  if (random.chance(WINDOW_EDGE)) return windows.preStart;
  const length = windows.indexDate - windows.preStart;
  return windows.indexDate - 1 - Math.floor(length * Math.pow(random.float(), 1.3));
}

/** post: index < d ≤ postEnd. */
function dayInPost(random: Random, windows: Windows): Day {
  if (random.chance(WINDOW_EDGE)) return windows.postEnd;
  return random.int(windows.indexDate + 1, windows.postEnd);
}

/** A day of the activity span outside both windows (before preStart or after postEnd). */
function dayOutsideWindows(random: Random, windows: Windows): Day {
  const { before, after } = daysOutsideWindows(windows);
  if (random.chance(WINDOW_EDGE)) {
    if (before > 0 && (after === 0 || random.chance(0.5))) return windows.preStart - 1;
    if (after > 0) return windows.postEnd + 1;
  }
  const offset = random.int(0, before + after - 1);
  return offset < before ? ACTIVITY_SPAN.start + offset : windows.postEnd + 1 + offset - before;
}

/** Days of the activity span before the pre window and after the post window. */
function daysOutsideWindows(windows: Windows): { before: number; after: number } {
  return {
    before: Math.max(0, windows.preStart - ACTIVITY_SPAN.start),
    after: Math.max(0, ACTIVITY_SPAN.end - windows.postEnd),
  };
}

function inSpan(day: Day): boolean {
  return day >= ACTIVITY_SPAN.start && day <= ACTIVITY_SPAN.end;
}

function dayInSpan(random: Random): Day {
  return random.int(ACTIVITY_SPAN.start, ACTIVITY_SPAN.end);
}

/** An unplanned attendance, sometimes followed by a planned return visit that is never counted. */
export function attend(random: Random, sink: ActivitySink, patientId: string, day: Day): void {
  sink.attendances.push({ patientId, arrivalDate: day, category: pickWeighted(random, UNPLANNED_CATEGORIES) });
  if (random.chance(UNCOUNTED.plannedFollowUp)) {
    const returnDay = day + random.int(3, 21);
    if (returnDay <= ACTIVITY_SPAN.end) sink.attendances.push({ patientId, arrivalDate: returnDay, category: PLANNED_FOLLOW_UP });
  }
}

/** An emergency admission, sometimes followed by a transfer in from another provider (never counted). */
export function admitAsEmergency(random: Random, sink: ActivitySink, patientId: string, day: Day): void {
  sink.admissions.push({ patientId, admissionDate: day, method: pickWeighted(random, EMERGENCY_METHODS) });
  if (random.chance(UNCOUNTED.transferAfterAdmission)) {
    const transferDay = day + random.int(1, 10);
    if (transferDay <= ACTIVITY_SPAN.end) sink.admissions.push({ patientId, admissionDate: transferDay, method: TRANSFER_IN });
  }
}

/** Elective admissions and pregnancies anywhere in the span, windows included: none may count. */
export function plannedCare(random: Random, sink: ActivitySink, patientId: string, age: number, frailty: number): void {
  const perYear = age >= 55 ? UNCOUNTED.electivePerYear.over55 : UNCOUNTED.electivePerYear.under55;
  const years = (ACTIVITY_SPAN.end - ACTIVITY_SPAN.start + 1) / DAYS_PER_YEAR;
  const electives = poisson(random, perYear * years * (0.5 + 0.5 * frailty));
  for (let k = 0; k < electives; k++) {
    sink.admissions.push({ patientId, admissionDate: dayInSpan(random), method: pickWeighted(random, ELECTIVE_METHODS) });
  }
  if (age >= 18 && age <= 44 && random.chance(UNCOUNTED.pregnancy)) pregnancy(random, sink, patientId);
}

function pregnancy(random: Random, sink: ActivitySink, patientId: string): void {
  const delivery = random.int(ACTIVITY_SPAN.start + 90, ACTIVITY_SPAN.end - 30);
  if (random.chance(0.3)) sink.admissions.push({ patientId, admissionDate: delivery - random.int(20, 90), method: ANTE_PARTUM });
  sink.admissions.push({ patientId, admissionDate: delivery, method: ANTE_PARTUM });
  if (random.chance(0.1)) sink.admissions.push({ patientId, admissionDate: delivery + random.int(2, 30), method: POST_PARTUM });
}

/** Everything of one person with an index date (a referred or comparison patient). */
export function personActivity(random: Random, person: PersonActivity, sink: ActivitySink): void {
  const { patientId, counts } = person;
  const windows = windowsAround(person.indexDate);
  // Included patients' windows lie inside the span by construction (their counts must all land); only
  // excluded patients referred before 2021 have windows reaching back beyond what the extract holds.
  const within = (day: Day, place: (day: Day) => void): void => (inSpan(day) ? place(day) : undefined);
  const attendOn = (day: Day): void => attend(random, sink, patientId, day);
  const admitOn = (day: Day): void => admitAsEmergency(random, sink, patientId, day);
  for (let k = 0; k < counts.aePre; k++) within(dayInPre(random, windows), attendOn);
  for (let k = 0; k < counts.aePost; k++) within(dayInPost(random, windows), attendOn);
  for (let k = 0; k < counts.admissionsPre; k++) within(dayInPre(random, windows), admitOn);
  for (let k = 0; k < counts.admissionsPost; k++) within(dayInPost(random, windows), admitOn);

  const { before, after } = daysOutsideWindows(windows);
  const outsideShare = (before + after) / DAYS_PER_SIX_MONTHS;
  const aeOutside = poisson(random, person.baseline.ae * person.frailty * outsideShare);
  for (let k = 0; k < aeOutside; k++) attendOn(dayOutsideWindows(random, windows));
  const admissionsOutside = poisson(random, person.baseline.admissions * person.frailty * outsideShare);
  for (let k = 0; k < admissionsOutside; k++) admitOn(dayOutsideWindows(random, windows));

  if (random.chance(UNCOUNTED.attendanceOnIndexDay)) within(person.indexDate, attendOn);
  if (random.chance(UNCOUNTED.admissionOnIndexDay)) within(person.indexDate, admitOn);
  plannedCare(random, sink, patientId, person.age, person.frailty);
}
