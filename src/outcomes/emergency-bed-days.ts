import { isoFromDay } from "../core/day.js";
import type { Outcome } from "./outcome.js";
import { ADMISSIONS_EXTRACT, describeSpellReason, EMERGENCY_SPELL_COLUMNS, emergencySpellRule } from "./unplanned-admissions.js";

/**
 * Emergency bed days (outcomes.md): the nights of each emergency spell, each night in the window its
 * day falls in, whatever window the admission fell in. The spells are unplanned admissions' rows; a
 * spell's discharge is the latest on any of its rows (episode extracts carry it on the last episode).
 */
export const emergencyBedDays: Outcome = {
  id: "emergency_bed_days",
  label: "Emergency bed days",
  extract: ADMISSIONS_EXTRACT,
  columns: [
    ...EMERGENCY_SPELL_COLUMNS,
    { name: "discharge_date", required: true, kind: "date", wellKnown: ["Discharge_Date", "DISDATE"] },
    { name: "spell_id", required: false, kind: "text" },
  ],
  reasons: ["later_episode", "not_emergency"],
  describe: describeSpellReason,
  costName: "bed_day",
  adds: "nights",
  // It needs a discharge date, which not every admissions extract has: reported when listed.
  byDefault: false,
  streamIndex: 2,
  rule: emergencySpellRule,
  assumption: (settings) =>
    `the nights of each emergency spell (${settings.emergencyAdmissionMethods.join(", ")}), from admission to the latest discharge on its rows, each in the window it falls in; a spell with no discharge runs to the data end`,
  checkRow(days) {
    const admitted = days[ADMISSIONS_EXTRACT.dateColumn];
    const discharged = days.discharge_date;
    if (admitted === undefined || discharged === undefined || discharged >= admitted) return undefined;
    return { column: "discharge_date", message: `is before the admission date (${isoFromDay(admitted)})` };
  },
  checkRowSql: (day) => ({ column: "discharge_date", when: `${day("discharge_date")} < ${day(ADMISSIONS_EXTRACT.dateColumn)}` }),
};
