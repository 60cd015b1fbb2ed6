import type { BalanceLine, MatchReport, UnmatchedReason } from "../result.js";
import type { BalanceRow } from "./balance.js";
import type { MatchResult } from "./match-cases.js";

const UNMATCHED_REASONS: readonly UnmatchedReason[] = ["case_not_in_population", "invalid_population_row", "no_candidate", "none_within_caliper"];

function balanceLine(row: BalanceRow): BalanceLine {
  return {
    variable: row.variable,
    category: row.category,
    cases: row.cases,
    pool: row.pool,
    matched_cases: row.matchedCases,
    controls: row.controls,
    smd_before: row.smdBefore,
    smd_after: row.smdAfter,
    variance_ratio_before: row.varianceRatioBefore,
    variance_ratio_after: row.varianceRatioAfter,
  };
}

/** The match report of matching.md's outputs, in the JSON output's words (snake_case, as every field of the result). */
export function matchReport(result: MatchResult, cases: number, exact: readonly string[]): MatchReport {
  const unmatched = Object.fromEntries(UNMATCHED_REASONS.map((reason) => [reason, 0])) as Record<UnmatchedReason, number>;
  for (const { reason } of result.unmatched) unmatched[reason]++;
  const { groups } = result.balance;
  return {
    cases,
    matched: result.sets.length,
    controls: result.sets.reduce((sum, set) => sum + set.controls.length, 0),
    unmatched,
    controls_per_case: [...result.controlsPerCase],
    variables: {
      exact: [...exact],
      near: [...result.variables.near],
      distance: [...result.variables.distance],
      left_out: result.variables.leftOut.map(({ variable, reason }) => ({ variable, reason })),
    },
    balance: {
      groups: { cases: groups.cases, pool: groups.pool, matched_cases: groups.matchedCases, controls: groups.controls },
      rows: result.balance.rows.map(balanceLine),
    },
    warnings: [...result.balance.warnings],
  };
}
