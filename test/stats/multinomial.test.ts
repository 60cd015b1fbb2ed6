import { describe, expect, it } from "vitest";
import { drawMultinomial, drawPatients, profileOfEachPatient } from "../../src/stats/multinomial.js";
import { streamFor } from "../../src/stats/random-stream.js";

describe("drawMultinomial: how many of n draws with replacement land on each profile", () => {
  it("always draws n in all, none on a profile without patients, all on a profile with every patient", () => {
    const random = streamFor(3, 0, 0);
    const patients = Float64Array.from([5, 1, 0, 3, 991]);
    const into = new Float64Array(5);
    for (let draw = 0; draw < 2000; draw++) {
      drawMultinomial(1000, patients, 1000, into, random);
      expect(into.reduce((total, value) => total + value, 0)).toBe(1000);
      expect(into[2]).toBe(0);
      expect(into.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    }
    drawMultinomial(12, Float64Array.from([0, 4, 0]), 4, into.subarray(0, 3), random);
    expect(Array.from(into.subarray(0, 3))).toEqual([0, 12, 0]);
  });

  it("uses no random numbers once no draws are left, or for n = 0", () => {
    const used = streamFor(4, 0, 0);
    const fresh = streamFor(4, 0, 0);
    const into = new Float64Array(3);
    drawMultinomial(0, Float64Array.from([1, 2, 3]), 6, into, used);
    expect(Array.from(into)).toEqual([0, 0, 0]);
    // One profile with every patient: its share is 1, drawn without a binomial.
    drawMultinomial(9, Float64Array.from([7]), 7, into.subarray(0, 1), used);
    expect(into[0]).toBe(9);
    expect(used.nextUint32()).toBe(fresh.nextUint32());
  });

  it("gives each profile the mean n·pᵢ, variance n·pᵢ(1 − pᵢ) and covariance −n·pᵢ·pⱼ of the multinomial", () => {
    // Shares 5/1000, 1/1000, 3/1000, 991/1000 of n = 1 000 000 draws: rare profiles by inversion,
    // the common one by BTRS (means 5000 … 991 000).
    const patients = Float64Array.from([5, 1, 3, 991]);
    const n = 1_000_000;
    const draws = 20_000;
    const random = streamFor(5, 1, 0);
    const into = new Float64Array(4);
    const sums = new Float64Array(4);
    const squares = new Float64Array(4);
    let crossFirstLast = 0;
    for (let draw = 0; draw < draws; draw++) {
      drawMultinomial(n, patients, 1000, into, random);
      for (let i = 0; i < 4; i++) {
        sums[i]! += into[i]!;
        squares[i]! += into[i]! ** 2;
      }
      crossFirstLast += into[0]! * into[3]!;
    }
    for (let i = 0; i < 4; i++) {
      const p = patients[i]! / 1000;
      const mean = sums[i]! / draws;
      const variance = squares[i]! / draws - mean ** 2;
      const sigma2 = n * p * (1 - p);
      // Six standard errors, as in binomial.test.ts: √(σ²/N) for the mean; √((μ₄ − σ⁴)/N) for the
      // variance, μ₄ = σ²(1 + 3p(1 − p)(n − 2)) (each count alone is Binomial(n, pᵢ)).
      const fourth = sigma2 * (1 + 3 * p * (1 - p) * (n - 2));
      expect(Math.abs(mean - n * p)).toBeLessThan(6 * Math.sqrt(sigma2 / draws));
      expect(Math.abs(variance - sigma2)).toBeLessThan(6 * Math.sqrt((fourth - sigma2 ** 2) / draws));
    }
    // Cov(X₀, X₃) = −n·p₀·p₃ = −4955. For counts this large the pair is close to bivariate normal, and
    // the sample covariance's variance is (σ₀²σ₃² + Cov²)/N (T. W. Anderson, *An Introduction to
    // Multivariate Statistical Analysis*, 3rd ed., 2003, §3.3).
    const covariance = crossFirstLast / draws - (sums[0]! / draws) * (sums[3]! / draws);
    const expected = -n * 0.005 * 0.991;
    const variances = n * 0.005 * 0.995 * (n * 0.991 * 0.009);
    expect(Math.abs(covariance - expected)).toBeLessThan(6 * Math.sqrt((variances + expected ** 2) / draws));
  });

  it("refuses a table it cannot draw from", () => {
    const random = streamFor(1, 0, 0);
    expect(() => drawMultinomial(3, Float64Array.from([1, 2]), 3, new Float64Array(1), random)).toThrow(/drawMultinomial: into/);
    expect(() => drawMultinomial(3, new Float64Array(0), 0, new Float64Array(0), random)).toThrow(/drawMultinomial: 3 draws/);
  });
});

describe("a resample drawn patient by patient, for a table of nearly as many profiles as patients", () => {
  it("lists each patient's profile in table order", () => {
    expect(Array.from(profileOfEachPatient(Float64Array.from([2, 0, 1, 3]), 6))).toEqual([0, 0, 2, 3, 3, 3]);
  });

  it("draws as many patients as the table has, each onto a profile in proportion to its patients", () => {
    const patients = Float64Array.from([1, 3, 6]);
    const profileOf = profileOfEachPatient(patients, 10);
    const into = new Float64Array(3);
    const totals = new Float64Array(3);
    const random = streamFor(5, 0, 0);
    const rounds = 20_000;
    for (let round = 0; round < rounds; round++) {
      drawPatients(profileOf, into, random);
      expect(into.reduce((a, b) => a + b, 0)).toBe(10);
      into.forEach((times, profile) => (totals[profile]! += times));
    }
    // Each profile's mean draws is n·p (1, 3, 6); its sd over the rounds sqrt(n·p·(1−p)/rounds): within 6 of them.
    [0.1, 0.3, 0.6].forEach((p, profile) => {
      const mean = totals[profile]! / rounds;
      expect(Math.abs(mean - 10 * p)).toBeLessThan(6 * Math.sqrt((10 * p * (1 - p)) / rounds));
    });
  });
});
