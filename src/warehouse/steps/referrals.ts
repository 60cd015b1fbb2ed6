import { CONSENT_YES } from "../../extracts/fields.js";
import { inList } from "../../io/sql-words.js";
import type { Dialect } from "../dialect.js";
import type { BreakdownPlan, TableColumns } from "../plan.js";

/** The breakdowns' columns read from the referrals (not `age_band`, made from the age). */
export const breakdownKeys = (breakdowns: readonly BreakdownPlan[]) => breakdowns.flatMap((breakdown) => (breakdown.key ? [breakdown.key] : []));
import { digits } from "../../extracts/text-pattern.js";
import { fitsSql } from "./dates.js";
import { missingSql, valueOf } from "./read-rows.js";
import type { Sql, Step } from "./step.js";

/** A required date's reasons, as the row reader gives them (fields.ts, DateColumnRule): missing, not a date, a placeholder. */
export function requiredDateReasons(column: string, alias: string, format: TableColumns["dateFormat"], d: Dialect, sql: Sql): string[] {
  return [
    `WHEN ${missingSql(valueOf(column), d)} THEN ${d.literal(`${column}:missing`)}`,
    `WHEN ${sql.isFalse(fitsSql(alias, format, d))} THEN ${d.literal(`${column}:not_a_date`)}`,
    `WHEN ${alias}.placeholder = 1 THEN ${d.literal(`${column}:placeholder`)}`,
  ];
}

/** fields.ts's optional whole number (`DIGITS`), of at most nine digits here, where a row reader has no limit. */
const WHOLE_NUMBER = digits(1, 9);

/**
 * Each referral row validated as `referralRowParser` validates it, its first problem in the order of
 * the row's columns as its reason (what `--skip-invalid` reports); `pid` is the patient even of an
 * invalid row (`rejectedPatientOf`), who is then excluded first of all rules.
 */
export function referralsStep(plan: TableColumns, breakdowns: readonly BreakdownPlan[], d: Dialect, sql: Sql): Step {
  const v = valueOf;
  const whole = (name: string) => `WHEN NOT ${missingSql(v(name), d)} AND ${sql.isFalse(d.fullMatch(v(name), WHOLE_NUMBER))} THEN ${d.literal(`${name}:not_whole_number`)}`;
  const rowOrder = plan.columns.row_order !== undefined;
  const reasons = [
    `WHEN ${missingSql(v("patient_id"), d)} THEN ${d.literal("patient_id:missing")}`,
    `WHEN ${missingSql(v("cohort"), d)} THEN ${d.literal("cohort:missing")}`,
    ...requiredDateReasons("intervention_date", "dd", plan.dateFormat, d, sql),
    whole("onward_referrals"),
    whole("age"),
    ...(rowOrder ? [`WHEN r.row_order IS NULL THEN ${d.literal("row_order:missing")}`] : []),
  ];
  // The numbers are read only from valid rows, whose texts are whole numbers.
  const number = (text: string) => `CASE WHEN reason IS NOT NULL OR ${missingSql(text, d)} THEN NULL ELSE ${d.wholeNumber(text)} END`;
  // A breakdown's value as optionalTextField reads it: the trimmed text, "" where missing.
  const groups = breakdownKeys(breakdowns);
  const groupValues = groups.map((key) => `, CASE WHEN ${missingSql(v(key), d)} THEN ${d.literal("")} ELSE ${v(key)} END AS ${key}`).join("");
  const query = `SELECT pid, cohort, event_day, consent, COALESCE(${number("onward_text")}, 0) AS onward, ${number("age_text")} AS age, row_order, reason${groups.map((key) => `, ${key}`).join("")} FROM (
  SELECT CASE WHEN ${missingSql(v("patient_id"), d)} THEN NULL ELSE ${v("patient_id")} END AS pid,
    ${v("cohort")} AS cohort, dd.dt AS event_day${groupValues},
    ${sql.flag(inList(`lower(${v("consent")})`, [...CONSENT_YES], d))} AS consent,
    r.row_order,
    CASE ${reasons.join("\n      ")} END AS reason,
    ${v("onward_referrals")} AS onward_text, ${v("age")} AS age_text
  FROM ${sql.t("referral_rows")} AS r LEFT JOIN ${sql.t("dates")} AS dd ON dd.txt = r.${v("intervention_date")}
) AS checked_rows`;
  return { name: "referrals", query };
}

/**
 * Rule 1 per patient over their valid rows: the earliest date, the onward referrals summed, and the
 * index row's cohort, consent, age and breakdown values. The index row is the first by `row_order`
 * among the rows of that date where one is mapped; without one (a table has no order) rows tied on
 * the date that differ in any of them make the index row ambiguous, never resolved silently
 * (warehouse.md).
 */
export function referralIndexSteps(plan: TableColumns, breakdowns: readonly BreakdownPlan[], d: Dialect, sql: Sql): Step[] {
  const groups = breakdownKeys(breakdowns);
  const rowOrder = plan.columns.row_order !== undefined;
  const first: Step = {
    name: "referral_first",
    query: `SELECT pid, MIN(event_day) AS index_date, ${d.sum("onward")} AS onward FROM ${sql.t("referrals")} WHERE reason IS NULL GROUP BY pid`,
  };
  const firstOrder: Step = {
    name: "referral_first_order",
    query: `SELECT f.pid, MIN(r.row_order) AS first_order
  FROM ${sql.t("referral_first")} AS f JOIN ${sql.t("referrals")} AS r ON r.pid = f.pid AND r.reason IS NULL AND r.event_day = f.index_date
  GROUP BY f.pid`,
  };
  const index: Step = {
    name: "referral_index",
    query: `SELECT pid, index_date, onward, cohort, consent, age_key${groups.map((key) => `, ${key}`).join("")},
    CASE WHEN cohort <> cohort_last OR consent <> consent_last OR age_key <> age_last${groups.map((key) => ` OR ${key} <> ${key}_last`).join("")} THEN 1 ELSE 0 END AS ambiguous
  FROM (
    SELECT f.pid, f.index_date, f.onward, MIN(r.cohort) AS cohort, MAX(r.cohort) AS cohort_last, MIN(r.consent) AS consent, MAX(r.consent) AS consent_last,
      MIN(COALESCE(r.age, -1)) AS age_key, MAX(COALESCE(r.age, -1)) AS age_last${groups.map((key) => `, MIN(r.${key}) AS ${key}, MAX(r.${key}) AS ${key}_last`).join("")}
    FROM ${sql.t("referral_first")} AS f${rowOrder ? ` JOIN ${sql.t("referral_first_order")} AS o ON o.pid = f.pid` : ""}
      JOIN ${sql.t("referrals")} AS r ON r.pid = f.pid AND r.reason IS NULL AND r.event_day = f.index_date${rowOrder ? " AND r.row_order = o.first_order" : ""}
    GROUP BY f.pid, f.index_date, f.onward
  ) AS candidates`,
  };
  return rowOrder ? [first, firstOrder, index] : [first, index];
}
