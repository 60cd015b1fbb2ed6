/**
 * The statuses the synthetic appointment extracts carry, and how often people of each age book an
 * appointment. Which statuses count is the spec's (outcomes.md) or the config's `countWhere`; the
 * shares and rates are rough, for realism only.
 */

/**
 * Outpatient ATTENDED OR DID NOT ATTEND (NHS Data Dictionary; HES `ATTENDED`, SUS+
 * `Attendance_Status`): 5 seen on time, 6 arrived late but seen (the two that count); 7 arrived late
 * and not seen, 2 cancelled by the patient, 4 cancelled by the hospital, 3 did not attend (about 7%
 * of appointments); 0 "appointment in the future" left on a record never updated; 8 and 9, which
 * HES writes where the status is not applicable or not known; and a few left empty.
 */
export const OUTPATIENT_STATUSES = [
  ["5", 0.775],
  ["6", 0.04],
  ["7", 0.005],
  ["2", 0.045],
  ["4", 0.055],
  ["3", 0.075],
  ["0", 0.001],
  ["8", 0.002],
  ["9", 0.001],
  ["", 0.001],
] as const;

/** The statuses of a primary-care extract that mean the patient was seen (the config's `countWhere`). */
export const GP_SEEN_STATUSES = ["Finished", "Arrived"] as const;

/**
 * A GP clinical system's appointment status, as an ICB's primary-care extract carries it: a few rows
 * in another case, which `countWhere` must compare without regard to case (outcomes.md).
 */
export const GP_STATUSES = [
  ["Finished", 0.83],
  ["finished", 0.004],
  ["FINISHED", 0.001],
  ["Arrived", 0.04],
  ["arrived", 0.001],
  ["Did Not Attend", 0.05],
  ["did not attend", 0.001],
  ["Cancelled by Patient", 0.072],
  ["cancelled by patient", 0.001],
] as const;

/** Rates by age: the first band whose `under` is above the age. */
export type RatesByAge = readonly (readonly [under: number, perSixMonths: number])[];

/** Outpatient appointments booked per six months (all statuses): older people have many more. */
export const OUTPATIENTS_PER_SIX_MONTHS: RatesByAge = [
  [18, 0.5],
  [55, 0.9],
  [75, 1.6],
  [Infinity, 2.4],
];

/** General practice appointments booked per six months (any clinician, all statuses). */
export const GP_APPOINTMENTS_PER_SIX_MONTHS: RatesByAge = [
  [18, 1],
  [55, 1.5],
  [75, 2.3],
  [Infinity, 3.4],
];

export function rateAt(rates: RatesByAge, age: number): number {
  for (const [under, rate] of rates) if (age < under) return rate;
  return 0;
}
