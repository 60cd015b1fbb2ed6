import type { IndexDayRule } from "../core/windows.js";
import type { Population } from "../extracts/population-table.js";
import type { ActivityDays } from "./activity-days.js";
import { lowerBound } from "./candidate-index.js";
import { CategoryTally, type ExactVariable } from "./exact-variables.js";
import type { MatchWindows } from "./match-windows.js";
import { Moments } from "./moments.js";

/**
 * The pool of matching.md's balance: every candidate at every case's index date, as pairs of a case
 * and a candidate (a date two cases share counts twice). Weighed pair by pair that is cases × people
 * (ten thousand by two million); it is summed instead person by person: the dates a person is a
 * candidate at form one run of the cases' sorted dates (the windows move forward with the date), so
 * a fixed value counts once with the run's weight (how many cases' dates it holds), and a window
 * count is a sum over the person's events, each in the windows of one run of dates.
 */
export interface PoolMoments {
  /** Per near-match variable, in `nearVariableNames` order. */
  near: Moments[];
  /** Per exact variable, in `exactVariables` order. */
  exact: CategoryTally[];
}

/** The cases' dates, each once, ascending, with their windows and prefix sums of their case counts. */
interface PoolDates {
  windows: MatchWindows[];
  /** Per date, the last date of the same calendar year. */
  yearEnd: Int32Array;
  priorStart: Int32Array;
  preStart: Int32Array;
  indexDate: Int32Array;
  postEnd: Int32Array;
  /** Prefix sums over the dates: cases, cases × year, cases × year². */
  cases: Float64Array;
  casesYear: Float64Array;
  casesYearSquared: Float64Array;
}

function poolDates(caseWindows: readonly MatchWindows[]): PoolDates {
  const byDate = new Map<number, { windows: MatchWindows; cases: number }>();
  for (const windows of caseWindows) {
    const entry = byDate.get(windows.indexDate);
    if (entry) entry.cases++;
    else byDate.set(windows.indexDate, { windows, cases: 1 });
  }
  const dates = [...byDate.values()].sort((a, b) => a.windows.indexDate - b.windows.indexDate);
  const prefix = (term: (entry: (typeof dates)[number]) => number) => {
    const sums = new Float64Array(dates.length + 1);
    dates.forEach((entry, j) => (sums[j + 1] = sums[j]! + term(entry)));
    return sums;
  };
  const yearEnd = new Int32Array(dates.length);
  for (let j = dates.length - 1; j >= 0; j--) {
    yearEnd[j] = j + 1 < dates.length && dates[j + 1]!.windows.year === dates[j]!.windows.year ? yearEnd[j + 1]! : j;
  }
  return {
    windows: dates.map((entry) => entry.windows),
    yearEnd,
    priorStart: Int32Array.from(dates, (entry) => entry.windows.priorStart),
    preStart: Int32Array.from(dates, (entry) => entry.windows.preStart),
    indexDate: Int32Array.from(dates, (entry) => entry.windows.indexDate),
    postEnd: Int32Array.from(dates, (entry) => entry.windows.postEnd),
    cases: prefix((entry) => entry.cases),
    casesYear: prefix((entry) => entry.cases * entry.windows.year),
    casesYearSquared: prefix((entry) => entry.cases * entry.windows.year ** 2),
  };
}

/** The first position whose value is above `value` (values ascending, whole numbers). */
const upperBound = (values: Int32Array, value: number) => lowerBound(values, value + 1);

export interface PoolInput {
  population: Population;
  referred: Uint8Array;
  activity: ActivityDays;
  indexDay: IndexDayRule;
  /** One per case matched (in the population), at its index date. */
  caseWindows: readonly MatchWindows[];
  exact: readonly ExactVariable[];
}

export function poolMoments(input: PoolInput): PoolMoments {
  const { population, referred, activity } = input;
  const dates = poolDates(input.caseWindows);
  const withLtc = population.has.ltcCount;
  const near = Array.from({ length: 1 + (withLtc ? 1 : 0) + 2 * activity.outcomes.length }, () => new Moments());
  const exactVariables = input.exact;
  const exact = exactVariables.map(() => new CategoryTally());
  const cases = (from: number, to: number) => dates.cases[to + 1]! - dates.cases[from]!;
  const counts = new WindowCounts(dates, input.indexDay);
  for (let person = 0; person < population.size; person++) {
    if (referred[person] === 1) continue;
    // Candidate at date j: priorStart_j ≥ registered_from, postEnd_j ≤ registered_to, postEnd_j < died.
    const first = lowerBound(dates.priorStart, population.registeredFrom[person]!);
    const lastDay = Math.min(population.registeredTo[person]!, population.died[person]! - 1);
    const last = upperBound(dates.postEnd, lastDay) - 1;
    if (first > last) continue;
    const weight = cases(first, last);
    const birthYear = population.birthYear[person]!;
    const years = dates.casesYear[last + 1]! - dates.casesYear[first]!;
    const yearsSquared = dates.casesYearSquared[last + 1]! - dates.casesYearSquared[first]!;
    // Σ (year − b) and Σ (year − b)² over the pairs, from the dates' sums of year and year².
    const age = near[0]!;
    age.n += weight;
    age.sum += years - birthYear * weight;
    age.squares += yearsSquared - 2 * birthYear * years + birthYear * birthYear * weight;
    if (withLtc) near[1]!.add(population.ltcCount[person]!, weight);
    for (let v = 0; v < exactVariables.length; v++) {
      const variable = exactVariables[v]!;
      if (variable.byYear) addByYear(exact[v]!, variable, dates, person, first, last, cases);
      else exact[v]!.add(variable.codeOf(person, 0), weight);
    }
    const countsFrom = withLtc ? 2 : 1;
    for (let o = 0; o < activity.outcomes.length; o++) {
      counts.add(near[countsFrom + 2 * o]!, near[countsFrom + 2 * o + 1]!, activity, o, person, first, last, weight);
    }
  }
  return { near, exact };
}

/** A category that changes with the year of the date (the age band): the run of dates is split by year. */
function addByYear(tally: CategoryTally, variable: ExactVariable, dates: PoolDates, person: number, first: number, last: number, cases: (from: number, to: number) => number): void {
  for (let from = first; from <= last; ) {
    const to = Math.min(last, dates.yearEnd[from]!);
    tally.add(variable.codeOf(person, dates.windows[from]!.year), cases(from, to));
    from = to + 1;
  }
}

/**
 * A person's pre and prior counts summed over the pairs. An event on day e is in the pre window of
 * the dates j with preStart_j ≤ e < index_j (+1 with `--index-day pre`), and in the prior window of
 * those with priorStart_j ≤ e < preStart_j: one run of dates each. With k_j the count at date j,
 * Σ k_j is the sum of the runs' weights, and Σ k_j² adds twice the weight of every two events' runs'
 * overlap (each run starts and ends no earlier than the one before it, so overlaps are found in turn).
 */
class WindowCounts {
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  private readonly preEndsAfterIndex: number;

  constructor(
    private readonly dates: PoolDates,
    indexDay: IndexDayRule,
  ) {
    this.preEndsAfterIndex = indexDay === "pre" ? 1 : 0;
  }

  add(pre: Moments, prior: Moments, activity: ActivityDays, outcome: number, person: number, first: number, last: number, weight: number): void {
    pre.n += weight;
    prior.n += weight;
    const start = activity.start[outcome]!;
    const from = start[person]!;
    const to = start[person + 1]!;
    if (from === to) return;
    const days = activity.days[outcome]!;
    const { dates } = this;
    // Pre: index_j + δ > e, i.e. index_j ≥ e − δ + 1; and preStart_j ≤ e.
    this.sum(pre, days, from, to, first, last, (e) => lowerBound(dates.indexDate, e - this.preEndsAfterIndex + 1), (e) => upperBound(dates.preStart, e) - 1);
    // Prior: preStart_j > e; and priorStart_j ≤ e.
    this.sum(prior, days, from, to, first, last, (e) => upperBound(dates.preStart, e), (e) => upperBound(dates.priorStart, e) - 1);
  }

  private sum(moments: Moments, days: Int32Array, from: number, to: number, first: number, last: number, firstDate: (e: number) => number, lastDate: (e: number) => number): void {
    const events = to - from;
    if (this.from.length < events) {
      this.from = new Int32Array(events * 2);
      this.to = new Int32Array(events * 2);
    }
    const cases = this.dates.cases;
    const weightOf = (a: number, b: number) => (a > b ? 0 : cases[b + 1]! - cases[a]!);
    for (let e = 0; e < events; e++) {
      const day = days[from + e]!;
      this.from[e] = Math.max(first, firstDate(day));
      this.to[e] = Math.min(last, lastDate(day));
      moments.sum += weightOf(this.from[e]!, this.to[e]!);
      moments.squares += weightOf(this.from[e]!, this.to[e]!);
    }
    for (let e = 0; e < events; e++) {
      for (let f = e + 1; f < events && this.from[f]! <= this.to[e]!; f++) moments.squares += 2 * weightOf(this.from[f]!, this.to[e]!);
    }
  }
}
