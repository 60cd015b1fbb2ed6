import { beforeAll, describe, expect, test } from "vitest";
import { generateWestKent, type WestKentExtract } from "../../src/synth/west-kent.js";
import { ACTIVITY_SPAN, PERIOD } from "../../src/synth/west-kent-calendar.js";
import { PCN_COHORT } from "../../src/synth/west-kent-cohorts.js";

let extract: WestKentExtract;
beforeAll(() => {
  extract = generateWestKent(3);
});

describe("the West Kent generator", () => {
  test("names every person once: referred patients, comparison patients and residents are disjoint", () => {
    const referred = new Set(extract.referrals.map((r) => r.patientId));
    const comparison = extract.comparison.map((r) => r.patientId);
    expect(new Set(comparison).size).toBe(comparison.length);
    expect(comparison.some((id) => referred.has(id))).toBe(false);
    const active = new Set([...extract.attendances, ...extract.admissions].map((r) => r.patientId));
    const compared = new Set(comparison);
    const residents = [...active].filter((id) => !referred.has(id) && !compared.has(id));
    expect(residents.length).toBeGreaterThan(20_000);
  });

  test("dates activity within the span it draws, and lists it in date order", () => {
    for (const rows of [extract.attendances.map((r) => r.arrivalDate), extract.admissions.map((r) => r.admissionDate)]) {
      expect(rows.every((day, i) => day >= ACTIVITY_SPAN.start && day <= ACTIVITY_SPAN.end && (i === 0 || day >= (rows[i - 1] as number)))).toBe(true);
    }
  });

  test("gives ages under 18 only in the PCN cohort, and comparison index dates only inside the period", () => {
    const young = extract.referrals.filter((r) => r.age !== "" && Number(r.age) < 18);
    expect(young.length).toBeGreaterThan(0);
    expect(young.every((r) => r.cohort === PCN_COHORT)).toBe(true);
    expect(extract.comparison.every((r) => r.indexDate >= PERIOD.from && r.indexDate <= PERIOD.to)).toBe(true);
  });
});
