import { describe, expect, it } from "vitest";
import { resolveRun } from "../src/config/resolve-run.js";
import { rowCosts, withCosts } from "../src/row-costs.js";
import { evaluateCounts } from "../src/evaluate.js";
import type { OutcomeResult } from "../src/result.js";

const SMALL = "fixtures/small/evaluation.json";

describe("costs: each window's activity at the unit cost given", () => {
  it("multiplies each window's count by the unit cost, and the change is post − pre", () => {
    expect(rowCosts(250, 363, 291)).toEqual({ unit_cost: 250, cost_pre: 90750, cost_post: 72750, cost_change: -18000 });
    expect(rowCosts(1843.5, 0, 2)).toEqual({ unit_cost: 1843.5, cost_pre: 0, cost_post: 3687, cost_change: 3687 });
  });

  it("gives no cost for a count that is not known", () => {
    expect(rowCosts(100, null, 5)).toEqual({ unit_cost: 100, cost_pre: null, cost_post: 500, cost_change: null });
  });

  it("costs only the outcomes that have a unit cost: there is no default", () => {
    const outcome = (id: OutcomeResult["outcome"]): OutcomeResult => {
      const row = { cohort: "A", label: "A", patients: 2, pre: 3, post: 1, pre_per_patient: 1.5, post_per_patient: 0.5, change_pct: -66.7 };
      return { outcome: id, label: id, extract: "ae", unit: "rows", cohorts: [row], total: { ...row, cohort: "Total", label: "Total" } };
    };
    const [ae, admissions] = withCosts([outcome("ae_attendances"), outcome("unplanned_admissions")], { unitCosts: { ae: 10, admission: null }, customOutcomes: [] });
    expect(ae!.total).toMatchObject({ unit_cost: 10, cost_pre: 30, cost_post: 10, cost_change: -20 });
    expect(admissions!.total).not.toHaveProperty("unit_cost");
    expect(admissions!.total).not.toHaveProperty("cost_pre");
  });

  it("is added by evaluate from --unit-cost and recorded in the settings with its source", async () => {
    const result = await evaluateCounts(
      await resolveRun({ config: SMALL, bootstrap: 0, unitCosts: { admission: 2000 }, costSource: "example: National Cost Collection" }),
    );
    expect(result.settings.unitCosts).toEqual({ ae: null, admission: 2000 });
    expect(result.settings.costSource).toBe("example: National Cost Collection");
    expect(result.outcomes[0]!.total).not.toHaveProperty("cost_pre");
    expect(result.outcomes[1]!.total).toMatchObject({ pre: 1, post: 2, unit_cost: 2000, cost_pre: 2000, cost_post: 4000, cost_change: 2000 });
  });

  it("records no unit costs and no costs when none is given", async () => {
    const result = await evaluateCounts(await resolveRun({ config: SMALL, bootstrap: 0 }));
    expect(result.settings).toMatchObject({ unitCosts: { ae: null, admission: null }, costSource: null, suppress: false });
    expect(JSON.stringify(result)).not.toMatch(/cost_pre/);
  });

  it("refuses a cost source without a unit cost", async () => {
    await expect(resolveRun({ config: SMALL, costSource: "NCC 2023/24" })).rejects.toThrow(/no unit cost was given: add --unit-cost ae=GBP/);
  });
});
