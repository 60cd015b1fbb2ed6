import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import { COMPARISON_COLUMNS } from "../extracts/comparison.js";
import type { Outcome } from "../outcomes/outcome.js";
import { TOOL } from "../version.js";
import type { Dialect } from "./dialect.js";
import type { WarehousePlan } from "./plan.js";
import { activityRowsStep, activityStep, rowsStep } from "./steps/activity.js";
import { datesStep, type DateSource } from "./steps/dates.js";
import { outcomeSteps, patientsStepOf } from "./steps/outcome.js";
import { breakdownSteps } from "./steps/breakdowns.js";
import { monthBoundsStep, outcomeMonthsStep } from "./steps/months.js";
import { readRows, valueOf } from "./steps/read-rows.js";
import { referralIndexSteps, referralsStep } from "./steps/referrals.js";
import { resultQuery } from "./steps/result.js";
import { type Step, sqlFor } from "./steps/step.js";
import { comparisonStep, coverageSteps, referredIdsStep, subjectsStep } from "./steps/subjects.js";

/** Every step of the evaluation, in order: each reads only the steps before it. */
export function planSteps(plan: WarehousePlan, d: Dialect, outcomesOf: (extract: string) => Outcome[]): Step[] {
  const sql = sqlFor(d);
  const referralSpec = [...REFERRAL_COLUMNS.map((column) => column.name), ...plan.breakdowns.flatMap((breakdown) => (breakdown.key ? [breakdown.key] : []))];
  const dateSources: DateSource[] = [
    { step: "referral_rows", column: valueOf("intervention_date") },
    ...(plan.comparison ? [{ step: "comparison_rows", column: valueOf("index_date") }] : []),
    ...plan.activity.flatMap((a) => [a.dateColumn, ...a.otherDates].map((column) => ({ step: rowsStep(a.extract), column: valueOf(column) }))),
  ];
  return [
    readRows("referral_rows", plan.referrals, referralSpec, ["intervention_date"], d, ["row_order"]),
    ...(plan.comparison ? [readRows("comparison_rows", plan.comparison, COMPARISON_COLUMNS.map((column) => column.name), ["index_date"], d)] : []),
    ...plan.activity.map((a) => activityRowsStep(a, outcomesOf(a.extract), d)),
    datesStep(dateSources, plan.placeholders, d, sql),
    referralsStep(plan.referrals, plan.breakdowns, d, sql),
    ...(plan.comparison ? [comparisonStep(plan.comparison, d, sql)] : []),
    ...plan.activity.map((a) => activityStep(a, outcomesOf(a.extract), d, sql)),
    ...coverageSteps(plan.activity, d, sql),
    ...referralIndexSteps(plan.referrals, plan.breakdowns, d, sql),
    referredIdsStep(sql),
    subjectsStep(plan, d, sql),
    ...breakdownSteps(plan, d, sql),
    monthBoundsStep(plan, plan.months, d, sql),
    ...plan.outcomes.flatMap((outcome, j) => [...outcomeSteps(outcome, j, plan, d, sql), patientsStepOf(j, d, sql), outcomeMonthsStep(outcome, j, plan, d, sql)]),
  ];
}

/** Statements joined as a script: each ends with `;` on its own line's end, so a harness can split them there. */
const script = (statements: readonly string[]) => `${statements.map((statement) => `${statement};`).join("\n\n")}\n`;

/**
 * The whole script for one dialect: its preamble, each step's table (dropped first where a run
 * before left it), the long form (long-form.ts), and the tables dropped.
 */
export function warehouseScript(plan: WarehousePlan, d: Dialect, fingerprint: string, heading: readonly string[] = []): string {
  const outcomesOf = (extract: string) => plan.outcomes.filter((outcome) => outcome.extract === extract).map((outcome) => outcome.descriptor);
  return warehouseScriptWith(planSteps(plan, d, outcomesOf), plan, d, fingerprint, heading);
}

/** The script of some steps, ending in `result` (by default the long form of the plan's steps). */
export function warehouseScriptWith(
  steps: readonly Step[],
  plan: WarehousePlan,
  d: Dialect,
  fingerprint: string,
  heading: readonly string[],
  result: { query: string; order: string } = resultQuery(plan, fingerprint, d, sqlFor(d)),
): string {
  const comment = [`-- prepost ${TOOL.version}: the evaluation as ${d.name} SQL (docs/warehouse.md); plan ${fingerprint}`, ...heading.map((line) => `-- ${line}`)].join("\n");
  const dropped = [...steps].reverse().flatMap((step) => d.dropAtEnd(step.name));
  const ending = d.resultTable
    ? [...d.createTable("returned", result.query), ...dropped, `SELECT * FROM ${d.table("returned")}${result.order ? `\n${result.order}` : ""}`]
    : [`${result.query}${result.order ? `\n${result.order}` : ""}`, ...dropped];
  const statements = [...d.preamble, ...[...steps, ...(d.resultTable ? [{ name: "returned" }] : [])].flatMap((step) => d.dropIfLeft(step.name)), ...steps.flatMap((step) => d.createTable(step.name, step.query)), ...ending];
  return `${comment}\n${script(statements)}`;
}
