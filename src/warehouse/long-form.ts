import { InputError } from "../errors.js";

/**
 * The one result set the warehouse script returns (warehouse.md): `section, outcome, cohort, group,
 * a, b, n`, every value a count or a name, never a patient's identifier or date. What each section's
 * columns hold is said once here, for the script that writes them and the reader that takes them in.
 *
 * | section   | outcome           | cohort                         | group                   | a          | b        | n        |
 * | --------- | ----------------- | ------------------------------ | ----------------------- | ---------- | -------- | -------- |
 * | pairs     | outcome id        | cohort, as written             | referred / comparison   | pre        | post     | patients |
 * | prior     | outcome id        | cohort, as written             | referred / comparison   | prior      | pre      | patients whose prior window is covered |
 * | months    | outcome id        | cohort, as written             | referred / comparison   | month + K (0 is month −K) | its count | patients whose months are all covered |
 * | by_pairs  | outcome id        | cohort, as written             | breakdown=group (`sex=F`) | pre      | post     | included referred patients in the group |
 * | by_prior  | outcome id        | cohort, as written             | breakdown=group         | prior      | pre      | those of them whose prior window is covered |
 * | by_groups |                   |                                | the breakdown (`--by`)  | its groups | 0        | 0        |
 * | sets      | outcome id        | the case's cohort, as written  | controls:their pre:their post (`2:3:1`) | the case's pre | its post | matched sets |
 * | set_counts |                  | cohort, as written             | unmatched / controls_without_case | 0 | 0     | cases, or controls |
 * | set_cohorts |                 | the case's cohort, as written  | its controls' cohort, as written | 0 | 0     | controls |
 * | attrition |                   | the rule (or `included`)       | referred / comparison   | its number | 0        | patients |
 * | accounts  | outcome id or extract | what the rows are (`counted`, `invalid`…) | the reason or column | 0 | 0 | rows |
 * | coverage  | extract           |                                |                         | earliest YYYYMMDD | latest | dated rows |
 * | cohorts   |                   | cohort, as written             | referred / comparison   | order of first appearance (0: no row order) | 0 | rows |
 * | script    |                   | the plan's fingerprint         |                         | 0          | 0        | 0        |
 */
/**
 * A result whose sections disagree with each other (rows lost or edited on the way out of the
 * warehouse): never evaluated, since what is missing would be missing from the figures too.
 */
export function inconsistentResult(file: string, message: string): InputError {
  return new InputError([{ code: "inconsistent_warehouse_result", file, line: 0, column: "", message: `${message}: the result is not one run's of the script` }]);
}

export const LONG_FORM_COLUMNS = ["section", "outcome", "cohort", "group", "a", "b", "n"] as const;

export type Section = "pairs" | "prior" | "months" | "by_pairs" | "by_prior" | "by_groups" | "sets" | "set_counts" | "set_cohorts" | "attrition" | "accounts" | "coverage" | "cohorts" | "script";
export const SECTIONS: readonly Section[] = ["pairs", "prior", "months", "by_pairs", "by_prior", "by_groups", "sets", "set_counts", "set_cohorts", "attrition", "accounts", "coverage", "cohorts", "script"];

export type Group = "referred" | "comparison";
export const GROUPS: readonly Group[] = ["referred", "comparison"];

export interface LongRow {
  section: Section;
  outcome: string;
  cohort: string;
  group: string;
  a: number;
  b: number;
  n: number;
  /** Where it stood in the file (for messages). */
  line: number;
}

/** The `accounts` keys of an outcome's rows (row-account.ts's fields), and of an extract's. */
export const OUTCOME_ACCOUNTS = ["activity_of_others", "not_countable", "of_excluded_patients", "outside_windows", "on_index_day", "counted", "comparison"] as const;
export const EXTRACT_ACCOUNTS = ["rows", "invalid", "dates", "spell_rows", "spell_distinct", "listed_twice"] as const;
