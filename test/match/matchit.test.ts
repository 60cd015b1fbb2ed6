import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { matchInOrder, prepareMatch } from "../../src/match/match-cases.js";
import { matchInputOf, pairs, rowsOf } from "./match-helpers.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "r");
const read = (name: string) => readFileSync(join(here, name), "utf8");

/**
 * Rscript test/match/r/matchit-comparison.R (R 4.2.2, MatchIt 4.5.1), which made the data beside it:
 *   D <- [mahalanobis(values_at(controls, t_i), X1[i, ], cov(X1)) for each case i]   # matching.md's distance
 *   matchit(treat ~ age, data, method = "nearest", distance = D, exact = ~ sex + band,
 *           m.order = "data", replace = FALSE, ratio = 1)
 * X1: each case's age, ltc_count, A&E pre and prior counts at its own index date (6m windows);
 * a control's values are taken at its case's date. "near ties: 0": no choice was between distances
 * that differ only by rounding. Printed with digits = 17: case, control, distance.
 */
const MATCHIT = `
 p009    p268 1.15514099838144846
 p043    p053 1.15514099838144846
 p058    p365 0.00000000000000000
 p070    p283 1.15514099838144846
 p074    p290 1.61498092804072035
 p101    p356 0.00000000000000000
 p120    p127 0.00000000000000000
 p124    p176 1.24975640453931525
 p180    p270 1.15828252667006981
 p184    p342 0.17643811870069043
 p193    p073 0.00000000000000000
 p201    p089 0.00000000000000000
 p217    p047 0.35287623740138085
 p232    p323 0.17643811870069043
 p246    p223 0.00000000000000000
 p263    p062 1.14628608255571729
 p279    p024 0.17643811870069043
 p289    p305 0.17643811870069043
 p315    p055 0.35287623740138085
 p319    p131 1.73073049574179283
 p325    p373 0.00000000000000000
 p374    p234 1.22529291110298200
 p378    p021 0.35287623740138085
 p383    p126 2.54608977264455660`
  .trim()
  .split("\n")
  .map((line) => line.trim().split(/\s+/) as [string, string, string]);

describe("matching.md against MatchIt: nearest neighbour, Mahalanobis, exact strata, without replacement", () => {
  it("takes the same control for every case, at the same distance, cases taken in data order", async () => {
    const cases = rowsOf(read("cases.csv"));
    const input = await matchInputOf({
      population: read("population.csv"),
      cases: ["patient_id,cohort,index_date", ...cases.filter((c) => c.index_date !== "").map((c) => `${c.patient_id},${c.cohort},${c.index_date}`)].join("\n"),
      alsoReferred: cases.filter((c) => c.index_date === "").map((c) => c.patient_id!),
      outcomes: { ae_attendances: read("ae.csv") },
    });
    // MatchIt's m.order = "data": the cases in population order.
    input.cases = [...input.cases].sort((a, b) => input.population.indexOf.get(a.patientId)! - input.population.indexOf.get(b.patientId)!);
    const problem = prepareMatch(input);
    const matched = matchInOrder(problem, Int32Array.from(input.cases, (_, i) => i));
    expect(matched.unmatched).toEqual([]);
    expect(pairs(matched.sets)).toEqual(Object.fromEntries(MATCHIT.map(([c, control]) => [c, control])));
    for (const set of matched.sets) {
      const expected = Number(MATCHIT.find(([c]) => c === set.case.patientId)![2]);
      expect(set.controls[0]!.distance).toBeCloseTo(expected, 12);
    }
  });
});
