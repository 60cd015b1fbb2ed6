import type { Day } from "./day.js";

/**
 * Rule 2.5's data coverage, per activity extract (evaluation.md): each bound is given (the data
 * flags for all, or `coverage.<extract>` in the config), or else inferred from that extract's own
 * earliest and latest real event date. The run's coverage is where every extract's overlaps, so that
 * no outcome is counted over a window one of its extracts does not cover.
 */

export type CoverageSource = "given" | "inferred";

/** What is known of one extract before its coverage is decided. */
export interface ExtractDates<E extends string> {
  extract: E;
  given: { start: Day | null; end: Day | null };
  /** Earliest and latest real event day of any valid row; null where the extract has none. */
  earliest: Day | null;
  latest: Day | null;
}

/** One extract's coverage, each bound with where it came from. */
export interface ExtractCoverage<E extends string> {
  extract: E;
  start: Day;
  end: Day;
  startSource: CoverageSource;
  endSource: CoverageSource;
}

/** The run's coverage: the latest start and the earliest end, and which extracts set each. */
export interface RunCoverage<E extends string> {
  start: Day;
  end: Day;
  /** The extracts whose start is the run's (more than one where they tie), in the order given. */
  startBoundBy: E[];
  endBoundBy: E[];
  extracts: ExtractCoverage<E>[];
}

/** A bound that is neither given nor inferable: the extract has no dated row. */
export interface MissingBound<E extends string> {
  extract: E;
  bound: "start" | "end";
}

export type CoverageDecision<E extends string> =
  | { kind: "covered"; coverage: RunCoverage<E> }
  | { kind: "missing"; missing: MissingBound<E>[] }
  | { kind: "empty"; extracts: ExtractCoverage<E>[]; start: Day; end: Day };

/** One extract's coverage, or the bounds it cannot have. */
function extractCoverage<E extends string>(dates: ExtractDates<E>): ExtractCoverage<E> | MissingBound<E>[] {
  const start = dates.given.start ?? dates.earliest;
  const end = dates.given.end ?? dates.latest;
  const missing: MissingBound<E>[] = [];
  if (start === null) missing.push({ extract: dates.extract, bound: "start" });
  if (end === null) missing.push({ extract: dates.extract, bound: "end" });
  if (start === null || end === null) return missing;
  return {
    extract: dates.extract,
    start,
    end,
    startSource: dates.given.start !== null ? "given" : "inferred",
    endSource: dates.given.end !== null ? "given" : "inferred",
  };
}

/** Decides every extract's coverage and their overlap; `extracts` is never empty. */
export function decideCoverage<E extends string>(extracts: readonly ExtractDates<E>[]): CoverageDecision<E> {
  const covered: ExtractCoverage<E>[] = [];
  const missing: MissingBound<E>[] = [];
  for (const dates of extracts) {
    const coverage = extractCoverage(dates);
    if (Array.isArray(coverage)) missing.push(...coverage);
    else covered.push(coverage);
  }
  if (missing.length > 0) return { kind: "missing", missing };
  const start = Math.max(...covered.map((c) => c.start));
  const end = Math.min(...covered.map((c) => c.end));
  if (start > end) return { kind: "empty", extracts: covered, start, end };
  return {
    kind: "covered",
    coverage: {
      start,
      end,
      startBoundBy: covered.filter((c) => c.start === start).map((c) => c.extract),
      endBoundBy: covered.filter((c) => c.end === end).map((c) => c.extract),
      extracts: covered,
    },
  };
}
