import { CategoryTally, categoryOrder, type ExactVariable } from "./exact-variables.js";
import type { MatchWindows } from "./match-windows.js";
import { Moments, standardisedMeanDifference, varianceRatio } from "./moments.js";
import type { NearVariables } from "./near-variables.js";
import type { PoolMoments } from "./pool-moments.js";

/**
 * One line of matching.md's balance: a near-match variable's mean, or one category's share (0 to 1)
 * of an exact one, among all the cases matched for, the pool (every candidate at the cases' dates),
 * the cases that found controls, and their controls. Before matching is all cases against the pool;
 * after is the matched cases against their controls, the sets the difference in differences is over.
 * The variance ratio (cases over controls) is for means only, as a share's variance follows from it.
 */
export interface BalanceRow {
  variable: string;
  /** The category of an exact variable; null for a near-match variable. */
  category: string | null;
  cases: number | null;
  pool: number | null;
  matchedCases: number | null;
  controls: number | null;
  smdBefore: number | null;
  smdAfter: number | null;
  varianceRatioBefore: number | null;
  varianceRatioAfter: number | null;
}

export interface Balance {
  /** How many each group holds: the pool in pairs of a case and a candidate (a person once per case they could be a control of). */
  groups: { cases: number; pool: number; matchedCases: number; controls: number };
  rows: BalanceRow[];
  /** One per row whose |SMD| after matching is 0.1 or more (or cannot be computed while the shares differ). */
  warnings: string[];
}

/** A person at an index date: a case at its own, a control at its case's. */
export interface PersonAt {
  person: number;
  windows: MatchWindows;
}

interface GroupTallies {
  near: Moments[];
  exact: CategoryTally[];
}

function tally(people: readonly PersonAt[], near: NearVariables, exact: readonly ExactVariable[]): GroupTallies {
  const tallies: GroupTallies = { near: near.names.map(() => new Moments()), exact: exact.map(() => new CategoryTally()) };
  const x = new Float64Array(near.names.length);
  for (const { person, windows } of people) {
    near.fill(person, windows, x);
    for (let v = 0; v < x.length; v++) tallies.near[v]!.add(x[v]!);
    exact.forEach((variable, v) => tallies.exact[v]!.add(variable.codeOf(person, windows.year)));
  }
  return tallies;
}

/** A category's share as the moments of a 0/1 indicator, so that its SMD is computed as a mean's. */
function shareMoments(tally: CategoryTally, category: number): Moments {
  const moments = new Moments();
  const count = tally.counts.get(category) ?? 0;
  moments.n = tally.n;
  moments.sum = count;
  moments.squares = count;
  return moments;
}

function row(variable: string, category: string | null, groups: [Moments, Moments, Moments, Moments]): BalanceRow {
  const [cases, pool, matchedCases, controls] = groups;
  const isMean = category === null;
  return {
    variable,
    category,
    cases: cases.mean(),
    pool: pool.mean(),
    matchedCases: matchedCases.mean(),
    controls: controls.mean(),
    smdBefore: standardisedMeanDifference(cases, pool),
    smdAfter: standardisedMeanDifference(matchedCases, controls),
    varianceRatioBefore: isMean ? varianceRatio(cases, pool) : null,
    varianceRatioAfter: isMean ? varianceRatio(matchedCases, controls) : null,
  };
}

export interface BalanceInput {
  near: NearVariables;
  exact: readonly ExactVariable[];
  cases: readonly PersonAt[];
  matchedCases: readonly PersonAt[];
  controls: readonly PersonAt[];
  pool: PoolMoments;
}

export function balanceOf(input: BalanceInput): Balance {
  const groups = [input.cases, input.matchedCases, input.controls].map((people) => tally(people, input.near, input.exact));
  const [cases, matchedCases, controls] = groups as [GroupTallies, GroupTallies, GroupTallies];
  const rows: BalanceRow[] = [];
  input.exact.forEach((variable, v) => {
    const tallies = [cases.exact[v]!, input.pool.exact[v]!, matchedCases.exact[v]!, controls.exact[v]!];
    const categories = [...new Set(tallies.flatMap((t) => [...t.counts.keys()]))].sort(categoryOrder);
    for (const category of categories) {
      rows.push(row(variable.name, variable.label(category), tallies.map((t) => shareMoments(t, category)) as [Moments, Moments, Moments, Moments]));
    }
  });
  input.near.names.forEach((name, v) => rows.push(row(name, null, [cases.near[v]!, input.pool.near[v]!, matchedCases.near[v]!, controls.near[v]!])));
  const groupSizes = {
    cases: input.cases.length,
    pool: input.pool.exact[0]?.n ?? input.pool.near[0]?.n ?? 0,
    matchedCases: input.matchedCases.length,
    controls: input.controls.length,
  };
  return { groups: groupSizes, rows, warnings: balanceWarnings(rows) };
}

const SMD_WARNING = 0.1;

/** matching.md: any |SMD| of 0.1 or more after matching is a warning that names the variable. */
export function balanceWarnings(rows: readonly BalanceRow[]): string[] {
  const warnings: string[] = [];
  for (const r of rows) {
    const name = r.category === null ? r.variable : `${r.variable} ${r.category}`;
    if (r.smdAfter === null) {
      if (r.matchedCases !== null && r.controls !== null && r.matchedCases !== r.controls) {
        warnings.push(`${name}: the matched controls differ from the cases (${r.controls} against ${r.matchedCases}) with no spread to scale the difference by`);
      }
    } else if (Math.abs(r.smdAfter) >= SMD_WARNING) {
      warnings.push(`${name}: standardised mean difference ${r.smdAfter.toFixed(2)} after matching (0.1 or more): the controls are not like the cases in this`);
    }
  }
  return warnings;
}
