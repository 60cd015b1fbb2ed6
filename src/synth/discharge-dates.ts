/**
 * The West Kent admissions' discharge dates. They are drawn once the rows are in their final (date)
 * order, from a stream of their own, so that adding them changes no other value of any row, nor the
 * order of the rows: the extract's counts, which the published report fixes, cannot move.
 */
import type { Day } from "../core/day.js";
import { nightsInHospital } from "./length-of-stay.js";
import type { Random } from "./random.js";
import type { AdmissionRow, SpellRow } from "./rows.js";

/**
 * Every row (in admission date order) with its discharge date, in the same order. A spell that would end after `extractEnd`
 * has none yet (it is open). A person is in one bed at a time: a spell ends no later than the day of
 * the same person's next admission (a transfer in from another provider starts that day, and a
 * readmission on the day of discharge is common), so no two of a person's spells overlap.
 */
export function withDischargeDates(random: Random, rows: readonly AdmissionRow[], ageOf: (patientId: string) => number, extractEnd: Day): SpellRow[] {
  const spells: SpellRow[] = rows.map((row) => {
    const discharge = row.admissionDate + nightsInHospital(random, row.method, ageOf(row.patientId));
    return { ...row, dischargeDate: discharge > extractEnd ? null : discharge };
  });
  const previous = new Map<string, SpellRow>();
  for (const spell of spells) {
    const before = previous.get(spell.patientId);
    if (before && (before.dischargeDate === null || before.dischargeDate > spell.admissionDate)) before.dischargeDate = spell.admissionDate;
    previous.set(spell.patientId, spell);
  }
  return spells;
}
