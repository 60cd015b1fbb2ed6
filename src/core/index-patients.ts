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
  /** The index row's `row_order`, where one is mapped. */
  indexRowOrder?: string;
}

const WHOLE = /^\d+$/;

/**
 * `row_order` compares as numbers where both are whole numbers (a row number added on upload), else as
 * text (a contact id), as a warehouse orders a number column and a text one.
 */
export function rowOrderBefore(a: string, b: string): boolean {
  if (WHOLE.test(a) && WHOLE.test(b)) {
    const x = a.replace(/^0+(?=\d)/, "");
    const y = b.replace(/^0+(?=\d)/, "");
    return x.length !== y.length ? x.length < y.length : x < y;
  }
  return a < b;
}

/** The row comes before the patient's index row: an earlier date, or the same date and an earlier `row_order` (file order without one). */
function isEarlier(row: ReferralRow, known: ReferredPatient): boolean {
  if (row.interventionDate !== known.indexDate) return row.interventionDate < known.indexDate;
  return row.rowOrder !== undefined && known.indexRowOrder !== undefined && rowOrderBefore(row.rowOrder, known.indexRowOrder);
}

/**
 * Rule 1, applied row by row as the referrals stream past: the index date is the earliest
 * intervention date; ties go to the first row in file order (a later row must be strictly earlier
 * to take over), or in `row_order` where one is mapped, and only onward referrals are summed across
 * rows; the breakdowns' values are the index row's too.
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
      ...(row.rowOrder !== undefined ? { indexRowOrder: row.rowOrder } : {}),
    });
    return;
  }
  known.onwardReferrals += row.onwardReferrals;
  if (isEarlier(row, known)) {
    known.indexDate = row.interventionDate;
    known.cohort = row.cohort;
    known.consent = row.consent;
    known.age = row.age;
    if (row.rowOrder !== undefined) known.indexRowOrder = row.rowOrder;
    known.groups = row.groups;
  }
}
