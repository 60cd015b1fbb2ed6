import type { Settings } from "./config/settings.js";
import { InputError } from "./errors.js";
import { type CohortCounts, type CohortLabel } from "./core/aggregate.js";
import { type GroupedPatient, groupOf, groupOrder } from "./core/breakdowns.js";
import type { Breakdown, BreakdownRow } from "./result.js";
import { rowFigures, type RowPlace } from "./row-figures.js";

/**
 * The breakdown rows of one outcome (statistics.md, "Breakdowns"): for each `--by` column, each
 * cohort's row again within each group, and the Total's, each with every figure of a row. They
 * are the row's own patients split by group, so a breakdown's rows add up to the row it breaks
 * down, and the cohort rows are computed as before, from the same counts. The groups are those found
 * among the included referred patients, the same for every cohort (a cohort without a group's
 * patients shows it with none). The comparison group is not broken down: its patients' values of
 * the referrals' columns are not known.
 */

/** One `--by` column and each referred patient's group in it, by subject slot. */
export interface BreakdownColumn {
  column: string;
  groupOfSlot: ReadonlyMap<number, string>;
}

/** Each `--by` column with every referred patient's group in it. */
export function breakdownColumns(patients: readonly (GroupedPatient & { slot: number })[], settings: Pick<Settings, "by" | "ageBands">): BreakdownColumn[] {
  return settings.by.map((column) => ({ column, groupOfSlot: new Map(patients.map((patient) => [patient.slot, groupOf(patient, column, settings)])) }));
}

/** The cohort's patients in one group: every per-patient array cut to them, in the same order. */
function inGroup(counts: CohortCounts, column: BreakdownColumn, group: string): CohortCounts {
  const keep = Array.from(counts.slots, (slot) => column.groupOfSlot.get(slot) === group);
  const cut = <T extends Int32Array | Uint8Array>(values: T): T => values.filter((_, i) => keep[i]) as T;
  return {
    cohort: counts.cohort,
    label: counts.label,
    slots: cut(counts.slots),
    pre: cut(counts.pre),
    post: cut(counts.post),
    prior: cut(counts.prior),
    priorCovered: cut(counts.priorCovered),
  };
}

/**
 * The most groups one breakdown may have. A breakdown is for a few groups (sex, age bands, IMD
 * quintiles, an ICB's PCNs, which number up to about a hundred); a column with more (a postcode, a
 * date) would make rows of a patient or two each, near patient-level data, and a bootstrap apiece.
 */
export const MAX_GROUPS = 100;

export function tooManyGroups(column: string, groups: number): InputError {
  return new InputError([
    {
      code: "usage",
      file: "--by",
      line: 0,
      column: "",
      message: `${column} has ${groups.toLocaleString("en-GB")} different values among the included patients, more than the ${MAX_GROUPS} a breakdown may have: break the rows down by a column of a few groups (sex, age_band, imd_quintile, pcn)`,
    },
  ]);
}

type BreakdownSettings = Pick<Settings, "bootstrap" | "seed" | "ageBands">;

function row(column: string, group: string, label: CohortLabel, cohorts: readonly CohortCounts[], place: RowPlace, settings: BreakdownSettings): BreakdownRow {
  return { by: column, group, ...rowFigures(label, cohorts, undefined, { ...place, group: `${column}=${group}` }, settings) };
}

export interface OutcomeBreakdowns {
  /** Per cohort, in the cohort order: its breakdowns, one per column. */
  cohorts: Breakdown[][];
  total: Breakdown[];
  /** Per breakdown row (in the order above, cohorts first), the slots of its patients: what costs from a column are summed over. */
  slots: Map<BreakdownRow, Int32Array>;
}

/**
 * @param counts the included referred patients' counts, cohort by cohort (as the cohort rows have them)
 */
export function breakdownRows(counts: readonly CohortCounts[], columns: readonly BreakdownColumn[], streamIndex: number, settings: BreakdownSettings): OutcomeBreakdowns {
  const result: OutcomeBreakdowns = { cohorts: counts.map(() => []), total: [], slots: new Map() };
  for (const column of columns) {
    const found = new Set(counts.flatMap((cohort) => Array.from(cohort.slots, (slot) => column.groupOfSlot.get(slot)!)));
    if (found.size > MAX_GROUPS) throw tooManyGroups(column.column, found.size);
    const groups = groupOrder(column.column, found, settings.ageBands);
    const perGroup = groups.map((group) => counts.map((cohort) => inGroup(cohort, column, group)));
    counts.forEach((cohort, i) => {
      const rows = groups.map((group, g) => {
        const made = row(column.column, group, cohort, [perGroup[g]![i]!], { streamIndex, cohortIndex: i }, settings);
        result.slots.set(made, perGroup[g]![i]!.slots);
        return made;
      });
      result.cohorts[i]!.push({ by: column.column, rows });
    });
    const totals = groups.map((group, g) => {
      const made = row(column.column, group, { cohort: "Total", label: "Total" }, perGroup[g]!, { streamIndex }, settings);
      result.slots.set(made, Int32Array.from(perGroup[g]!.flatMap((cohort) => Array.from(cohort.slots))));
      return made;
    });
    result.total.push({ by: column.column, rows: totals });
  }
  return result;
}
