import { describe, expect, it } from "vitest";
import { tabulatePairs, type PatientCounts } from "../../src/stats/patient-counts.js";
import { mergeProfiles } from "../../src/stats/profile-table.js";
import { wilcoxonSignedRank as wilcoxonOfPairs } from "../../src/stats/wilcoxon-signed-rank.js";

/** The test on per-patient counts, as a row hands them over: tabulated, then tested. */
function wilcoxonSignedRank(counts: PatientCounts) {
  return wilcoxonOfPairs(tabulatePairs(counts));
}

/** Whole-number vectors built by the same formulas as the R calls beside the tests (R's %% and %/%). */
function sequence(length: number, formula: (i: number) => number): Int32Array {
  return Int32Array.from({ length }, (_, i) => formula(i));
}

function expectPValue(actual: number | null, expected: number, relative = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected).toBeLessThanOrEqual(relative);
}

describe("statistics.md paired test: p-values as R's wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE)", () => {
  it("drops zero differences and averages tied ranks", () => {
    const pre = [2, 0, 1, 3, 0, 4, 1, 0, 2, 5];
    const post = [1, 0, 0, 1, 2, 1, 1, 0, 2, 2];
    // wilcox.test(c(1,0,0,1,2,1,1,0,2,2), c(2,0,1,3,0,4,1,0,2,5), paired = TRUE, exact = FALSE, correct = TRUE)
    // V = 3.5, p-value = 0.16939738581311808
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.n).toBe(6);
    expect(result.v).toBe(3.5);
    expectPValue(result.pValue, 0.16939738581311808);
  });

  it("detects a rise (positive shift)", () => {
    const pre = [1, 0, 2, 1, 2, 0, 1, 0, 1, 2, 0, 1];
    const post = [3, 2, 4, 1, 5, 2, 3, 0, 4, 2, 1, 3];
    // wilcox.test(c(3,2,4,1,5,2,3,0,4,2,1,3), c(1,0,2,1,2,0,1,0,1,2,0,1), paired = TRUE, exact = FALSE, correct = TRUE)
    // V = 45, p-value = 0.007086405184044073
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.v).toBe(45);
    expect(result.z).toBeGreaterThan(0);
    expectPValue(result.pValue, 0.007086405184044073);
  });

  it("detects a fall (negative shift)", () => {
    const pre = [2, 3, 1, 0, 4, 1, 2, 1, 3, 1, 3, 2, 1, 1, 0];
    const post = [0, 1, 0, 0, 2, 1, 0, 0, 1, 0, 3, 0, 1, 0, 0];
    // wilcox.test(c(0,1,0,0,2,1,0,0,1,0,3,0,1,0,0), c(2,3,1,0,4,1,2,1,3,1,3,2,1,1,0), paired = TRUE, exact = FALSE, correct = TRUE)
    // V = 0, p-value = 0.0045651137887866636
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.n).toBe(10);
    expect(result.v).toBe(0);
    expect(result.z).toBeLessThan(0);
    expectPValue(result.pValue, 0.0045651137887866636);
  });

  it("gives a p-value of 1 where the continuity correction reaches z = 0", () => {
    // wilcox.test(c(0,0,3), c(0,0,0), paired = TRUE, exact = FALSE, correct = TRUE): V = 1, p-value = 1 (n = 1)
    expect(wilcoxonSignedRank({ pre: [0, 0, 0], post: [0, 0, 3] })).toEqual({ n: 1, v: 1, z: 0, pValue: 1 });
    // wilcox.test(c(0,0,0), c(0,0,2), paired = TRUE, exact = FALSE, correct = TRUE): V = 0, p-value = 1
    expect(wilcoxonSignedRank({ pre: [0, 0, 2], post: [0, 0, 0] })).toMatchObject({ n: 1, v: 0, pValue: 1 });
    // wilcox.test(c(2,0), c(1,1), paired = TRUE, exact = FALSE, correct = TRUE): V = 1.5, p-value = 1
    expect(wilcoxonSignedRank({ pre: [1, 1], post: [2, 0] })).toMatchObject({ n: 2, v: 1.5, pValue: 1 });
    // wilcox.test(c(5,0), c(0,1), paired = TRUE, exact = FALSE, correct = TRUE): V = 2, p-value = 1
    expect(wilcoxonSignedRank({ pre: [0, 1], post: [5, 0] })).toMatchObject({ n: 2, v: 2, pValue: 1 });
  });

  it("is null where no patient's count changed (R gives NaN)", () => {
    // wilcox.test(c(1,2,0,3), c(1,2,0,3), paired = TRUE, exact = FALSE, correct = TRUE): p-value = NaN
    expect(wilcoxonSignedRank({ pre: [1, 2, 0, 3], post: [1, 2, 0, 3] })).toEqual({ n: 0, v: 0, z: null, pValue: null });
    expect(wilcoxonSignedRank({ pre: [], post: [] }).pValue).toBeNull();
  });

  it("keeps its digits far in the tail (z ≈ −35)", () => {
    const pre = sequence(2000, (j) => (j % 5) + 1);
    const post = sequence(2000, (j) => (j % 10 === 0 ? pre[j]! + 1 : Math.max(pre[j]! - 1 - (j % 3 === 0 ? 1 : 0), 0)));
    // j <- 0:1999; pre2 <- (j %% 5) + 1
    // post2 <- ifelse(j %% 10 == 0, pre2 + 1, pmax(pre2 - 1 - (j %% 3 == 0), 0))
    // wilcox.test(post2, pre2, paired = TRUE, exact = FALSE, correct = TRUE): V = 146800, p-value = 6.6031770231349965e-267
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.v).toBe(146800);
    // z² · 1e-16 of rounding in z becomes ~1e-13 relative in p this far out.
    expectPValue(result.pValue, 6.6031770231349965e-267, 1e-10);
  });

  it("handles a few hundred patients with heavy ties", () => {
    const pre = sequence(300, (k) => k % 3);
    const post = sequence(300, (k) => (k % 7 === 0 ? pre[k]! + 2 : Math.max(pre[k]! - 1, 0)));
    // k <- 0:299; pre4 <- k %% 3; post5 <- ifelse(k %% 7 == 0, pre4 + 2, pmax(pre4 - 1, 0))
    // wilcox.test(post5, pre4, paired = TRUE, exact = FALSE, correct = TRUE): V = 8342, p-value = 0.00012608354306887083
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.n).toBe(215);
    expect(result.v).toBe(8342);
    expectPValue(result.pValue, 0.00012608354306887083);
  });

  it("ranks 100 000 patients whose differences take seven values (massive ties)", () => {
    const pre = sequence(100_000, (i) => 3 + (i % 4));
    const post = sequence(100_000, (i) => pre[i]! + (i % 97 === 0 ? -1 : ((i * 13) % 7) - 3));
    // i <- 0:99999; d <- ((i * 13) %% 7) - 3; d[i %% 97 == 0] <- -1; pre3 <- 3 + (i %% 4); post3 <- pre3 + d
    // wilcox.test(post3, pre3, paired = TRUE, exact = FALSE, correct = TRUE): V = 1835581536, p-value = 0.29703570200887658
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.n).toBe(85861);
    expect(result.v).toBe(1835581536);
    expectPValue(result.pValue, 0.29703570200887658);
  });

  it("gives 0 where R does, for an overwhelming change in 100 000 patients", () => {
    const pre = sequence(100_000, (i) => (i % 3 === 0 ? 0 : (i * 7) % 5));
    const post = sequence(100_000, (i) => (i % 4 === 1 ? 0 : (i * 3 + Math.floor(i / 7)) % 4));
    // i <- 0:99999; pre <- (i * 7) %% 5; pre[i %% 3 == 0] <- 0
    // post <- (i * 3 + i %/% 7) %% 4; post[i %% 4 == 1] <- 0
    // wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE): V = 1009110526, p-value = 0 (n = 71190)
    const result = wilcoxonSignedRank({ pre, post });
    expect(result.n).toBe(71190);
    expect(result.v).toBe(1009110526);
    expect(result.pValue).toBe(0);
  });
});

describe("statistics.md paired test from the table of (pre, post) pairs: the same p-values as R on every patient", () => {
  // R calls in test/stats/reference/wilcoxon.R (Rscript test/stats/reference/wilcoxon.R prints them all).

  it("gives the worked example of docs/statistics.md", () => {
    // wilcox.test(c(0,1,1,1,0), c(2,1,0,3,1), paired = TRUE, exact = FALSE, correct = TRUE): V = 1.5, p-value = 0.2652053925915076
    const result = wilcoxonSignedRank({ pre: [2, 1, 0, 3, 1], post: [0, 1, 1, 1, 0] });
    expect(result).toMatchObject({ n: 4, v: 1.5 });
    expectPValue(result.pValue, 0.2652053925915076);
  });

  it("ranks 50 000 patients in 173 distinct pairs", () => {
    const pre = sequence(50_000, (i) => (i % 13) * (i % 7 === 0 ? 1 : 0) + (i % 3));
    const post = sequence(50_000, (i) => Math.floor(((i * 31) % 17) / 5) + (i % 11 === 0 ? i % 9 : 0));
    // i <- 0:49999; pre <- (i %% 13) * (i %% 7 == 0) + (i %% 3); post <- ((i * 31) %% 17) %/% 5 + (i %% 11 == 0) * (i %% 9)
    // wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE): V = 362538058.5, p-value = 0.0029823286079457621
    const pairs = tabulatePairs({ pre, post });
    expect(pairs.patients).toHaveLength(173);
    const result = wilcoxonOfPairs(pairs);
    expect(result).toMatchObject({ n: 37754, v: 362538058.5 });
    expectPValue(result.pValue, 0.0029823286079457621);
  });

  it("ranks 300 000 patients in 48 distinct pairs", () => {
    const pre = sequence(300_000, (i) => 5 + Math.floor(((i * 13) % 11) / 2));
    const post = sequence(300_000, (i) => pre[i]! + ((i * 7) % 5) - 2 - (i % 499 === 0 ? 1 + (i % 3) : 0));
    // i <- 0:299999; pre <- 5 + ((i * 13) %% 11) %/% 2
    // post <- pre + ((i * 7) %% 5) - 2 - (i %% 499 == 0) * (1 + i %% 3)
    // wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE): V = 14362789999.5, p-value = 0.20064741831290772
    const result = wilcoxonSignedRank({ pre, post });
    expect(result).toMatchObject({ n: 240040, v: 14362789999.5 });
    expectPValue(result.pValue, 0.20064741831290772);
  });

  it("ranks a few heavy users' large falls above everyone else's small changes", () => {
    const pre = sequence(10_000, (i) => (i % 50 === 0 ? 20 + (i % 17) : i % 2));
    const post = sequence(10_000, (i) => (i % 50 === 0 ? 10 + (i % 23) : Math.floor(i / 2) % 2));
    // i <- 0:9999; pre <- ifelse(i %% 50 == 0, 20 + i %% 17, i %% 2); post <- ifelse(i %% 50 == 0, 10 + i %% 23, (i %/% 2) %% 2)
    // wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = TRUE): V = 6085159.5, p-value = 1.4479671825779746e-05
    const result = wilcoxonSignedRank({ pre, post });
    expect(result).toMatchObject({ n: 5093, v: 6085159.5 });
    expectPValue(result.pValue, 1.4479671825779746e-5);
  });

  it("gives the pooled patients' p-value from the merged tables of two cohorts (the Total)", () => {
    const pre = sequence(50_000, (i) => (i % 13) * (i % 7 === 0 ? 1 : 0) + (i % 3));
    const post = sequence(50_000, (i) => Math.floor(((i * 31) % 17) / 5) + (i % 11 === 0 ? i % 9 : 0));
    const first = tabulatePairs({ pre: pre.subarray(0, 12_345), post: post.subarray(0, 12_345) });
    const rest = tabulatePairs({ pre: pre.subarray(12_345), post: post.subarray(12_345) });
    // The same patients as "50 000 patients in 173 distinct pairs": p-value = 0.0029823286079457621
    expectPValue(wilcoxonOfPairs(mergeProfiles(2, [first, rest])).pValue, 0.0029823286079457621);
  });
});

describe("wilcoxonSignedRank refuses what are not paired counts", () => {
  it("names the function when pre and post differ in length or hold a non-count", () => {
    expect(() => wilcoxonSignedRank({ pre: [1, 2], post: [1] })).toThrow(/tabulatePairs: pre and post/);
    expect(() => wilcoxonSignedRank({ pre: [1, -2], post: [1, 0] })).toThrow(/tabulateProfiles: counts/);
    expect(() => wilcoxonSignedRank({ pre: [1.5], post: [1] })).toThrow(/tabulateProfiles: counts/);
  });

  it("needs a table of pairs", () => {
    expect(() => wilcoxonOfPairs({ width: 1, profiles: new Int32Array(0), patients: new Float64Array(0), total: 0 })).toThrow(/wilcoxonSignedRank: profiles/);
  });
});
