import type { Day } from "./day.js";

/**
 * The span of event dates found in the activity extracts, for the data coverage that rule 2.5 needs
 * where `--data-start` / `--data-end` are not given: the earliest and latest real date of any valid
 * row (anyone's, countable or not; HES missing-date placeholders never count).
 */
export interface ObservedCoverage {
  earliest: Day | null;
  earliestIn: string;
  latest: Day | null;
  latestIn: string;
}

export function emptyCoverage(): ObservedCoverage {
  return { earliest: null, earliestIn: "", latest: null, latestIn: "" };
}

/** Merges the span seen in one extract (named `file`) into the running one. */
export function widenCoverage(coverage: ObservedCoverage, earliest: Day, latest: Day, file: string): void {
  if (coverage.earliest === null || earliest < coverage.earliest) {
    coverage.earliest = earliest;
    coverage.earliestIn = file;
  }
  if (coverage.latest === null || latest > coverage.latest) {
    coverage.latest = latest;
    coverage.latestIn = file;
  }
}
