import type { Day } from "../core/day.js";
import type { IndexDayRule, WindowLength } from "../core/windows.js";
import type { Population } from "../extracts/population-table.js";
import type { UnmatchedReason } from "../result.js";
import type { ActivityDays } from "./activity-days.js";
import { type Balance, balanceOf, type PersonAt } from "./balance.js";
import { indexCandidates } from "./candidate-index.js";
import { referredMask } from "./candidates.js";
import { caseOrder } from "./case-order.js";
import { exactVariables } from "./exact-variables.js";
import { covariance, type LeftOutReason, type Whitener, whitener } from "./mahalanobis.js";
import { matchWindows } from "./match-windows.js";
import { type NearVariables, nearVariablesOf } from "./near-variables.js";
import { type Search, takeNearest } from "./nearest.js";
import { poolMoments } from "./pool-moments.js";
import { partitionOf } from "./strata.js";

/** A referred patient included by evaluation.md rule 2, under the run's settings. */
export interface ReferredCase {
  patientId: string;
  cohort: string;
  indexDate: Day;
}

export interface MatchSettings {
  window: WindowLength;
  indexDay: IndexDayRule;
  /** Controls per case, 1 to 10 (`--ratio`, default 1). */
  ratio: number;
  /** The largest distance a control may be at (`--caliper`, default 1.0); null for none. */
  caliper: number | null;
  seed: number;
  /** Match the practice (or PCN) exactly too (`--match-exact practice`). */
  exactPractice: boolean;
}

export const DEFAULT_RATIO = 1;
export const MAX_RATIO = 10;
export const DEFAULT_CALIPER = 1;

export type { UnmatchedReason };

export interface Control {
  person: number;
  patientId: string;
  /** Mahalanobis distance to the case. */
  distance: number;
}

/** A case and its controls, nearest first; every control inherits the case's index date and cohort. */
export interface MatchedSet {
  case: ReferredCase;
  person: number;
  controls: Control[];
}

export interface MatchVariables {
  near: string[];
  /** The near-match variables the distance is over; the others are in `leftOut`. */
  distance: string[];
  leftOut: { variable: string; reason: LeftOutReason }[];
}

export interface MatchResult {
  /** In the order of the cases given; only cases with at least one control. */
  sets: MatchedSet[];
  unmatched: { case: ReferredCase; reason: UnmatchedReason }[];
  variables: MatchVariables;
  /** How many cases have 0, 1, … `ratio` controls (cases not in the population not among them). */
  controlsPerCase: number[];
  balance: Balance;
}

export interface MatchInput {
  cases: readonly ReferredCase[];
  /** Every patient of the referrals extract (included or not): none of them can be a control. */
  referredIds: Iterable<string>;
  population: Population;
  /** People of the population named by a skipped row (`readPopulation`'s `withInvalidRow`). */
  withInvalidRow?: ReadonlySet<string>;
  activity: ActivityDays;
  settings: MatchSettings;
}

function checkSettings(settings: MatchSettings): void {
  const { ratio, caliper, seed } = settings;
  if (!Number.isInteger(ratio) || ratio < 1 || ratio > MAX_RATIO) throw new Error(`matchCases: ratio must be a whole number from 1 to ${MAX_RATIO} (got ${ratio})`);
  if (caliper !== null && !(caliper > 0)) throw new Error(`matchCases: caliper must be above 0, or null for none (got ${caliper})`);
  if (!Number.isSafeInteger(seed)) throw new Error(`matchCases: seed must be a safe integer (got ${seed})`);
}

/** The cases found in the population, with their windows; the others with the reason they are not. */
export interface MatchProblem {
  search: Search;
  /** Each with its values at its own index date. */
  cases: { case: ReferredCase; at: PersonAt; x: Float64Array }[];
  notFound: MatchResult["unmatched"];
  variables: MatchVariables;
  referred: Uint8Array;
}

/**
 * Everything but the order: the cases placed in the population, the distance (covariance from the
 * cases' values at their own dates), the candidates filed by partition. `near` may be given (a test's
 * own variables); by default it is `nearVariablesOf` the population and activity.
 */
export function prepareMatch(input: MatchInput, near: NearVariables = nearVariablesOf(input.population, input.activity, input.settings.indexDay)): MatchProblem {
  checkSettings(input.settings);
  const { population, settings } = input;
  const notFound: MatchResult["unmatched"] = [];
  const found: { case: ReferredCase; at: PersonAt }[] = [];
  for (const referredCase of input.cases) {
    const person = population.indexOf.get(referredCase.patientId);
    if (person === undefined) {
      notFound.push({ case: referredCase, reason: input.withInvalidRow?.has(referredCase.patientId) ? "invalid_population_row" : "case_not_in_population" });
    } else {
      found.push({ case: referredCase, at: { person, windows: matchWindows(referredCase.indexDate, settings.window) } });
    }
  }
  const p = near.names.length;
  const values = new Float64Array(found.length * p);
  found.forEach(({ at }, i) => near.fill(at.person, at.windows, values.subarray(i * p, (i + 1) * p)));
  const distance: Whitener = whitener(covariance(values, found.length, p), p);
  const cases = found.map((entry, i) => ({ ...entry, x: values.subarray(i * p, (i + 1) * p) }));
  const referred = referredMask(population, input.referredIds);
  const partitions = new Set(found.map(({ at }) => partitionOf(population, at.person, settings.exactPractice)));
  const search: Search = {
    population,
    near,
    whitener: distance,
    index: indexCandidates(population, referred, near, partitions, settings.exactPractice),
    exactPractice: settings.exactPractice,
    used: new Uint8Array(population.size),
    ratio: settings.ratio,
    caliper: settings.caliper ?? Number.POSITIVE_INFINITY,
  };
  const variables: MatchVariables = {
    near: [...near.names],
    distance: distance.kept.map((v) => near.names[v]!),
    leftOut: distance.leftOut.map(({ variable, reason }) => ({ variable: near.names[variable]!, reason })),
  };
  return { search, cases, notFound, variables, referred };
}

/** Each case in `order` (positions in `problem.cases`) takes its nearest: the greedy match itself. */
export function matchInOrder(problem: MatchProblem, order: Int32Array): Pick<MatchResult, "sets" | "unmatched" | "controlsPerCase"> {
  const n = problem.cases.length;
  if (order.length !== n || new Set(order).size !== n || order.some((i) => i < 0 || i >= n)) {
    throw new Error(`matchInOrder: the order must hold each of the ${n} cases once`);
  }
  const taken = new Array<ReturnType<typeof takeNearest> | undefined>(problem.cases.length);
  for (const i of order) {
    const { at, x } = problem.cases[i]!;
    taken[i] = takeNearest(problem.search, at.person, at.windows, x);
  }
  const sets: MatchedSet[] = [];
  const unmatched: MatchResult["unmatched"] = [...problem.notFound];
  const controlsPerCase = new Array<number>(problem.search.ratio + 1).fill(0);
  const { patientIds } = problem.search.population;
  problem.cases.forEach((entry, i) => {
    const found = taken[i]!;
    controlsPerCase[found.controls.length]!++;
    if (found.controls.length === 0) {
      unmatched.push({ case: entry.case, reason: found.anyCandidate ? "none_within_caliper" : "no_candidate" });
      return;
    }
    sets.push({
      case: entry.case,
      person: entry.at.person,
      controls: found.controls.map((person, c) => ({ person, patientId: patientIds[person]!, distance: found.distances[c]! })),
    });
  });
  return { sets, unmatched, controlsPerCase };
}

/**
 * matching.md's matched comparison group: each case, in a random order from the seed, takes its
 * `ratio` nearest candidates within the caliper from its exact stratum, without replacement; the
 * balance of every matched-on variable before and after. Same inputs and seed, same controls.
 */
export function matchCases(input: MatchInput): MatchResult {
  const problem = prepareMatch(input);
  const matched = matchInOrder(problem, caseOrder(problem.cases.length, input.settings.seed));
  const { population, activity, settings } = input;
  const exact = exactVariables(population, settings.exactPractice);
  const cases = problem.cases.map(({ at }) => at);
  const pool = poolMoments({ population, referred: problem.referred, activity, indexDay: settings.indexDay, caseWindows: cases.map((at) => at.windows), exact });
  const windowsOf = new Map(problem.cases.map(({ case: referredCase, at }) => [referredCase, at.windows]));
  const matchedCases = matched.sets.map((set) => ({ person: set.person, windows: windowsOf.get(set.case)! }));
  const controls = matched.sets.flatMap((set) => set.controls.map(({ person }) => ({ person, windows: windowsOf.get(set.case)! })));
  const balance = balanceOf({ near: problem.search.near, exact, cases, matchedCases, controls, pool });
  return { ...matched, variables: problem.variables, balance };
}

/** The comparison extract of matching.md's outputs: a row per control, its case's cohort and index date. */
export function comparisonRows(result: Pick<MatchResult, "sets">): { patientId: string; cohort: string; indexDate: Day; matchedTo: string }[] {
  return result.sets.flatMap((set) =>
    set.controls.map((control) => ({ patientId: control.patientId, cohort: set.case.cohort, indexDate: set.case.indexDate, matchedTo: set.case.patientId })),
  );
}
