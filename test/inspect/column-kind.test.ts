import { describe, expect, it } from "vitest";
import { columnReport, kindHint, kindOf } from "../../src/inspect/column-kind.js";
import { DISTINCT_CAP, newColumnTally, tallyField } from "../../src/inspect/column-tally.js";

function tallied(name: string, values: readonly string[]) {
  const tally = newColumnTally(name);
  values.forEach((value, i) => tallyField(tally, value, i + 2));
  return tally;
}

describe("what a column holds, in memory that does not grow with its rows", () => {
  it("stops tracking values beyond the cap: a column of many distinct values is identifier-like", () => {
    const tally = tallied("ref", Array.from({ length: DISTINCT_CAP + 10 }, (_, i) => `r${i}`));
    expect(tally.values).toBeUndefined();
    const report = columnReport(tally, 1, undefined);
    expect(report).toMatchObject({ kind: "identifier", filled: 60, distinct: null });
    expect(report.values).toBeUndefined();
  });

  it("calls many distinct whole numbers a number, with their range", () => {
    const report = columnReport(tallied("length_of_stay", Array.from({ length: 60 }, (_, i) => String(i + 1))), 1, undefined);
    expect(report).toMatchObject({ kind: "number", distinct: null, wholeNumbers: { min: 1, max: 60 } });
  });

  it("lists all of few codes, but of more only those in 5 rows or more", () => {
    // 15 distinct values in 34 rows: "A" in 6, fourteen others in 2 each.
    const values = [...Array(6).fill("A"), ...Array.from({ length: 14 }, (_, i) => [`c${i}`, `c${i}`]).flat()];
    const report = columnReport(tallied("practice_type", values), 1, undefined);
    expect(report.kind).toBe("code");
    expect(report.values).toEqual([{ value: "A", rows: 6 }]);
    expect(report.valuesNotListed).toBe(14);
  });

  it("never lists the values of a column named like an identifier, however few", () => {
    for (const name of ["NHS_Pseudo", "Der_Pseudo_NHS_Number", "TOKEN_PERSON_ID", "client_id"]) expect(kindHint(name, undefined)).toBe("identifier");
    expect(kindHint("Pid", "patient_id")).toBe("identifier");
    expect(kindOf(tallied("NHS_Pseudo", ["x", "x", "y", "y"]), kindHint("NHS_Pseudo", undefined))).toBe("identifier");
    expect(kindOf(tallied("team", ["x", "x", "y", "y"]), kindHint("team", undefined))).toBe("code");
  });

  it("takes a column of unique text values as an identifier, not a code", () => {
    expect(kindOf(tallied("name", ["Ann", "Bob", "Cat"]), undefined)).toBe("identifier");
  });

  it("says a column of only missing values is empty", () => {
    const report = columnReport(tallied("age", ["", "NULL", "na", "n/a"]), 4, undefined);
    expect(report).toMatchObject({ kind: "empty", filled: 0, missing: { empty: 1, NULL: 1, NA: 1, "N/A": 1 } });
  });
});
