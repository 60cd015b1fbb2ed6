import type { EvaluationRun } from "../config/run.js";
import type { DialectName } from "./dialect.js";
import { DIALECT_OF } from "./dialects/index.js";
import { planFingerprint } from "./fingerprint.js";
import { warehousePlan } from "./plan.js";
import { warehouseScript } from "./sql-script.js";

/** `prepost sql`'s script for a resolved warehouse run (`resolveRun(flags, "tables")`). */
export function scriptForRun(run: EvaluationRun, dialect: DialectName, config: string): string {
  const plan = warehousePlan(run);
  const tables = [run.referrals, ...Object.values(run.activity), ...(run.comparison ? [run.comparison] : [])].map((source) => `${source.extract}: ${source.file}`);
  return warehouseScript(plan, DIALECT_OF[dialect], planFingerprint(plan), [
    `made from ${config}; tables ${tables.join(", ")}; outcomes ${plan.outcomes.map((outcome) => outcome.id).join(", ")}`,
    "Returns one result set (section, outcome, cohort, group, a, b, n) of counts only: save it as CSV, with its header,",
    `and run prepost evaluate --config ${config} --warehouse-result result.csv on it.`,
  ]);
}
