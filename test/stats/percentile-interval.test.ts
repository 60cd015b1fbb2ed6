import { describe, expect, it } from "vitest";
import { percentileInterval } from "../../src/stats/percentile-interval.js";

describe("statistics.md interval: the 2.5th and 97.5th percentiles of the replicates (R's quantile type 7)", () => {
  it("interpolates between order statistics as R does", () => {
    const replicates = [-31.2, -12.5, -20.1, -25.7, -18.3, -22.9, -15.0, -27.4, -19.8, -23.3, -16.6, -21.0, -24.1, -17.7, -26.0, -14.2, -28.8, -19.1, -22.2, -20.6, -13.9];
    // quantile(c(-31.2, -12.5, -20.1, -25.7, -18.3, -22.9, -15.0, -27.4, -19.8, -23.3, -16.6, -21.0, -24.1,
    //   -17.7, -26.0, -14.2, -28.8, -19.1, -22.2, -20.6, -13.9), c(0.025, 0.975), type = 7): -30, -13.2
    const interval = percentileInterval(Float64Array.from(replicates));
    expect(interval.low).toBeCloseTo(-30, 12);
    expect(interval.high).toBeCloseTo(-13.2, 12);
    // quantile(c(5, 1, 3), c(0.025, 0.975), type = 7): 1.1, 4.9
    const small = percentileInterval([5, 1, 3]);
    expect(small.low).toBeCloseTo(1.1, 12);
    expect(small.high).toBeCloseTo(4.9, 12);
    // quantile(7, c(0.025, 0.975), type = 7): 7, 7
    expect(percentileInterval([7])).toEqual({ low: 7, high: 7 });
  });

  it("discards replicates whose pre was 0 (NaN), and is null if more than 1% were", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i);
    const oneDiscarded = [...hundred.slice(0, 99), Number.NaN];
    // 1 of 100 is exactly 1%: still an interval, of the 99 kept (quantile(0:98, c(.025, .975)) = 2.45, 95.55)
    const kept = percentileInterval(oneDiscarded);
    expect(kept.low).toBeCloseTo(2.45, 12);
    expect(kept.high).toBeCloseTo(95.55, 12);
    expect(percentileInterval([...hundred.slice(0, 98), Number.NaN, Number.NaN])).toEqual({ low: null, high: null });
    const thousand = Array.from({ length: 1000 }, (_, i) => (i < 10 ? Number.NaN : i));
    expect(percentileInterval(thousand).low).not.toBeNull();
    thousand[10] = Number.NaN;
    expect(percentileInterval(thousand)).toEqual({ low: null, high: null });
  });

  it("is null without replicates (--bootstrap 0) or with every one discarded", () => {
    expect(percentileInterval(new Float64Array(0))).toEqual({ low: null, high: null });
    expect(percentileInterval([Number.NaN, Number.NaN])).toEqual({ low: null, high: null });
  });
});
