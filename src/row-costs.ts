import type { Settings } from "./config/settings.js";
import type { CohortFigures, Count, OutcomeResult } from "./result.js";
import { describedOutcome } from "./outcomes/registry.js";
import type { ActivityTally } from "./core/count-in-windows.js";
import { PLACE, PLACES } from "./core/windows.js";

type CostFields<N extends Count> = Required<Pick<CohortFigures<N>, "unit_cost" | "cost_pre" | "cost_post" | "cost_change">>;

/**
 * One row's activity at a unit cost (GBP): each window's count times the unit, and the change
 * post − pre. A count that is not known (suppressed) gives no cost, never a guessed one.
 */
export function rowCosts<N extends Count>(unitCost: number, pre: N, post: N): CostFields<N> {
  const cost = (count: N) => (count === null ? null : count * unitCost) as N;
  return {
    unit_cost: unitCost,
    cost_pre: cost(pre),
    cost_post: cost(post),
    cost_change: (pre === null || post === null ? null : (post - pre) * unitCost) as N,
  };
}

/** Adds the costs to every row of every outcome that has a unit cost; the others are left as they are. */
export function withCosts(outcomes: readonly OutcomeResult[], settings: Pick<Settings, "unitCosts" | "customOutcomes">): OutcomeResult[] {
  return outcomes.map((outcome) => {
    const costName = describedOutcome(outcome.outcome, settings)?.costName ?? outcome.outcome;
    const unitCost = settings.unitCosts[costName] ?? null;
    if (unitCost === null) return outcome;
    // A breakdown's rows are costed as the row they break down.
    const costed = <Row extends CohortFigures>(row: Row): Row => ({
      ...row,
      ...rowCosts(unitCost, row.pre, row.post),
      ...(row.breakdowns ? { breakdowns: row.breakdowns.map((breakdown) => ({ ...breakdown, rows: breakdown.rows.map(costed) })) } : {}),
    });
    return { ...outcome, cohorts: outcome.cohorts.map(costed), total: costed(outcome.total) };
  });
}

/** A row's costs from a cost column: the sum of its counted rows' own costs (in pence, so every engine adds alike). */
export interface ColumnCosts {
  prePence: number;
  postPence: number;
  /** Counted rows in either window that gave no cost. */
  missing: number;
}

/** The column costs of the patients in `slots` (a cohort's included patients). */
export function columnCosts(tally: ActivityTally, slots: readonly number[]): ColumnCosts {
  const costs: ColumnCosts = { prePence: 0, postPence: 0, missing: 0 };
  if (!tally.costPence || !tally.missingCost) return costs;
  for (const slot of slots) {
    costs.prePence += tally.costPence[slot * PLACES + PLACE.pre]!;
    costs.postPence += tally.costPence[slot * PLACES + PLACE.post]!;
    costs.missing += tally.missingCost[slot * PLACES + PLACE.pre]! + tally.missingCost[slot * PLACES + PLACE.post]!;
  }
  return costs;
}

/** The cost fields of a row costed from a column (outcomes.md, costs), in GBP. */
export function columnCostFields(column: string, costs: ColumnCosts): Pick<CohortFigures, "cost_column" | "cost_pre" | "cost_post" | "cost_change" | "cost_missing"> {
  return {
    cost_column: column,
    cost_pre: costs.prePence / 100,
    cost_post: costs.postPence / 100,
    cost_change: (costs.postPence - costs.prePence) / 100,
    cost_missing: costs.missing,
  };
}
