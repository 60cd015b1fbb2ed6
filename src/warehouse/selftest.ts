import { mergeSettings } from "../config/resolve-run.js";
import type { EvaluationRun } from "../config/run.js";
import type { ExtractSource } from "../extracts/source.js";
import type { Dialect, DialectName } from "./dialect.js";
import { DIALECT_OF } from "./dialects/index.js";
import { planFingerprint } from "./fingerprint.js";
import { warehousePlan } from "./plan.js";
import { SELFTEST_CHECKS, SELFTEST_TABLES } from "./selftest-extracts.js";
import { planSteps, warehouseScriptWith } from "./sql-script.js";
import { resultQuery } from "./steps/result.js";
import { type Step, sqlFor } from "./steps/step.js";

type TableName = keyof typeof SELFTEST_TABLES;

/** A tiny extract as a temporary table: one SELECT of literals a row (portable where a VALUES list is not: Synapse). */
function tableStep(name: TableName, d: Dialect): Step {
  const { columns, rows } = SELFTEST_TABLES[name];
  const select = (row: readonly (string | number)[]) =>
    `SELECT ${row.map((value, i) => `${typeof value === "number" ? `CAST(${value} AS ${d.numberType})` : `CAST(${d.literal(value)} AS ${d.textType})`} AS ${d.identifier(columns[i]!)}`).join(", ")}`;
  return { name: `test_${name}`, query: rows.map(select).join("\n  UNION ALL\n  ") };
}

const source = (extract: string, d: Dialect, columns: Record<string, string> = {}, absent: string[] = []): ExtractSource => ({
  extract,
  path: "",
  file: d.table(`test_${extract}`),
  columns,
  absent,
  format: { dateFormat: "iso", delimiter: undefined, encoding: "utf-8" },
  needed: {},
});

/** The run the self-test evaluates: its tables, a six-month window, ECDS coding, the coverage given, a breakdown by age band. */
function selftestRun(d: Dialect): EvaluationRun {
  const coverage = { start: "2019-01-01", end: "2023-12-31" };
  return {
    settings: mergeSettings({ window: "6m", dataStart: coverage.start, dataEnd: coverage.end, dateFormat: "iso", by: ["age_band"], ageBands: [18, 35, 55, 75] }, {}),
    referrals: source("referrals", d, { row_order: "row_order" }, ["consent", "onward_referrals"]),
    comparison: source("comparison", d),
    activity: { ae: source("ae", d), admissions: source("admissions", d, { episode_order: "episode_order" }, ["spell_id"]) },
    outcomes: [{ id: "ae_attendances" }, { id: "unplanned_admissions" }, { id: "emergency_bed_days" }],
    coverage: { ae: coverage, admissions: coverage },
  };
}

/**
 * `prepost sql --dialect D --selftest`: the tiny extracts of selftest-extracts.ts built in temporary
 * tables, evaluated by the very steps `prepost sql` writes, and one row per check: `check, expected,
 * found, result` (PASS or FAIL). An analyst runs it once in their warehouse before trusting the
 * script there: it shows that the warehouse adds months, reads dates and compares values as the spec says.
 */
export function selftestScript(name: DialectName): string {
  const d = DIALECT_OF[name];
  const sql = sqlFor(d);
  const plan = warehousePlan(selftestRun(d));
  const outcomesOf = (extract: string) => plan.outcomes.filter((outcome) => outcome.extract === extract).map((outcome) => outcome.descriptor);
  const tables = (Object.keys(SELFTEST_TABLES) as TableName[]).map((table) => tableStep(table, d));
  const fingerprint = planFingerprint(plan);
  const long = resultQuery(plan, fingerprint, d, sql);
  const result: Step = { name: "result", query: long.query };
  const group = d.identifier("group");
  const checks = SELFTEST_CHECKS.map(({ check, section, outcome, cohort, group: of, a, b, expected }) => {
    const where = [`section = ${d.literal(section)}`, `outcome = ${d.literal(outcome)}`, `cohort = ${d.literal(cohort)}`, `${group} = ${d.literal(of)}`, ...(a === undefined ? [] : [`a = ${a}`]), ...(b === undefined ? [] : [`b = ${b}`])];
    return `SELECT ${d.literal(check)} AS ${d.identifier("check")}, ${expected} AS expected, found, CASE WHEN found = ${expected} THEN ${d.literal("PASS")} ELSE ${d.literal("FAIL")} END AS result
    FROM (SELECT COALESCE(${d.sum("n")}, 0) AS found FROM ${sql.t("result")} WHERE ${where.join(" AND ")}) AS found_${SELFTEST_CHECKS.findIndex((c) => c.check === check)}`;
  });
  const checked: Step = { name: "checks", query: checks.join("\n  UNION ALL\n  ") };
  const steps = [...tables, ...planSteps(plan, d, outcomesOf), result, checked];
  return warehouseScriptWith(steps, plan, d, fingerprint, ["The self-test: tiny extracts with the spec's answers; every row should say PASS."], {
    query: `SELECT ${d.identifier("check")}, expected, found, result FROM ${sql.t("checks")}`,
    order: "",
  });
}
