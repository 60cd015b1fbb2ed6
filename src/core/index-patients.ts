import type { ReferralRow } from "../extracts/referrals.js";
import type { Day } from "./day.js";

/** A referred patient as rule 1 defines them: their index date, and the index row's facts. */
export interface ReferredPatient {
  patientId: string;
  /** Position in per-patient arrays (tallies), in order of first appearance. */
  slot: number;
  indexDate: Day;
  cohort: string;
  consent: boolean;
  age: number | undefined;
  /** The index row's values of the breakdowns' columns (`--by`), "" where missing. */
  groups: string[];
  /** Summed over all the patient's rows, not taken from the index row. */
  onwardReferrals: number;
}

/**
 * Rule 1, applied row by row as the referrals stream past: the index date is the earliest
 * intervention date; ties go to the first row in file order (a later row must be strictly earlier
 * to take over), and only onward referrals are summed across rows; the breakdowns' values are the
 * index row's too.
 */
export function addReferral(patients: Map<string, ReferredPatient>, row: ReferralRow): void {
  const known = patients.get(row.patientId);
  if (!known) {
    patients.set(row.patientId, {
      patientId: row.patientId,
      slot: patients.size,
      indexDate: row.interventionDate,
      cohort: row.cohort,
      consent: row.consent,
      age: row.age,
      groups: row.groups,
      onwardReferrals: row.onwardReferrals,
    });
    return;
  }
  known.onwardReferrals += row.onwardReferrals;
  if (row.interventionDate < known.indexDate) {
    known.indexDate = row.interventionDate;
    known.cohort = row.cohort;
    known.consent = row.consent;
    known.age = row.age;
    known.groups = row.groups;
  }
}
