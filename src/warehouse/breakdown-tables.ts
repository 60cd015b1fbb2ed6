import type { Settings } from "../config/settings.js";
import { type CohortCounts, type CohortLabel, pooledCounts } from "../core/aggregate.js";
import { breakdownRows, MAX_GROUPS, type OutcomeBreakdowns, tooManyGroups } from "../breakdown-rows.js";
import { cohortCountsFromTables, type Profile } from "./cohort-tables.js";
import { type Group, inconsistentResult } from "./long-form.js";
import type { WarehousePlan } from "./plan.js";
import type { LongRows } from "./row-accounts.js";

/**
 * One outcome's breakdown rows from a warehouse's `by_pairs` and `by_prior` tables: for each
 * breakdown, each cohort's patients made again group by group from the group's tables (as
 * cohort-tables.ts makes a cohort's), each given its group, and the rows worked out by
 * `breakdownRows`, exactly as a local run works them out from its patients. Every figure reads
 * only a group's tables, so which made patient stands for which changes none.
 */
export function breakdownsFromTables(
  long: LongRows,
  plan: WarehousePlan,
  outcome: { id: string; streamIndex: number },
  cohorts: readonly CohortCounts[],
  named: (spelling: string, group: Group) => string,
  settings: Settings,
  file: string,
): OutcomeBreakdowns | undefined {
  if (plan.breakdowns.length === 0) return undefined;
  const broken: OutcomeBreakdowns = { cohorts: cohorts.map(() => []), total: [], slots: new Map() };
  for (const { by } of plan.breakdowns) {
    const groups = long.of("by_groups", "", "", by)[0]?.a ?? 0;
    if (groups > MAX_GROUPS) throw tooManyGroups(by, groups);
    const tables = new Map<string, Map<string, { pairs: Profile[]; prior: Profile[] }>>();
    const into = (section: "by_pairs" | "by_prior", key: "pairs" | "prior") => {
      for (const row of long.of(section, outcome.id).filter((candidate) => candidate.group.startsWith(`${by}=`))) {
        const cohort = named(row.cohort, "referred");
        const group = row.group.slice(by.length + 1);
        const ofCohort = tables.get(cohort) ?? new Map<string, { pairs: Profile[]; prior: Profile[] }>();
        const ofGroup = ofCohort.get(group) ?? { pairs: [], prior: [] };
        ofGroup[key].push({ a: row.a, b: row.b, n: row.n });
        ofCohort.set(group, ofGroup);
        tables.set(cohort, ofCohort);
      }
    };
    into("by_pairs", "pairs");
    into("by_prior", "prior");
    const groupOfSlot = new Map<number, string>();
    let slot = 0;
    const made = cohorts.map((cohort): CohortCounts => {
      const label: CohortLabel = { cohort: cohort.cohort, label: cohort.label };
      const parts = [...(tables.get(cohort.cohort) ?? new Map()).entries()].map(([group, table]) => {
        const counts = cohortCountsFromTables(label, table.pairs, table.prior, file, slot);
        for (const each of counts.slots) groupOfSlot.set(each, group);
        slot += counts.slots.length;
        return counts;
      });
      const pooled = { ...pooledCounts(parts), ...label };
      if (pooled.slots.length !== cohort.slots.length) {
        throw inconsistentResult(file, `its by_pairs rows for ${by} hold ${pooled.slots.length} patient(s) of ${cohort.cohort}, its pairs rows ${cohort.slots.length}`);
      }
      return pooled;
    });
    const rows = breakdownRows(made, [{ column: by, groupOfSlot }], outcome.streamIndex, settings);
    rows.cohorts.forEach((breakdowns, i) => broken.cohorts[i]!.push(...breakdowns));
    broken.total.push(...rows.total);
    for (const [row, slots] of rows.slots) broken.slots.set(row, slots);
  }
  return broken;
}
