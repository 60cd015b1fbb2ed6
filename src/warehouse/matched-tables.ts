import type { CohortLabel } from "../core/aggregate.js";
import { InputError } from "../errors.js";
import { inCountOrder, type MatchedSetCounts } from "../match/matched-did.js";
import type { CohortSets } from "../matched-figures.js";
import { type Group, inconsistentResult } from "./long-form.js";
import type { WarehousePlan } from "./plan.js";
import type { LongRows } from "./row-accounts.js";
import { hasMatchedSets } from "./steps/matched-sets.js";

const PROFILE = /^(\d{1,15}):(\d{1,15}):(\d{1,15})$/;

/**
 * The matched sets of a warehouse's result, for one outcome: each cohort's set counts from its
 * `sets` table (in the order of their counts, as a local run orders them, so the bootstrap draws
 * the same sets), and its unmatched cases and controls without a case. None where the comparison
 * table has no `matched_to`, or no control: a local run then compares with the group as a whole.
 * No patient is known here, so the sets name none (`cases`, `controls` are empty).
 */
export function matchedFromTables(
  long: LongRows,
  plan: WarehousePlan,
  outcome: string,
  cohorts: readonly (CohortLabel & { slots: ArrayLike<number> })[],
  named: (spelling: string, group: Group) => string,
  controlsListed: number,
  file: string,
): { strata: MatchedSetCounts[]; sets: CohortSets[] } | undefined {
  if (!hasMatchedSets(plan) || controlsListed === 0) return undefined;
  for (const row of long.of("set_cohorts")) {
    const cases = named(row.cohort, "referred");
    const controls = named(row.group, "comparison");
    if (cases !== controls) {
      throw new InputError([
        { code: "not_in_warehouse_form", file, line: row.line, column: "matched_to", message: `${row.n} control(s) of cohort ${controls} are matched to cases of cohort ${cases}: a set is of one cohort; check the comparison table's cohorts, or evaluate the extracts locally` },
      ]);
    }
  }
  const tables = new Map(cohorts.map((cohort) => [cohort.cohort, [] as { profile: number[]; n: number }[]]));
  for (const row of long.of("sets", outcome)) {
    const profile = PROFILE.exec(row.group);
    if (!profile) throw inconsistentResult(file, `line ${row.line}: a sets row's group is controls:pre:post, not ${JSON.stringify(row.group)}`);
    const [controls, pre, post] = profile.slice(1).map(Number) as [number, number, number];
    if (controls < 1) throw inconsistentResult(file, `line ${row.line}: a matched set has at least one control`);
    tables.get(named(row.cohort, "referred"))!.push({ profile: [row.a, row.b, controls, pre, post], n: row.n });
  }
  const count = (group: "unmatched" | "controls_without_case", cohort: string, as: Group) =>
    long.of("set_counts", "", undefined, group).filter((row) => named(row.cohort, as) === cohort).reduce((sum, row) => sum + row.n, 0);
  const strata = cohorts.map((cohort) => {
    const rows = tables.get(cohort.cohort)!.flatMap(({ profile, n }) => Array.from({ length: n }, () => profile));
    const field = (i: number) => Int32Array.from(rows, (profile) => profile[i]!);
    return inCountOrder({ casePre: field(0), casePost: field(1), controls: field(2), controlsPre: field(3), controlsPost: field(4) });
  });
  const sets = cohorts.map((cohort) => ({ cases: [], controls: [], unmatched: count("unmatched", cohort.cohort, "referred"), controlsWithoutCase: count("controls_without_case", cohort.cohort, "comparison") }));
  // Every included case is in a set or unmatched.
  cohorts.forEach((cohort, i) => {
    const cases = strata[i]!.casePre.length + sets[i]!.unmatched;
    if (cases !== cohort.slots.length) throw inconsistentResult(file, `its sets and set_counts rows for ${outcome}, ${cohort.cohort} hold ${cases} case(s), its pairs rows ${cohort.slots.length}`);
  });
  return { strata, sets };
}
