import type { Settings } from "../config/settings.js";
import type { CohortFigures, Count, OutcomeId, OutcomeResult } from "../result.js";

/** Which `--unit-cost` key prices which outcome. */
export const UNIT_COST_KEY: Record<OutcomeId, keyof Settings["unitCosts"]> = {
  ae_attendances: "ae",
  unplanned_admissions: "admission",
};

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
export function withCosts(outcomes: readonly OutcomeResult[], unitCosts: Settings["unitCosts"]): OutcomeResult[] {
  return outcomes.map((outcome) => {
    const unitCost = unitCosts[UNIT_COST_KEY[outcome.outcome]];
    if (unitCost === null) return outcome;
    const costed = (row: CohortFigures): CohortFigures => ({ ...row, ...rowCosts(unitCost, row.pre, row.post) });
    return { ...outcome, cohorts: outcome.cohorts.map(costed), total: costed(outcome.total) };
  });
}
