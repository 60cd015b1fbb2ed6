import { describe, expect, it } from "vitest";
import { covariance, mahalanobisDistance, whitener } from "../../src/match/mahalanobis.js";

/** The cases' values of the R calls below: X <- rbind(c(70,1,0), c(72,1,2), c(70,3,1), c(75,2,5), c(71,0,1)). */
const X = Float64Array.from([70, 1, 0, 72, 1, 2, 70, 3, 1, 75, 2, 5, 71, 0, 1]);

describe("matching.md distance: Mahalanobis over the near-match variables, covariance from the cases", () => {
  it("takes the covariance as R's cov (denominator n − 1)", () => {
    // cov(X)
    const expected = [4.3, 0.2, 3.9, 0.2, 1.3, 0.6, 3.9, 0.6, 3.7];
    covariance(X, 5, 3).forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 14));
  });

  it("gives R's mahalanobis, square-rooted", () => {
    const distance = whitener(covariance(X, 5, 3), 3);
    // sqrt(mahalanobis(c(74, 2, 3), c(70, 1, 0), cov(X))) = 5.8022983951763916
    expect(mahalanobisDistance(distance, Float64Array.from([74, 2, 3]), Float64Array.from([70, 1, 0]))).toBeCloseTo(5.8022983951763916, 12);
    // sqrt(mahalanobis(c(71, 1, 1), c(72, 1, 2), cov(X))) = 0.81649658092772681
    expect(mahalanobisDistance(distance, Float64Array.from([71, 1, 1]), Float64Array.from([72, 1, 2]))).toBeCloseTo(0.81649658092772681, 12);
  });

  it("is the same either side of a case: a tie between x + d and x − d is exact, for the row rule to break", () => {
    const distance = whitener(covariance(X, 5, 3), 3);
    const at = Float64Array.from([72, 1, 2]);
    const above = mahalanobisDistance(distance, Float64Array.from([73, 2, 2]), at);
    const below = mahalanobisDistance(distance, Float64Array.from([71, 0, 2]), at);
    expect(above).toBe(below);
  });

  it("leaves out a variable with no variance among the cases", () => {
    const values = Float64Array.from([70, 0, 1, 72, 0, 2, 71, 0, 4]);
    const distance = whitener(covariance(values, 3, 3), 3);
    expect(distance.kept).toEqual([0, 2]);
    expect(distance.leftOut).toEqual([{ variable: 1, reason: "no_variance" }]);
    // Over the other two alone: sqrt(mahalanobis(c(70, 4), c(72, 2), cov(cbind(c(70,72,71), c(1,2,4))))) = 2.8844410203711917
    expect(mahalanobisDistance(distance, Float64Array.from([70, 9, 4]), Float64Array.from([72, 0, 2]))).toBeCloseTo(2.8844410203711917, 12);
  });

  it("leaves out a variable the ones before it determine (prior = pre for every case), whose covariance would be singular", () => {
    const values = Float64Array.from([70, 1, 1, 72, 3, 3, 71, 0, 0, 75, 2, 2]);
    const distance = whitener(covariance(values, 4, 3), 3);
    expect(distance.kept).toEqual([0, 1]);
    expect(distance.leftOut).toEqual([{ variable: 2, reason: "determined_by_others" }]);
  });

  it("has no variables at all from a single case: every candidate is at distance 0", () => {
    const distance = whitener(covariance(Float64Array.from([70, 1]), 1, 2), 2);
    expect(distance.kept).toEqual([]);
    expect(mahalanobisDistance(distance, Float64Array.from([20, 5]), Float64Array.from([70, 1]))).toBe(0);
  });
});
