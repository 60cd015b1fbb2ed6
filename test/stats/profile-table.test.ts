import { describe, expect, it } from "vitest";
import { tabulatePairs } from "../../src/stats/patient-counts.js";
import { mergeProfiles, tabulateProfiles, type ProfileTable } from "../../src/stats/profile-table.js";

/** A table as [profile, patients] rows, for reading. */
function rows(table: ProfileTable): [number[], number][] {
  return Array.from(table.patients, (patients, p) => [Array.from(table.profiles.subarray(p * table.width, (p + 1) * table.width)), patients]);
}

describe("tabulateProfiles: each distinct profile once, with how many patients had it", () => {
  it("counts the patients of each (pre, post) pair, in ascending order of the pair", () => {
    // Patients (pre, post): (2,0) (1,1) (0,1) (2,0) (1,0) (0,1) (0,0): by hand, seven patients in five pairs.
    const table = tabulatePairs({ pre: [2, 1, 0, 2, 1, 0, 0], post: [0, 1, 1, 0, 0, 1, 0] });
    expect(rows(table)).toEqual([
      [[0, 0], 1],
      [[0, 1], 2],
      [[1, 0], 1],
      [[1, 1], 1],
      [[2, 0], 2],
    ]);
    expect(table.total).toBe(7);
    expect(table.width).toBe(2);
  });

  it("is the same table for the same patients in another order", () => {
    const pre = [3, 0, 1, 3, 0, 2];
    const post = [1, 0, 0, 1, 4, 2];
    const reversed = tabulatePairs({ pre: [...pre].reverse(), post: [...post].reverse() });
    expect(reversed).toEqual(tabulatePairs({ pre, post }));
  });

  it("takes profiles of any width, and flags as 0 and 1", () => {
    const table = tabulateProfiles([[true, false, true, true], [2, 5, 2, 0], [1, 1, 1, 1]]);
    expect(rows(table)).toEqual([
      [[0, 5, 1], 1],
      [[1, 0, 1], 1],
      [[1, 2, 1], 2],
    ]);
  });

  it("keeps thousands of distinct profiles apart (7,700 pairs, ten patients each)", () => {
    // i = 0 … 76 999: (i mod 100, i mod 77) takes each of the 100 × 77 pairs exactly ten times
    // (100 and 77 are coprime, so by the Chinese remainder theorem i mod 7700 fixes the pair).
    const table = tabulatePairs({
      pre: Int32Array.from({ length: 77_000 }, (_, i) => i % 100),
      post: Int32Array.from({ length: 77_000 }, (_, i) => i % 77),
    });
    expect(table.patients).toHaveLength(7700);
    expect(table.patients.every((patients) => patients === 10)).toBe(true);
    // Ascending order: the k-th pair is (⌊k / 77⌋, k mod 77).
    expect(Array.from(table.profiles.subarray(2 * 4321, 2 * 4321 + 2))).toEqual([Math.floor(4321 / 77), 4321 % 77]);
    expect(Array.from(table.profiles.subarray(2 * 7699))).toEqual([99, 76]);
    expect(table.total).toBe(77_000);
  });

  it("gives an empty table for no patients", () => {
    expect(tabulatePairs({ pre: [], post: [] })).toEqual({ width: 2, profiles: new Int32Array(0), patients: new Float64Array(0), total: 0 });
  });

  it("refuses what are not whole-number counts, naming itself, the patient and the column", () => {
    expect(() => tabulateProfiles([[1, -1]])).toThrow(/tabulateProfiles: counts .* \(patient 1, column 0: -1\)/);
    expect(() => tabulateProfiles([[0], [1.5]])).toThrow(/patient 0, column 1: 1.5/);
    expect(() => tabulateProfiles([[Number.NaN]])).toThrow(/tabulateProfiles: counts/);
    expect(() => tabulateProfiles([[2 ** 31]])).toThrow(/tabulateProfiles: counts/);
    expect(tabulateProfiles([[2 ** 31 - 1]]).profiles[0]).toBe(2 ** 31 - 1);
    expect(() => tabulateProfiles([[1, 2], [1]])).toThrow(/tabulateProfiles: every column/);
    expect(() => tabulateProfiles([])).toThrow(/tabulateProfiles: a profile/);
    expect(() => tabulatePairs({ pre: [1], post: [] })).toThrow(/tabulatePairs: pre and post/);
  });
});

describe("mergeProfiles: the Total's table from its cohorts'", () => {
  it("adds the patients of the profiles the tables share", () => {
    // Cohort one (pre, post): (0,1) (2,0) (0,1); cohort two: (2,0) (1,1). Pooled by hand: (0,1) 2, (1,1) 1, (2,0) 2.
    const one = tabulatePairs({ pre: [0, 2, 0], post: [1, 0, 1] });
    const two = tabulatePairs({ pre: [2, 1], post: [0, 1] });
    const pooled = mergeProfiles(2, [one, two]);
    expect(rows(pooled)).toEqual([
      [[0, 1], 2],
      [[1, 1], 1],
      [[2, 0], 2],
    ]);
    expect(pooled.total).toBe(5);
  });

  it("gives an empty table of the width asked for no tables, and refuses tables of another width", () => {
    expect(mergeProfiles(3, [])).toMatchObject({ width: 3, total: 0 });
    expect(() => mergeProfiles(3, [tabulatePairs({ pre: [1], post: [1] })])).toThrow(/mergeProfiles: every table/);
  });
});
