import { describe, expect, it } from "vitest";
import { wilcoxonSignedRank } from "../../src/stats/wilcoxon-signed-rank.js";

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

  it("ranks 100 000 patients whose differences take seven values (massive ties), in O(n log n)", () => {
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

describe("wilcoxonSignedRank refuses what are not paired counts", () => {
  it("names itself when pre and post differ in length or hold a non-count", () => {
    expect(() => wilcoxonSignedRank({ pre: [1, 2], post: [1] })).toThrow(/wilcoxonSignedRank: pre and post/);
    expect(() => wilcoxonSignedRank({ pre: [1, -2], post: [1, 0] })).toThrow(/wilcoxonSignedRank: counts/);
    expect(() => wilcoxonSignedRank({ pre: [1.5], post: [1] })).toThrow(/wilcoxonSignedRank: counts/);
  });
});
