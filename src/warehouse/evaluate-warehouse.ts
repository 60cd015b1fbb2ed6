import type { EvaluationRun } from "../config/run.js";
import type { CohortCounts, CohortLabel } from "../core/aggregate.js";
import { COMPARISON_EXCLUSION_ORDER } from "../core/comparison-eligibility.js";
import { dayFromCivil } from "../core/day.js";
import { EXCLUSION_ORDER } from "../core/eligibility.js";
import type { AttritionStep } from "../core/eligibility-steps.js";
import { dataCoverage, type ObservedDates } from "../data-coverage.js";
import { InputError } from "../errors.js";
import { monthCount, windowMonths } from "../core/months.js";
import { outcomeMonths } from "../outcome-months.js";
import { outcomeFigures } from "../outcome-result.js";
import { type CohortMonths, monthTableOf } from "../stats/month-series.js";
import { decidedSettings, runWarnings } from "../run-record.js";
import { withCosts } from "../row-costs.js";
import { TOOL } from "../version.js";
import { CohortNames } from "../extracts/cohort-names.js";
import type { Result } from "../result.js";
import { breakdownsFromTables } from "./breakdown-tables.js";
import { matchedFromTables } from "./matched-tables.js";
import { cohortCountsFromTables, type Profile } from "./cohort-tables.js";
import { planFingerprint } from "./fingerprint.js";
import { type Group, inconsistentResult, type LongRow } from "./long-form.js";
import { type WarehousePlan, warehousePlan } from "./plan.js";
import { LongRows, repeatsOf, rowCountsOf, skippedRows } from "./row-accounts.js";

const problem = (file: string, message: string, code = "invalid_warehouse_result") => new InputError([{ code, file, line: 0, column: "", message }]);

/** The result must be the script's for this very plan: figures counted under other rules are not these. */
function checkFingerprint(plan: WarehousePlan, long: LongRows, file: string): void {
  const expected = planFingerprint(plan);
  const found = long.of("script").map((row) => row.cohort);
  if (found.length === 1 && found[0] === expected) return;
  const said = found.length === 0 ? "has no script row" : `was made by the script of plan ${found.join(", ")}`;
  throw problem(file, `${said}, but this config (and prepost version) gives plan ${expected}: the result was counted under other settings, tables or rules; run prepost sql with this config, run its script in the warehouse, and evaluate that result`, "stale_warehouse_result");
}

/** `auto` decides a column's format by its first date; a table has no first row, so a column written both ways is left to the user. */
function checkDateShapes(run: EvaluationRun, long: LongRows): void {
  const problems = [];
  for (const row of long.of("accounts", undefined, "dates")) {
    const [column, shape] = row.group.split(":");
    if (shape !== "iso" || row.n === 0) continue;
    const other = long.count("accounts", row.outcome, "dates", `${column}:dmy`);
    const source = row.outcome === "referrals" ? run.referrals : row.outcome === "comparison" ? run.comparison : run.activity[row.outcome];
    if (other === 0 || source?.format.dateFormat !== "auto") continue;
    problems.push({ code: "mixed_date_formats", file: source.file, line: 0, column: column!, message: `has dates written YYYY-MM-DD (${row.n}) and D/M/YYYY (${other}); a table has no first row to decide by: say which with formats.${row.outcome}.dateFormat ("iso" or "dmy"), and the others are then invalid` });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** The cohorts as rule 5 orders and labels them, and what each spelling in the long form names. */
function cohortsOf(run: EvaluationRun, plan: WarehousePlan, long: LongRows, file: string): { cohorts: CohortLabel[]; named: (spelling: string, group: Group) => string } {
  const names = new CohortNames(run.cohorts);
  const spellings = long.of("cohorts", undefined, undefined, "referred");
  const ordered = plan.referrals.columns.row_order !== undefined;
  if (!ordered && !run.cohorts && spellings.length > 1) {
    throw problem(
      run.referrals.file,
      `has ${spellings.length} cohorts (as written), and no row order to tell which appeared first: list them in the config's "cohorts" (their order and labels), or map columns.referrals.row_order`,
    );
  }
  const referred = new Map<string, string>();
  for (const row of [...spellings].sort((x, y) => x.a - y.a)) referred.set(row.cohort, names.ofReferral(row.cohort, 0));
  const stop = [...names.nhsNumberProblem(run.referrals.file, run.referrals.columns.cohort ?? "cohort"), ...names.unlistedProblems(run.referrals.file, run.referrals.columns.cohort ?? "cohort")];
  const comparison = new Map<string, string>();
  for (const row of long.of("cohorts", undefined, undefined, "comparison")) {
    const cohort = names.find(row.cohort);
    if (cohort === undefined) stop.push({ code: "invalid_comparison", file: run.comparison!.file, line: 0, column: run.comparison!.columns.cohort ?? "cohort", value: row.cohort, message: `names no cohort of the referrals (${row.n} row${row.n === 1 ? "" : "s"})` });
    else comparison.set(row.cohort, cohort);
  }
  if (stop.length > 0) throw new InputError(stop);
  return {
    cohorts: names.cohorts(),
    named: (spelling, group) => {
      const cohort = (group === "referred" ? referred : comparison).get(spelling);
      if (cohort === undefined) throw inconsistentResult(file, `names cohort ${JSON.stringify(spelling)} in its counts but not in its cohorts rows`);
      return cohort;
    },
  };
}

const dayOfNumber = (yyyymmdd: number) => dayFromCivil(Math.floor(yyyymmdd / 10000), Math.floor(yyyymmdd / 100) % 100, yyyymmdd % 100);

function observed(run: EvaluationRun, long: LongRows): ObservedDates[] {
  return Object.values(run.activity).map((source) => {
    const row = long.of("coverage", source.extract)[0];
    const dated = row !== undefined && row.n > 0;
    return { extract: source.extract, file: source.file, earliest: dated ? dayOfNumber(row.a) : null, latest: dated ? dayOfNumber(row.b) : null };
  });
}

function attritionOf<Reason extends string>(long: LongRows, group: Group, order: readonly Reason[]): { attrition: AttritionStep<Reason>[]; start: number } {
  const excluded = order.map((reason) => long.count("attrition", "", reason, group));
  let remaining = excluded.reduce((sum, n) => sum + n, 0) + long.count("attrition", "", "included", group);
  const start = remaining;
  return {
    start,
    attrition: order.map((reason, i) => {
      remaining -= excluded[i]!;
      return { reason, excluded: excluded[i]!, remaining };
    }),
  };
}

/** Each cohort's patients of one group for one outcome, from the pairs and prior tables. */
function countsOf(long: LongRows, outcome: string, group: Group, cohorts: readonly CohortLabel[], named: (spelling: string, group: Group) => string, included: number, file: string): CohortCounts[] {
  const tables = new Map(cohorts.map((cohort) => [cohort.cohort, { pairs: [] as Profile[], prior: [] as Profile[] }]));
  const into = (rows: LongRow[], key: "pairs" | "prior") => {
    for (const row of rows) tables.get(named(row.cohort, group))![key].push({ a: row.a, b: row.b, n: row.n });
  };
  into(long.of("pairs", outcome, undefined, group), "pairs");
  into(long.of("prior", outcome, undefined, group), "prior");
  let slots = 0;
  const counts = cohorts.map((cohort) => {
    const made = cohortCountsFromTables(cohort, tables.get(cohort.cohort)!.pairs, tables.get(cohort.cohort)!.prior, file, slots);
    slots += made.slots.length;
    return made;
  });
  // Every included patient has a (pre, post) pair, zero or not: a row lost on the way would lose patients from the figures.
  if (slots !== included) throw inconsistentResult(file, `its pairs rows for ${outcome} (${group}) hold ${slots} patient(s), its attrition rows ${included} included`);
  return counts;
}

/** Each cohort's covered patients' month tables for one outcome and group, from the `months` rows. */
/** `complete`: the series is the window's own months, so it is over every included patient (their windows are in the data). */
function monthsOf(long: LongRows, outcome: string, group: Group, cohorts: readonly CohortCounts[], named: (spelling: string, group: Group) => string, months: number, complete: boolean, file: string): CohortMonths[] {
  const count = monthCount(months);
  const cells = new Map(cohorts.map((cohort) => [cohort.cohort, Array.from({ length: count }, () => new Map<number, number>())]));
  for (const row of long.of("months", outcome, undefined, group)) {
    if (row.a >= count) throw inconsistentResult(file, `has a months row for month ${row.a} of ${outcome}, beyond the ${count} months of this config's series`);
    const month = cells.get(named(row.cohort, group))![row.a]!;
    month.set(row.b, (month.get(row.b) ?? 0) + row.n);
  }
  return cohorts.map((cohort) => {
    const tables = cells.get(cohort.cohort)!.map(monthTableOf);
    const patients = tables.map((table) => table.patients.reduce((sum, n) => sum + n, 0));
    // Every covered patient has a count (0 or more) in every month: the months must agree.
    if (patients.some((n) => n !== patients[0])) throw inconsistentResult(file, `its months rows for ${outcome}, ${cohort.cohort} (${group}) hold different patients in different months`);
    const covered = patients[0] ?? 0;
    const included = cohort.slots.length;
    if (complete ? covered !== included : covered > included) {
      throw inconsistentResult(file, `its months rows for ${outcome}, ${cohort.cohort} (${group}) hold ${covered} patient(s), of ${included} included`);
    }
    return { patients: covered, months: tables };
  });
}

/**
 * The evaluation from a warehouse's result (docs/warehouse.md): the long form read back into the
 * parts `evaluateCounts` works out from files (settings, rows, attrition, each outcome's per-patient
 * counts), then the same statistics, the same result object. Every count is as computed, before
 * disclosure control (publish through `forPublication`, as `evaluate` does).
 */
export async function evaluateWarehouse(run: EvaluationRun, rows: readonly LongRow[], file: string): Promise<Result> {
  const plan = warehousePlan(run);
  const long = new LongRows(rows);
  checkFingerprint(plan, long, file);
  const skipped = skippedRows(run, long);
  checkDateShapes(run, long);
  const { cohorts, named } = cohortsOf(run, plan, long, file);
  const settings = decidedSettings(run, dataCoverage(run, observed(run, long)), "warehouse");
  const referred = attritionOf(long, "referred", EXCLUSION_ORDER);
  const comparison = plan.comparison ? attritionOf(long, "comparison", COMPARISON_EXCLUSION_ORDER) : undefined;
  const includedOf = (group: { start: number; attrition: readonly AttritionStep<string>[] }) => group.attrition.at(-1)?.remaining ?? group.start;
  const complete = settings.months === windowMonths(plan.window);
  const tables = Object.fromEntries([["referrals", run.referrals.file], ...Object.values(run.activity).map((source) => [source.extract, source.file]), ...(run.comparison ? [["comparison", run.comparison.file]] : [])]);
  const columns = { referrals: plan.referrals.used, ...Object.fromEntries(plan.activity.map((activity) => [activity.extract, activity.used])), ...(plan.comparison ? { comparison: plan.comparison.used } : {}) };
  // The fields in the order a local run's result has them (evaluate.ts).
  return {
    tool: { ...TOOL },
    settings,
    inputs: { ...tables, warehouseResult: file, columns, formats: {} },
    warnings: runWarnings(repeatsOf(plan, long).map(({ extract, repeats }) => ({ extract, file: run.activity[extract]!.file, repeats }))),
    rows: rowCountsOf(run, plan, long, skipped),
    referred: referred.start,
    attrition: referred.attrition,
    ...(comparison ? { comparison_listed: comparison.start, comparison_attrition: comparison.attrition } : {}),
    outcomes: withCosts(
      await Promise.all(plan.outcomes.map((outcome) => {
        const referredCounts = countsOf(long, outcome.id, "referred", cohorts, named, includedOf(referred), file);
        const comparisonCounts = comparison ? countsOf(long, outcome.id, "comparison", cohorts, named, includedOf(comparison), file) : undefined;
        const months = outcomeMonths(
          monthsOf(long, outcome.id, "referred", referredCounts, named, settings.months, complete, file),
          comparisonCounts && monthsOf(long, outcome.id, "comparison", comparisonCounts, named, settings.months, complete, file),
          outcome.descriptor.streamIndex,
          settings,
        );
        const broken = breakdownsFromTables(long, plan, { id: outcome.id, streamIndex: outcome.descriptor.streamIndex }, referredCounts, named, settings, file);
        const matched = comparison && matchedFromTables(long, plan, outcome.id, referredCounts, named, comparison.start, file);
        return outcomeFigures(outcome.descriptor, referredCounts, comparisonCounts, settings, { months, ...(broken ? { broken } : {}), ...(matched ? { matched } : {}) });
      })),
      settings,
    ),
  };
}
