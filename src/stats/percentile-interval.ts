/**
 * The 95% percentile bootstrap interval (B. Efron and R. J. Tibshirani, *An Introduction to the
 * Bootstrap*, 1993, §13.3): the 2.5th and 97.5th percentiles of the replicates, by
 * simple-statistics' `quantileSorted`, which interpolates linearly between order statistics
 * (Hyndman and Fan's type 7, R's `quantile` default).
 *
 * statistics.md: a replicate whose `pre` is 0 (NaN here) is discarded, and if more than 1% are the
 * interval is null, since the others would describe a different population; no replicates at all
 * (`--bootstrap 0`) is null too.
 */
import { quantileSorted } from "simple-statistics";

export interface PercentileInterval {
  low: number | null;
  high: number | null;
}

const NO_INTERVAL: PercentileInterval = { low: null, high: null };

export function percentileInterval(replicates: ArrayLike<number>): PercentileInterval {
  const kept: number[] = [];
  for (let i = 0; i < replicates.length; i++) {
    const value = replicates[i]!;
    if (!Number.isNaN(value)) kept.push(value);
  }
  const discarded = replicates.length - kept.length;
  // "More than 1%", in whole numbers so that exactly 1% is still an interval.
  if (kept.length === 0 || discarded * 100 > replicates.length) return { ...NO_INTERVAL };
  kept.sort((a, b) => a - b);
  return { low: quantileSorted(kept, 0.025), high: quantileSorted(kept, 0.975) };
}
