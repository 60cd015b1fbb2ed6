/**
 * A referred patient's rows in the provider's extract: the first intervention and any later contacts,
 * written as a link worker's case system exports them. The details that rule 1 turns on all occur:
 * later contacts that change cohort, consent or age; onward referrals made only at a later contact;
 * a second row on the first day (the first in file order is the index row); and rows entered late,
 * so that a patient's first row in the file is not always their first intervention.
 */
import type { Day } from "../core/day.js";
import { pickWeighted } from "./distributions.js";
import type { Random } from "./random.js";
import type { Fate, ReferredPatient } from "./referred-patients.js";
import type { ReferralRow } from "./rows.js";
import { WEST_KENT_COHORTS } from "./west-kent-cohorts.js";
import { PERIOD, REFERRAL_SPAN } from "./west-kent-calendar.js";

/** A row and when it was entered: the extract lists rows in the order they were entered. */
export interface EnteredRow {
  row: ReferralRow;
  enteredOn: Day;
}

const LATER_CONTACTS = [
  [0, 0.5],
  [1, 0.24],
  [2, 0.13],
  [3, 0.07],
  [4, 0.04],
  [5, 0.02],
] as const;
const ONWARD_REFERRALS = [
  [0, 0.45],
  [1, 0.33],
  [2, 0.13],
  [3, 0.06],
  [4, 0.03],
] as const;
const CONSENTED = [
  ["Yes", 0.85],
  ["Y", 0.1],
  ["yes", 0.05],
] as const;
/** All mean no: only y, yes, true, 1 (any case) mean yes. */
const NOT_CONSENTED = [
  ["No", 0.6],
  ["", 0.25],
  ["Declined", 0.1],
  ["N", 0.05],
] as const;

const SAME_DAY_SECOND_ROW = 0.02;
const COHORT_CHANGE_AT_LATER_CONTACT = 0.04;
const ENTERED_LATE = 0.12;

/** Fates whose patients must pass the onward-referral rule (it comes before theirs, or they are included). */
const NEEDS_ONWARD_REFERRAL: ReadonlySet<Fate> = new Set(["included", "under_18", "age_unknown"]);

function laterContactDays(random: Random, patient: ReferredPatient): Day[] {
  const count = pickWeighted(random, LATER_CONTACTS);
  const days: Day[] = [];
  if (patient.fate === "before_period_returning") days.push(random.int(PERIOD.from, PERIOD.from + 180));
  for (let k = 0; k < count; k++) days.push(patient.indexDate + random.int(1, 240));
  // The extract ends with 2022; contacts after it are not in it.
  return days.filter((day) => day <= REFERRAL_SPAN.end);
}

function onwardText(random: Random, count: number): string {
  return count === 0 && random.chance(0.25) ? "" : String(count);
}

/** A re-referral under another cohort, one that fits the patient's age (else the same cohort). */
function laterCohort(random: Random, patient: ReferredPatient): string {
  const current = patient.cohort.cohort;
  if (!random.chance(COHORT_CHANGE_AT_LATER_CONTACT) || patient.age === null) return current;
  const age = patient.age;
  const fitting = WEST_KENT_COHORTS.filter((c) => c.cohort !== current && age >= c.age.min && age <= c.age.max);
  return fitting[random.int(0, fitting.length - 1)]?.cohort ?? current;
}

/** Age at a later contact: a birthday may have passed; an unknown age is sometimes recorded later. */
function laterAge(random: Random, patient: ReferredPatient, day: Day): string {
  if (patient.age === null) return random.chance(0.5) ? String(random.int(25, 80)) : "";
  return String(patient.age + (day - patient.indexDate > random.int(0, 365) ? 1 : 0));
}

function firstRow(random: Random, patient: ReferredPatient, patientId: string): ReferralRow {
  return {
    patientId,
    cohort: patient.cohort.cohort,
    interventionDate: patient.indexDate,
    consent: pickWeighted(random, patient.fate === "no_consent" ? NOT_CONSENTED : CONSENTED),
    onwardReferrals: "",
    age: patient.age === null ? "" : String(patient.age),
  };
}

function laterRow(random: Random, patient: ReferredPatient, patientId: string, day: Day): ReferralRow {
  const laterConsent = patient.fate === "no_consent" ? random.chance(0.3) : random.chance(0.7);
  return {
    patientId,
    cohort: laterCohort(random, patient),
    interventionDate: day,
    consent: laterConsent ? "Yes" : "",
    onwardReferrals: "",
    age: laterAge(random, patient, day),
  };
}

/** Onward referrals per row; their sum decides the rule, so it is made 0 or at least 1 as the fate needs. */
function setOnwardReferrals(random: Random, fate: Fate, rows: ReferralRow[]): void {
  const counts = rows.map(() => (fate === "no_onward_referral" ? 0 : pickWeighted(random, ONWARD_REFERRALS)));
  if (NEEDS_ONWARD_REFERRAL.has(fate) && !counts.some((count) => count > 0)) counts[random.int(0, counts.length - 1)] = 1;
  rows.forEach((row, i) => (row.onwardReferrals = onwardText(random, counts[i] ?? 0)));
}

function enteredOn(random: Random, day: Day): Day {
  return random.chance(ENTERED_LATE) ? day + random.int(1, 90) : day;
}

/** The patient's rows, the index row first among those of its day. */
export function referralContacts(random: Random, patient: ReferredPatient, patientId: string): EnteredRow[] {
  const index = firstRow(random, patient, patientId);
  const later = laterContactDays(random, patient).map((day) => laterRow(random, patient, patientId, day));
  const sameDay = random.chance(SAME_DAY_SECOND_ROW)
    ? [{ ...laterRow(random, patient, patientId, patient.indexDate), cohort: index.cohort, age: index.age }]
    : [];
  const rows = [index, ...sameDay, ...later];
  setOnwardReferrals(random, patient.fate, rows);
  const indexEntered = enteredOn(random, index.interventionDate);
  return rows.map((row, i) => ({
    row,
    // A second row of the first day is entered no earlier than the index row, so it follows it.
    enteredOn: i === 0 ? indexEntered : i <= sameDay.length ? indexEntered + random.int(0, 3) : enteredOn(random, row.interventionDate),
  }));
}
