import { COMPARISON_EXCLUSION_ORDER } from "../../core/comparison-eligibility.js";
import { EXCLUSION_ORDER } from "../../core/eligibility.js";
import { missingAsEmptySql } from "../../extracts/missing-values.js";
import type { Dialect } from "../dialect.js";
import type { WarehousePlan } from "../plan.js";
import { rowsStep } from "./activity.js";
import { CODE, codesStep, patientsStep, ruleSql } from "./outcome.js";
import { breakdownResults, breakdownSizes } from "./breakdowns.js";
import { matchedSetCounts, matchedSetRows } from "./matched-sets.js";
import { monthsResult } from "./months.js";
import { missingSql, valueOf } from "./read-rows.js";
import type { Sql } from "./step.js";

type Row = [section: string, outcome: string, cohort: string, group: string, a: string, b: string, n: string];

/** The long form (long-form.ts), from the steps' tables; and the order its rows are returned in. */
export function resultQuery(plan: WarehousePlan, fingerprint: string, d: Dialect, sql: Sql): { query: string; order: string } {
  const lit = d.literal;
  const names = ["section", "outcome", "cohort", "grp", "a", "b", "n"];
  const select = (row: Row, rest = "") => `SELECT ${row.map((value, i) => `${value} AS ${names[i]}`).join(", ")}${rest ? `\n    ${rest}` : ""}`;
  const parts: string[] = [select([lit("script"), lit(""), lit(fingerprint), lit(""), "0", "0", "0"])];

  plan.outcomes.forEach((outcome, j) => {
    const from = `FROM ${sql.t(patientsStep(j))} WHERE excluded_by = 0`;
    parts.push(select([lit("pairs"), lit(outcome.id), "cohort", "grp", "pre", "post", d.countRows], `${from} GROUP BY cohort, grp, pre, post`));
    parts.push(select([lit("prior"), lit(outcome.id), "cohort", "grp", "prior", "pre", d.countRows], `${from} AND prior_covered = 1 GROUP BY cohort, grp, prior, pre`));
    const months = monthsResult(j, d, sql);
    parts.push(select([lit("months"), lit(outcome.id), ...months.columns] as Row, months.from));
    for (const breakdown of breakdownResults(plan, j, d, sql)) parts.push(select([lit(breakdown.section), lit(outcome.id), ...breakdown.columns] as Row, breakdown.from));
    for (const part of matchedSetRows(plan, outcome.id, j, d, sql)) parts.push(select([lit(part.section), lit(part.outcome), ...part.columns] as Row, part.from));
    const detail = [`WHEN o.code = ${CODE.missingDate} THEN ${lit("missing_date")}`, ...ruleSql(outcome, plan, d).map(({ reason }, i) => `WHEN o.code = ${CODE.firstReason + i} THEN ${lit(reason)}`)];
    const key = `CASE WHEN o.code = ${CODE.others} THEN ${lit("activity_of_others")} WHEN o.code >= ${CODE.missingDate} THEN ${lit("not_countable")}
        WHEN s.grp = ${lit("comparison")} THEN ${lit("comparison")} WHEN s.excluded_by <> 0 THEN ${lit("of_excluded_patients")}
        WHEN o.code IN (1, 2) THEN ${lit("counted")} WHEN o.code = 3 THEN ${lit("on_index_day")} ELSE ${lit("outside_windows")} END`;
    parts.push(
      select([lit("accounts"), lit(outcome.id), "account", "detail", "0", "0", d.sum("n_rows")], `FROM (SELECT ${key} AS account, CASE ${detail.join(" ")} ELSE ${lit("")} END AS detail, o.n_rows
      FROM ${sql.t(codesStep(j))} AS o LEFT JOIN ${sql.t("subjects")} AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail`),
    );
  });

  for (const part of matchedSetCounts(plan, d, sql)) parts.push(select([lit(part.section), lit(part.outcome), ...part.columns] as Row, part.from));
  for (const size of breakdownSizes(plan, sql)) parts.push(select([lit("by_groups"), lit(""), lit(""), lit(size.by), size.column, "0", "0"], size.from));

  const ruleName = (order: readonly string[]) => `CASE k ${order.map((reason, i) => `WHEN ${i + 1} THEN ${lit(reason)}`).join(" ")} ELSE ${lit("included")} END`;
  const attrition = [
    `SELECT grp, excluded_by AS k, ${d.countRows} AS n FROM ${sql.t("subjects")} GROUP BY grp, excluded_by`,
    // Referred patients every one of whose rows was invalid: no index date, excluded first (evaluate.ts's `unindexed`).
    `SELECT ${sql.text("referred")} AS grp, 1 AS k, ${d.countRows} AS n FROM ${sql.t("referred_ids")} WHERE pid NOT IN (SELECT pid FROM ${sql.t("referral_index")})`,
    ...(plan.comparison ? [`SELECT ${sql.text("comparison")} AS grp, 1 AS k, ${d.countRows} AS n FROM ${sql.t("comparison")} WHERE reason IS NULL AND pid IN (SELECT pid FROM ${sql.t("referred_ids")})`] : []),
  ].join("\n      UNION ALL\n      ");
  parts.push(
    select([lit("attrition"), lit(""), `CASE WHEN grp = ${lit("referred")} THEN ${ruleName(EXCLUSION_ORDER)} ELSE ${ruleName(COMPARISON_EXCLUSION_ORDER)} END`, "grp", "k", "0", d.sum("n")], `FROM (\n      ${attrition}\n    ) AS attrition GROUP BY grp, k`),
  );

  const extracts = [
    { extract: "referrals", rows: "referral_rows", parsed: "referrals", dates: ["intervention_date"] },
    ...(plan.comparison ? [{ extract: "comparison", rows: "comparison_rows", parsed: "comparison", dates: ["index_date"] }] : []),
    ...plan.activity.map((a) => ({ extract: a.extract, rows: rowsStep(a.extract), parsed: a.extract, dates: [a.dateColumn, ...a.otherDates] })),
  ];
  for (const { extract, rows, parsed, dates } of extracts) {
    const e = lit(extract);
    parts.push(select([lit("accounts"), e, lit("rows"), lit(""), "0", "0", d.countRows], `FROM ${sql.t(rows)}`));
    parts.push(select([lit("accounts"), e, lit("invalid"), "reason", "0", "0", d.countRows], `FROM ${sql.t(parsed)} WHERE reason IS NOT NULL GROUP BY reason`));
    for (const column of dates) {
      const shape = `CASE dd.shape WHEN ${lit("iso")} THEN ${lit(`${column}:iso`)} ELSE ${lit(`${column}:dmy`)} END`;
      parts.push(select([lit("accounts"), e, lit("dates"), "shape", "0", "0", d.sum("n")], `FROM (SELECT ${shape} AS shape, 1 AS n FROM ${sql.t(rows)} AS r JOIN ${sql.t("dates")} AS dd ON dd.txt = r.${valueOf(column)} WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape`));
    }
  }
  parts.push(select([lit("accounts"), lit("referrals"), lit("invalid"), lit("intervention_date:ambiguous_index_row"), "0", "0", d.countRows], `FROM ${sql.t("referral_index")} WHERE ambiguous = 1`));
  if (plan.comparison) {
    parts.push(select([lit("accounts"), lit("comparison"), lit("listed_twice"), lit(""), "0", "0", d.countRows], `FROM (SELECT pid FROM ${sql.t("comparison")} WHERE pid IS NOT NULL GROUP BY pid HAVING COUNT(*) > 1) AS twice`));
  }
  for (const a of plan.activity.filter((activity) => activity.repeatsOf !== undefined)) {
    const seen = `FROM ${sql.t(a.extract)} AS e JOIN ${sql.t("subjects")} AS s ON s.pid = e.pid WHERE e.reason IS NULL AND e.event_day IS NOT NULL`;
    parts.push(select([lit("accounts"), lit(a.extract), lit("spell_rows"), lit(""), "0", "0", d.countRows], seen));
    parts.push(
      select([lit("accounts"), lit(a.extract), lit("spell_distinct"), lit(""), "0", "0", d.countRows], `FROM (SELECT DISTINCT e.pid, e.event_day, upper(${missingAsEmptySql(`e.${valueOf(a.repeatsOf!)}`, d)}) AS same ${seen}) AS spells`),
    );
  }

  parts.push(select([lit("coverage"), "extract_name", lit(""), lit(""), `COALESCE(${d.yyyymmdd("earliest")}, 0)`, `COALESCE(${d.yyyymmdd("latest")}, 0)`, "dated"], `FROM ${sql.t("coverage")}`));
  const order = plan.referrals.columns.row_order !== undefined ? "ROW_NUMBER() OVER (ORDER BY first_order, cohort)" : "0";
  parts.push(
    select([lit("cohorts"), lit(""), "cohort", lit("referred"), order, "0", "n"], `FROM (SELECT cohort, MIN(row_order) AS first_order, ${d.countRows} AS n FROM ${sql.t("referrals")} WHERE reason IS NULL GROUP BY cohort) AS cohorts`),
  );
  if (plan.comparison) {
    parts.push(select([lit("cohorts"), lit(""), "cohort", lit("comparison"), "0", "0", d.countRows], `FROM ${sql.t("comparison")} WHERE NOT ${missingSql("cohort", d)} GROUP BY cohort`));
  }

  const t = d.textType;
  const n = d.numberType;
  const group = d.identifier("group");
  const query = `SELECT CAST(section AS ${t}) AS section, CAST(outcome AS ${t}) AS outcome, CAST(cohort AS ${t}) AS cohort, CAST(grp AS ${t}) AS ${group},
  CAST(a AS ${n}) AS a, CAST(b AS ${n}) AS b, CAST(n AS ${n}) AS n
FROM (
  ${parts.join("\n  UNION ALL\n  ")}
) AS long_form`;
  return { query, order: `ORDER BY section, outcome, cohort, ${group}, a, b` };
}
