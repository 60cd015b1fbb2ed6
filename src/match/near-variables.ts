import type { IndexDayRule } from "../core/windows.js";
import type { Population } from "../extracts/population-table.js";
import { type ActivityDays, countBetween } from "./activity-days.js";
import type { MatchWindows } from "./match-windows.js";

/**
 * The variables a case and a candidate are matched on as nearly as possible (matching.md, "What is
 * matched"), each taken at the case's index date. The first `fixed` of them follow from a person's
 * birth year and `ltc_count` alone; the others are counts, 0 for someone with no event near the date.
 */
export interface NearVariables {
  /** One per variable, in the order `fill` writes them. */
  names: readonly string[];
  fixed: number;
  /** Writes the person's values at the windows' index date into `out[0 … names.length)`. */
  fill(person: number, windows: MatchWindows, out: Float64Array): void;
  /** As `fill`, with every count 0: the values of anyone of the person's birth year and `ltc_count` without events. */
  fillWithoutCounts(person: number, windows: MatchWindows, out: Float64Array): void;
  /** False only where the person has no counted event at all, so no count at any index date. */
  isActive(person: number): boolean;
  /** True where none of the person's events can be in these windows' counts (a quick look; false if unsure). */
  hasNoCountsAt(person: number, windows: MatchWindows): boolean;
}

/**
 * Age (`year(t) − birth_year`), `ltc_count` where the extract has it, and for each outcome the
 * count in the pre window and in the prior window, counted as the evaluation counts them: the pre
 * window takes the index day only with `--index-day pre` (the prior window never does).
 */
export function nearVariablesOf(population: Population, activity: ActivityDays, indexDay: IndexDayRule): NearVariables {
  const withLtc = population.has.ltcCount;
  const names = nearVariableNames(population, activity);
  const fixed = withLtc ? 2 : 1;
  const outcomes = activity.outcomes.length;
  const { firstDay, lastDay } = eventSpans(population.size, activity);
  const preEndsAfterIndex = indexDay === "pre" ? 1 : 0;
  const fillFixed = (person: number, windows: MatchWindows, out: Float64Array) => {
    out[0] = windows.year - population.birthYear[person]!;
    if (withLtc) out[1] = population.ltcCount[person]!;
  };
  // The windows counted: prior_start ≤ d < index (+1 with --index-day pre).
  const hasNoCountsAt = (person: number, windows: MatchWindows) =>
    lastDay[person]! < windows.priorStart || firstDay[person]! >= windows.indexDate + preEndsAfterIndex;
  return {
    names,
    fixed,
    isActive: (person) => firstDay[person]! <= lastDay[person]!,
    hasNoCountsAt,
    fillWithoutCounts(person, windows, out) {
      fillFixed(person, windows, out);
      out.fill(0, fixed);
    },
    fill(person, windows, out) {
      fillFixed(person, windows, out);
      if (hasNoCountsAt(person, windows)) {
        out.fill(0, fixed);
        return;
      }
      for (let o = 0; o < outcomes; o++) {
        out[fixed + 2 * o] = countBetween(activity, o, person, windows.preStart, windows.indexDate + preEndsAfterIndex);
        out[fixed + 2 * o + 1] = countBetween(activity, o, person, windows.priorStart, windows.preStart);
      }
    },
  };
}

/** Each person's first and last event day over every outcome; first > last where they have none. */
function eventSpans(size: number, activity: ActivityDays): { firstDay: Int32Array; lastDay: Int32Array } {
  const firstDay = new Int32Array(size).fill(2 ** 31 - 1);
  const lastDay = new Int32Array(size).fill(-(2 ** 31));
  for (let o = 0; o < activity.outcomes.length; o++) {
    const start = activity.start[o]!;
    const days = activity.days[o]!;
    for (let person = 0; person < size; person++) {
      const from = start[person]!;
      const to = start[person + 1]!;
      if (from === to) continue;
      if (days[from]! < firstDay[person]!) firstDay[person] = days[from]!;
      if (days[to - 1]! > lastDay[person]!) lastDay[person] = days[to - 1]!;
    }
  }
  return { firstDay, lastDay };
}

/** The names `nearVariablesOf` gives, in its order: `age`, `ltc_count`, then `<outcome>_pre`, `<outcome>_prior` per outcome. */
export function nearVariableNames(population: Population, activity: ActivityDays): string[] {
  return ["age", ...(population.has.ltcCount ? ["ltc_count"] : []), ...activity.outcomes.flatMap((outcome) => [`${outcome}_pre`, `${outcome}_prior`])];
}
