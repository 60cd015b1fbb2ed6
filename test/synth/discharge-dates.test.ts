import { describe, expect, test } from "vitest";
import { withDischargeDates } from "../../src/synth/discharge-dates.js";
import { createRandom } from "../../src/synth/random.js";
import type { AdmissionRow } from "../../src/synth/rows.js";

const row = (patientId: string, admissionDate: number, method = "21"): AdmissionRow => ({ patientId, admissionDate, method });
const ageOf = (): number => 80;

describe("withDischargeDates", () => {
  test("keeps every row's other fields and their order, and never discharges before admission", () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(`p${i % 97}`, 1000 + Math.floor(i / 3), i % 5 === 0 ? "12" : "21"));
    const spells = withDischargeDates(createRandom(1), rows, ageOf, 5000);
    expect(spells.map(({ patientId, admissionDate, method }) => ({ patientId, admissionDate, method }))).toEqual(rows);
    expect(spells.every((s) => s.dischargeDate !== null && s.dischargeDate >= s.admissionDate)).toBe(true);
  });

  test("a spell that would end after the extract's end is open (no discharge date)", () => {
    // Admitted on the extract's last day: only a same-day spell can have ended by then.
    const spells = withDischargeDates(createRandom(2), Array.from({ length: 200 }, (_, i) => row(`p${i}`, 100)), ageOf, 100);
    expect(spells.some((s) => s.dischargeDate === null)).toBe(true);
    expect(spells.every((s) => s.dischargeDate === null || s.dischargeDate === 100)).toBe(true);
  });

  test("a person is in one bed at a time: a spell ends by the day of their next admission", () => {
    const rows = [row("a", 10), row("b", 10), row("a", 11, "81"), row("a", 11), row("a", 40)];
    for (let seed = 0; seed < 50; seed++) {
      const [a1, , a2, a3] = withDischargeDates(createRandom(seed), rows, ageOf, 1000);
      expect(a1?.dischargeDate).toBeLessThanOrEqual(11);
      // Two admissions the same day: the first ends the day it began.
      expect(a2?.dischargeDate).toBe(11);
      expect(a3?.dischargeDate).toBeLessThanOrEqual(40);
    }
  });
});
