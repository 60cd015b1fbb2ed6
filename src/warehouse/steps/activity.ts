import { extractColumns } from "../../extracts/activity-rows.js";
import type { Outcome } from "../../outcomes/outcome.js";
import type { Dialect } from "../dialect.js";
import type { ActivityPlan } from "../plan.js";
import { fitsSql } from "./dates.js";
import { missingSql, readRows, valueOf } from "./read-rows.js";
import type { Sql, Step } from "./step.js";

/** The spec columns an activity table is read for, in the row reader's order (patient, date, the outcomes' own). */
export function activitySpec(plan: ActivityPlan, outcomes: readonly Outcome[]): string[] {
  return extractColumns(outcomes, false)
    .map((column) => column.name)
    .filter((name) => plan.columns[name] !== undefined);
}

export const rowsStep = (extract: string) => `${extract}_rows`;
export const dayOf = (column: string) => `${column}_day`;

export function activityRowsStep(plan: ActivityPlan, outcomes: readonly Outcome[], d: Dialect): Step {
  return readRows(rowsStep(plan.extract), plan, activitySpec(plan, outcomes), [plan.dateColumn, ...plan.otherDates], d);
}

/**
 * Each activity row validated as `activityRowParser` validates it, its first problem (in the order
 * of its columns, then the outcomes' checks across them) as its reason. A value of a column compared
 * without regard to case that is not ASCII is a problem here only: JavaScript's upper case and a
 * warehouse's can differ there (ß), so such a row is reported rather than counted one way or the other.
 */
export function activityStep(plan: ActivityPlan, outcomes: readonly Outcome[], d: Dialect, sql: Sql): Step {
  const v = valueOf;
  const spec = activitySpec(plan, outcomes);
  const texts = spec.filter((name) => name !== "patient_id" && name !== plan.dateColumn && !plan.otherDates.includes(name));
  const alias = (name: string) => `dd_${name}`;
  const dayValue = (name: string) => `CASE WHEN ${fitsSql(alias(name), plan.dateFormat, d)} THEN ${alias(name)}.dt END`;
  const checks = outcomes.flatMap((outcome) => (outcome.checkRowSql ? [outcome.checkRowSql((name) => dayValue(name))] : []));
  const columnReasons = spec.flatMap((name) => {
    if (name === "patient_id" || name === plan.dateColumn) return [];
    if (plan.otherDates.includes(name)) return [`WHEN NOT ${missingSql(v(name), d)} AND ${sql.isFalse(fitsSql(alias(name), plan.dateFormat, d))} THEN ${d.literal(`${name}:not_a_date`)}`];
    return plan.caseless.includes(name) ? [`WHEN ${d.notAscii(v(name))} THEN ${d.literal(`${name}:not_ascii`)}`] : [];
  });
  const reasons = [
    `WHEN ${missingSql(v("patient_id"), d)} THEN ${d.literal("patient_id:missing")}`,
    `WHEN ${missingSql(v(plan.dateColumn), d)} THEN ${d.literal(`${plan.dateColumn}:missing`)}`,
    `WHEN ${sql.isFalse(fitsSql(alias(plan.dateColumn), plan.dateFormat, d))} THEN ${d.literal(`${plan.dateColumn}:not_a_date`)}`,
    ...columnReasons,
    ...checks.map(({ column, when }) => `WHEN ${when} THEN ${d.literal(`${column}:before_${plan.dateColumn}`)}`),
  ];
  const spell = plan.columns.spell_id !== undefined ? `CASE WHEN ${missingSql(v("spell_id"), d)} THEN ${d.literal("")} ELSE ${v("spell_id")} END` : d.literal("");
  const joins = [plan.dateColumn, ...plan.otherDates].map((name) => `LEFT JOIN ${sql.t("dates")} AS ${alias(name)} ON ${alias(name)}.txt = r.${v(name)}`);
  const query = `SELECT CASE WHEN ${missingSql(v("patient_id"), d)} THEN NULL ELSE ${v("patient_id")} END AS pid,
    ${dayValue(plan.dateColumn)} AS event_day,
    CASE WHEN ${alias(plan.dateColumn)}.placeholder = 1 THEN 1 ELSE 0 END AS placeholder,
    ${[...plan.otherDates.map((name) => `${dayValue(name)} AS ${dayOf(name)}`), ...texts.map((name) => `${v(name)}`)].map((column) => `${column},\n    `).join("")}${spell} AS spell,
    CASE ${reasons.join("\n      ")} END AS reason
  FROM ${sql.t(rowsStep(plan.extract))} AS r
    ${joins.join("\n    ")}`;
  return { name: plan.extract, query };
}
