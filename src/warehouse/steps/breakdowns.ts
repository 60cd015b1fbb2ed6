import { ageBandNames, UNKNOWN_GROUP } from "../../core/breakdowns.js";
import { MAX_GROUPS } from "../../breakdown-rows.js";
import type { Dialect } from "../dialect.js";
import type { BreakdownPlan, WarehousePlan } from "../plan.js";
import { patientsStep } from "./outcome.js";
import type { Sql, Step } from "./step.js";

/**
 * The breakdowns (statistics.md, "Breakdowns") as core/breakdowns.ts makes their groups: each
 * included referred patient's value of the column on their index row, `unknown` where it is
 * missing, or their age band from the index row's age. Only each group's frequency tables leave
 * the warehouse, and none at all for a column of more than `MAX_GROUPS` values (a postcode, a date),
 * which would make rows of a patient or two: the warehouse says how many it has, and the run stops
 * there, as a local one does.
 */

/** A patient's group in one breakdown, over the referral index (`i`): `groupOf` in SQL. */
function groupSql(breakdown: BreakdownPlan, d: Dialect): string {
  const unknown = d.literal(UNKNOWN_GROUP);
  if (breakdown.key) return `CASE WHEN i.${breakdown.key} = ${d.literal("")} THEN ${unknown} ELSE i.${breakdown.key} END`;
  // ageBandOf: the last band whose start the age reaches.
  const bands = breakdown.ageBands;
  const names = ageBandNames(bands);
  const whens = bands.map((start, band) => `WHEN i.age_key < ${start} THEN ${d.literal(names[band]!)}`);
  return `CASE WHEN i.age_key < 0 THEN ${unknown} ${whens.join(" ")} ELSE ${d.literal(names[bands.length]!)} END`;
}

/** The `by_groups` rows: how many groups each breakdown has among the included referred patients. */
export function breakdownSizes(plan: WarehousePlan, sql: Sql): { by: string; column: string; from: string }[] {
  return plan.breakdowns.map((breakdown, b) => ({ by: breakdown.by, column: `n${b}`, from: `FROM ${sql.t("breakdown_sizes")}` }));
}

/** Each included referred patient's group in every breakdown (`g0`, `g1`…), and how many groups each has. */
export function breakdownSteps(plan: WarehousePlan, d: Dialect, sql: Sql): Step[] {
  if (plan.breakdowns.length === 0) return [];
  const groups: Step = {
    name: "breakdown_groups",
    query: `SELECT s.pid, ${plan.breakdowns.map((breakdown, b) => `${groupSql(breakdown, d)} AS g${b}`).join(", ")}
  FROM ${sql.t("subjects")} AS s JOIN ${sql.t("referral_index")} AS i ON i.pid = s.pid
  WHERE s.grp = ${sql.text("referred")} AND s.excluded_by = 0`,
  };
  const sizes: Step = {
    name: "breakdown_sizes",
    query: `SELECT ${plan.breakdowns.map((_, b) => `COUNT(DISTINCT g${b}) AS n${b}`).join(", ")} FROM ${sql.t("breakdown_groups")}`,
  };
  return [groups, sizes];
}

/** The long form's breakdown rows of one outcome: each group's `by_pairs` and `by_prior` tables, with its group as `by=value`. */
export function breakdownResults(plan: WarehousePlan, index: number, d: Dialect, sql: Sql): { section: "by_pairs" | "by_prior"; columns: string[]; from: string }[] {
  return plan.breakdowns.flatMap((breakdown, b) => {
    const group = `CONCAT(${d.literal(`${breakdown.by}=`)}, g.g${b})`;
    const from = (where: string, by: string) => `FROM ${sql.t(patientsStep(index))} AS p JOIN ${sql.t("breakdown_groups")} AS g ON g.pid = p.pid
      CROSS JOIN ${sql.t("breakdown_sizes")} AS z
    WHERE z.n${b} <= ${MAX_GROUPS}${where} GROUP BY p.cohort, g.g${b}, ${by}`;
    return [
      { section: "by_pairs" as const, columns: ["p.cohort", group, "p.pre", "p.post", d.countRows], from: from("", "p.pre, p.post") },
      { section: "by_prior" as const, columns: ["p.cohort", group, "p.prior", "p.pre", d.countRows], from: from(" AND p.prior_covered = 1", "p.prior, p.pre") },
    ];
  });
}
