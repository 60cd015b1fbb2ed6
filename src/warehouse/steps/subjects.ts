import { COMPARISON_EXCLUSION_ORDER } from "../../core/comparison-eligibility.js";
import { EXCLUSION_ORDER } from "../../core/eligibility.js";
import type { Dialect } from "../dialect.js";
import type { ActivityPlan, TableColumns, WarehousePlan } from "../plan.js";
import { missingSql, valueOf } from "./read-rows.js";
import { requiredDateReasons } from "./referrals.js";
import type { Sql, Step } from "./step.js";

/** An exclusion's code in `excluded_by`: its place in the rule order, from 1 (0: included). */
export const referredCode = (reason: (typeof EXCLUSION_ORDER)[number]) => EXCLUSION_ORDER.indexOf(reason) + 1;
export const comparisonCode = (reason: (typeof COMPARISON_EXCLUSION_ORDER)[number]) => COMPARISON_EXCLUSION_ORDER.indexOf(reason) + 1;

/** The comparison group's rows validated as `comparisonRowParser` does. */
export function comparisonStep(plan: TableColumns, d: Dialect, sql: Sql): Step {
  const v = valueOf;
  const reasons = [
    `WHEN ${missingSql(v("patient_id"), d)} THEN ${d.literal("patient_id:missing")}`,
    `WHEN ${missingSql(v("cohort"), d)} THEN ${d.literal("cohort:missing")}`,
    ...requiredDateReasons("index_date", "dd", plan.dateFormat, d, sql),
    // Where the table has the column, every control needs its case (comparisonRowParser).
    ...(plan.columns.matched_to !== undefined ? [`WHEN ${missingSql(v("matched_to"), d)} THEN ${d.literal("matched_to:missing")}`] : []),
  ];
  const matchedTo = plan.columns.matched_to !== undefined ? v("matched_to") : `CAST(NULL AS ${d.textType})`;
  return {
    name: "comparison",
    query: `SELECT CASE WHEN ${missingSql(v("patient_id"), d)} THEN NULL ELSE ${v("patient_id")} END AS pid, ${v("cohort")} AS cohort, dd.dt AS event_day, ${matchedTo} AS matched_to,
    CASE ${reasons.join("\n      ")} END AS reason
  FROM ${sql.t("comparison_rows")} AS r LEFT JOIN ${sql.t("dates")} AS dd ON dd.txt = r.${v("index_date")}`,
  };
}

/**
 * Rule 2.5's coverage (core/coverage.ts): each extract's given bounds, else its own earliest and
 * latest real event day over its valid rows; the run's span is where they overlap, unknown (NULL)
 * where any bound is (the evaluation then stops, saying what to give, see long-form rebuilding).
 */
export function coverageSteps(activity: readonly ActivityPlan[], d: Dialect, sql: Sql): Step[] {
  const given = (iso: string | null) => (iso === null ? "CAST(NULL AS DATE)" : sql.date(iso));
  const perExtract = activity.map(
    (plan) => `SELECT ${sql.text(plan.extract)} AS extract_name, MIN(event_day) AS earliest, MAX(event_day) AS latest, ${d.countRows.replace("*", "event_day")} AS dated,
    ${given(plan.coverage.start)} AS given_start, ${given(plan.coverage.end)} AS given_end
  FROM ${sql.t(plan.extract)} WHERE reason IS NULL`,
  );
  const coverage: Step = {
    name: "coverage",
    query: `SELECT extract_name, earliest, latest, dated, COALESCE(given_start, earliest) AS span_start, COALESCE(given_end, latest) AS span_end
  FROM (${perExtract.join("\n  UNION ALL\n  ")}) AS extracts`,
  };
  const span: Step = {
    name: "span",
    query: `SELECT CASE WHEN COUNT(span_start) = COUNT(*) THEN MAX(span_start) END AS data_start, CASE WHEN COUNT(span_end) = COUNT(*) THEN MIN(span_end) END AS data_end
  FROM ${sql.t("coverage")}`,
  };
  return [coverage, span];
}

function windows(plan: WarehousePlan, d: Dialect, index: string): string {
  const { count, unit } = plan.window;
  const shift = (windows: number) => (unit === "m" ? d.addMonths(index, windows * count) : d.addDays(index, windows * count));
  // 2N from the index date, not N from pre_start: the two differ where a month end is clamped (windows.ts).
  return `${shift(-2)} AS prior_start, ${shift(-1)} AS pre_start, ${shift(1)} AS post_end`;
}

const incomplete = "sp.data_start IS NULL OR sp.data_end IS NULL OR w.pre_start < sp.data_start OR w.post_end > sp.data_end";

/**
 * Everyone whose activity is counted, with their windows and the first rule that excludes them
 * (rule 2, in order; statistics.md for the comparison group): the referred patients with a valid
 * row, then the comparison patients who were not referred. `prior_covered`: the prior window is in
 * the data (statistics.md).
 */
export function subjectsStep(plan: WarehousePlan, d: Dialect, sql: Sql): Step {
  const outside = [...(plan.from !== null ? [`w.index_date < ${sql.date(plan.from)}`] : []), ...(plan.to !== null ? [`w.index_date > ${sql.date(plan.to)}`] : [])];
  const referredRules = [
    `WHEN bad.pid IS NOT NULL OR w.ambiguous = 1 THEN ${referredCode("invalid_referral_row")}`,
    ...(outside.length > 0 ? [`WHEN ${outside.join(" OR ")} THEN ${referredCode("outside_period")}`] : []),
    ...(plan.requireConsent ? [`WHEN w.consent = 0 THEN ${referredCode("no_consent")}`] : []),
    ...(plan.minOnwardReferrals !== null ? [`WHEN w.onward < ${plan.minOnwardReferrals} THEN ${referredCode("too_few_onward_referrals")}`] : []),
    ...(plan.minAge !== null ? [`WHEN w.age_key < ${plan.minAge} THEN ${referredCode("age")}`] : []),
    `WHEN ${incomplete} THEN ${referredCode("incomplete_window")}`,
  ];
  const covered = `CASE WHEN sp.data_start IS NOT NULL AND w.prior_start >= sp.data_start THEN 1 ELSE 0 END AS prior_covered`;
  const referred = `SELECT w.pid, ${sql.text("referred")} AS grp, w.cohort, w.index_date, w.prior_start, w.pre_start, w.post_end,
    CASE ${referredRules.join("\n      ")} ELSE 0 END AS excluded_by, ${covered}, CAST(NULL AS ${d.textType}) AS matched_to
  FROM (SELECT i.*, ${windows(plan, d, "i.index_date")} FROM ${sql.t("referral_index")} AS i) AS w
    CROSS JOIN ${sql.t("span")} AS sp
    LEFT JOIN (SELECT DISTINCT pid FROM ${sql.t("referrals")} WHERE reason IS NOT NULL AND pid IS NOT NULL) AS bad ON bad.pid = w.pid`;
  if (!plan.comparison) return { name: "subjects", query: referred };
  const comparisonRules = [
    ...(outside.length > 0 ? [`WHEN ${outside.join(" OR ")} THEN ${comparisonCode("outside_period")}`] : []),
    `WHEN ${incomplete} THEN ${comparisonCode("incomplete_window")}`,
  ];
  const comparison = `SELECT w.pid, ${sql.text("comparison")} AS grp, w.cohort, w.index_date, w.prior_start, w.pre_start, w.post_end,
    CASE ${comparisonRules.join("\n      ")} ELSE 0 END AS excluded_by, ${covered}, w.matched_to
  FROM (SELECT c.pid, c.cohort, c.event_day AS index_date, c.matched_to, ${windows(plan, d, "c.event_day")} FROM ${sql.t("comparison")} AS c
      WHERE c.reason IS NULL AND c.pid NOT IN (SELECT pid FROM ${sql.t("referred_ids")})) AS w
    CROSS JOIN ${sql.t("span")} AS sp`;
  return { name: "subjects", query: `${referred}\n  UNION ALL\n  ${comparison}` };
}

/** Everyone referred, valid rows or not: a comparison patient among them is `referred`. */
export function referredIdsStep(sql: Sql): Step {
  return { name: "referred_ids", query: `SELECT DISTINCT pid FROM ${sql.t("referrals")} WHERE pid IS NOT NULL` };
}
