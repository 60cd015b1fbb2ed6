import { describe, expect, it } from "vitest";
import { bootstrapMatchedSets, type MatchedSetCounts, matchedDifferenceInDifferences } from "../../src/match/matched-did.js";
import { streamFor } from "../../src/stats/random-stream.js";

const sets = (columns: { casePre: number[]; casePost: number[]; controlsPre: number[]; controlsPost: number[]; controls: number[] }): MatchedSetCounts => ({
  casePre: Int32Array.from(columns.casePre),
  casePost: Int32Array.from(columns.casePost),
  controlsPre: Int32Array.from(columns.controlsPre),
  controlsPost: Int32Array.from(columns.controlsPost),
  controls: Int32Array.from(columns.controls),
});

/** case_pre <- c(3,2,0,5); case_post <- c(1,2,1,2); k <- c(2,1,2,1); c_pre <- c(4,1,2,3); c_post <- c(2,2,2,3) */
const FOUR = sets({ casePre: [3, 2, 0, 5], casePost: [1, 2, 1, 2], controls: [2, 1, 2, 1], controlsPre: [4, 1, 2, 3], controlsPost: [2, 2, 2, 3] });

describe("matching.md difference in differences over matched sets", () => {
  it("is the cases' pooled change less the controls' pooled change, each set's controls weighing as its case", () => {
    // ch <- (sum(case_post) - sum(case_pre)) / sum(case_pre) * 100 = -40; cp <- sum(c_pre / k) = 7; cq <- sum(c_post / k) = 7
    expect(matchedDifferenceInDifferences([FOUR])).toEqual({
      sets: 4,
      pre: 10,
      post: 6,
      change_pct: -40,
      comparison: { patients: 6, pre: 7, post: 7, change_pct: 0 },
      did_pct: -40,
    });
  });

  it("weighs a control of a set of two by one half", () => {
    // case_pre <- c(4,1); case_post <- c(2,1); k <- c(2,1); c_pre <- c(6,1); c_post <- c(3,2):
    // cp = 4, cq = 3.5, comparison change -12.5, did -27.5
    const two = sets({ casePre: [4, 1], casePost: [2, 1], controls: [2, 1], controlsPre: [6, 1], controlsPost: [3, 2] });
    expect(matchedDifferenceInDifferences([two])).toMatchObject({ change_pct: -40, comparison: { pre: 4, post: 3.5, change_pct: -12.5 }, did_pct: -27.5 });
  });

  it("is null where either side's pre is 0", () => {
    const none = sets({ casePre: [0], casePost: [1], controls: [1], controlsPre: [2], controlsPost: [1] });
    expect(matchedDifferenceInDifferences([none])).toMatchObject({ change_pct: null, did_pct: null });
  });

  it("pools the sets of several strata (the cohorts of Total)", () => {
    const two = sets({ casePre: [4, 1], casePost: [2, 1], controls: [2, 1], controlsPre: [6, 1], controlsPost: [3, 2] });
    // Pre 10 + 5, post 6 + 3: -40; comparison 7 + 4 → 7 + 3.5: (10.5 - 11) / 11 * 100
    const total = matchedDifferenceInDifferences([FOUR, two]);
    expect(total.change_pct).toBe(-40);
    expect(total.comparison.change_pct).toBeCloseTo((-0.5 / 11) * 100, 12);
  });

  it("refuses a set without controls, or columns of different lengths", () => {
    expect(() => matchedDifferenceInDifferences([sets({ casePre: [1], casePost: [1], controls: [0], controlsPre: [0], controlsPost: [0] })])).toThrow(/at least one control/);
    expect(() => bootstrapMatchedSets([sets({ casePre: [1, 2], casePost: [1], controls: [1], controlsPre: [0], controlsPost: [0] })], 1, streamFor(1, 0, 0))).toThrow(/one value per set/);
  });
});

describe("matching.md: the interval resamples matched sets", () => {
  it("draws in the documented order: replicate by replicate, a whole stratum of sets at a time, each set whole", () => {
    const two = sets({ casePre: [4, 1], casePost: [2, 1], controls: [2, 1], controlsPre: [6, 1], controlsPost: [3, 2] });
    const strata = [FOUR, two];
    const replicates = bootstrapMatchedSets(strata, 3, streamFor(3, 0, 0));
    const random = streamFor(3, 0, 0);
    for (let replicate = 0; replicate < 3; replicate++) {
      let pre = 0;
      let post = 0;
      let comparisonPre = 0;
      let comparisonPost = 0;
      for (const stratum of strata) {
        const drawn = new Int32Array(stratum.casePre.length);
        random.fillUniformInts(drawn, drawn.length);
        for (const s of drawn) {
          pre += stratum.casePre[s]!;
          post += stratum.casePost[s]!;
          comparisonPre += stratum.controlsPre[s]! / stratum.controls[s]!;
          comparisonPost += stratum.controlsPost[s]! / stratum.controls[s]!;
        }
      }
      const change = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
      const comparison = comparisonPre === 0 ? Number.NaN : ((comparisonPost - comparisonPre) / comparisonPre) * 100;
      expect(replicates.change[replicate]).toBe(change);
      expect(replicates.comparisonChange[replicate]).toBe(comparison);
      expect(replicates.did[replicate]).toBe(change - comparison);
    }
  });

  it("keeps a case with its own controls: sets whose case and controls change alike give a difference of 0 in every replicate", () => {
    const alike = sets({ casePre: [2, 5, 1, 3], casePost: [1, 4, 1, 0], controls: [1, 2, 1, 3], controlsPre: [2, 10, 1, 9], controlsPost: [1, 8, 1, 0] });
    const { did } = bootstrapMatchedSets([alike], 200, streamFor(1, 0, 0));
    for (const value of did) expect(value).toBeCloseTo(0, 10);
  });

  it("gives the same replicates for the same stream", () => {
    const first = bootstrapMatchedSets([FOUR], 50, streamFor(9, 1, 2));
    const again = bootstrapMatchedSets([FOUR], 50, streamFor(9, 1, 2));
    expect(Buffer.from(again.did.buffer)).toEqual(Buffer.from(first.did.buffer));
  });
});
