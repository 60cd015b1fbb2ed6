import { boundaryShifts, monthCount } from "../../core/months.js";
import type { Dialect } from "../dialect.js";
import type { OutcomePlan, WarehousePlan } from "../plan.js";
import { classified } from "./outcome.js";
import type { Sql, Step } from "./step.js";

/**
 * The months around each index date (statistics.md), as `months.ts` places them: each subject's
 * months −K…K as [first day, first day after), from the same boundary shifts of the index date
 * (`boundaryShifts`), rendered with the dialect's month arithmetic (which clamps, as rule 3 does).
 * A row is in the month its day is in; a spell's nights are in the months their days are in.
 */

export const monthsStep = (index: number) => `outcome${index}_months`;

/** Boundary i of a subject's months, as SQL over its index date. */
function boundarySql(plan: WarehousePlan, months: number, i: number, d: Dialect): string {
  const shift = boundaryShifts(plan.window, months)[i]!;
  const shifted = shift.months === 0 ? "s.index_date" : d.addMonths("s.index_date", shift.months);
  return shift.days === 0 ? shifted : d.addDays(shifted, shift.days);
}

/**
 * Every subject's months (`month_index` 0…2K, month −K being 0), and `covered`: the data cover all of
 * them (from the first month's first day to the last month's last day), as outcome-months.ts has it.
 */
export function monthBoundsStep(plan: WarehousePlan, months: number, d: Dialect, sql: Sql): Step {
  const last = monthCount(months);
  const covered = `CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND ${boundarySql(plan, months, 0, d)} >= sp.data_start
      AND ${boundarySql(plan, months, last, d)} <= ${d.addDays("sp.data_end", 1)} THEN 1 ELSE 0 END`;
  const perMonth = Array.from(
    { length: last },
    (_, m) => `SELECT s.pid, ${m} AS month_index, ${boundarySql(plan, months, m, d)} AS month_first, ${boundarySql(plan, months, m + 1, d)} AS month_after, ${covered} AS covered
  FROM ${sql.t("subjects")} AS s CROSS JOIN ${sql.t("span")} AS sp`,
  );
  return { name: "month_bounds", query: perMonth.join("\n  UNION ALL\n  ") };
}

/** One outcome's units per subject and month: countable rows in the month, or a spell's nights in it. */
export function outcomeMonthsStep(outcome: OutcomePlan, index: number, plan: WarehousePlan, d: Dialect, sql: Sql): Step {
  const b = sql.t("month_bounds");
  if (outcome.adds === "one") {
    return {
      name: monthsStep(index),
      query: `SELECT c.pid, b.month_index, ${d.countRows} AS units
  FROM (${classified(outcome, plan, d, sql)}) AS c JOIN ${b} AS b ON b.pid = c.pid AND c.event_day >= b.month_first AND c.event_day < b.month_after
  WHERE c.code BETWEEN 0 AND 4 GROUP BY c.pid, b.month_index`,
    };
  }
  const from = sql.greater("n.stay_from", "b.month_first");
  const to = sql.lesser("n.stay_to", "b.month_after");
  return {
    name: monthsStep(index),
    query: `SELECT n.pid, b.month_index, ${d.sum(d.daysBetween(from, to))} AS units
  FROM ${sql.t(`outcome${index}_nights`)} AS n JOIN ${b} AS b ON b.pid = n.pid AND n.stay_from < b.month_after AND n.stay_to > b.month_first
  GROUP BY n.pid, b.month_index`,
  };
}

/** The `months` rows of the long form: per cohort, group and month, how many included, covered patients had each count. */
export function monthsResult(index: number, d: Dialect, sql: Sql): { from: string; columns: string[] } {
  const units = `COALESCE(m.units, 0)`;
  return {
    columns: ["s.cohort", "s.grp", "b.month_index", units, d.countRows],
    from: `FROM ${sql.t("subjects")} AS s JOIN ${sql.t("month_bounds")} AS b ON b.pid = s.pid
      LEFT JOIN ${sql.t(monthsStep(index))} AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, ${units}`,
  };
}
