import type { Dialect } from "../dialect.js";
import type { WarehousePlan } from "../plan.js";
import { patientsStep } from "./outcome.js";
import type { Sql } from "./step.js";

/**
 * The matched sets (matching.md, "The matched difference in differences") where the comparison
 * table says who was matched to whom (`matched_to`), as matched-figures.ts makes them: each
 * included case with the included controls matched to it. Only each set's counts leave the
 * warehouse, as a frequency table of set profiles; and how many cases had no control, how many
 * controls no case, and which cohorts (as written) a case's controls name, so that the reader can
 * check they are the case's own.
 */

type Part = { section: string; outcome: string; columns: string[]; from: string };

/** Whether the run's sets are counted: a comparison table with a `matched_to` column. */
export const hasMatchedSets = (plan: WarehousePlan) => plan.comparison?.columns.matched_to !== undefined;

const included = (alias: string, group: "referred" | "comparison", sql: Sql) => `${alias}.grp = ${sql.text(group)} AND ${alias}.excluded_by = 0`;

/** One outcome's `sets` rows: per case cohort and set profile, how many sets; the group is `controls:their pre:their post`. */
export function matchedSetRows(plan: WarehousePlan, outcomeId: string, index: number, d: Dialect, sql: Sql): Part[] {
  if (!hasMatchedSets(plan)) return [];
  const patients = sql.t(patientsStep(index));
  const sets = `SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, ${d.countRows} AS controls, ${d.sum("k.pre")} AS controls_pre, ${d.sum("k.post")} AS controls_post
      FROM ${patients} AS c JOIN ${patients} AS k ON k.matched_to = c.pid
      WHERE ${included("c", "referred", sql)} AND ${included("k", "comparison", sql)}
      GROUP BY c.pid, c.cohort, c.pre, c.post`;
  const text = (column: string) => `CAST(${column} AS ${d.textType})`;
  const profile = `CONCAT(${text("controls")}, ${d.literal(":")}, ${text("controls_pre")}, ${d.literal(":")}, ${text("controls_post")})`;
  return [
    {
      section: "sets",
      outcome: outcomeId,
      columns: ["cohort", profile, "case_pre", "case_post", d.countRows],
      from: `FROM (${sets}) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post`,
    },
  ];
}

/** The rows about the sets that no outcome changes: cases without a control, controls without a case, and each case cohort's controls' cohorts. */
export function matchedSetCounts(plan: WarehousePlan, d: Dialect, sql: Sql): Part[] {
  if (!hasMatchedSets(plan)) return [];
  const subjects = sql.t("subjects");
  return [
    {
      section: "set_counts",
      outcome: "",
      columns: ["c.cohort", d.literal("unmatched"), "0", "0", d.countRows],
      from: `FROM ${subjects} AS c WHERE ${included("c", "referred", sql)}
      AND c.pid NOT IN (SELECT k.matched_to FROM ${subjects} AS k WHERE ${included("k", "comparison", sql)} AND k.matched_to IS NOT NULL) GROUP BY c.cohort`,
    },
    {
      section: "set_counts",
      outcome: "",
      columns: ["k.cohort", d.literal("controls_without_case"), "0", "0", d.countRows],
      from: `FROM ${subjects} AS k WHERE ${included("k", "comparison", sql)}
      AND k.matched_to NOT IN (SELECT c.pid FROM ${subjects} AS c WHERE ${included("c", "referred", sql)}) GROUP BY k.cohort`,
    },
    {
      section: "set_cohorts",
      outcome: "",
      columns: ["c.cohort", "k.cohort", "0", "0", d.countRows],
      from: `FROM ${subjects} AS c JOIN ${subjects} AS k ON k.matched_to = c.pid WHERE ${included("c", "referred", sql)} AND ${included("k", "comparison", sql)} GROUP BY c.cohort, k.cohort`,
    },
  ];
}
