import type { EvaluationRun } from "../config/run.js";
import type { SpellRepeats } from "../core/spell-repeats.js";
import { type DataError, InputError } from "../errors.js";
import { isOverSkipLimit, skipLimitInWords } from "../extracts/skip-limit.js";
import type { ActivityRowAccount, RowCounts, SkippedRows } from "../result.js";
import type { LongRow } from "./long-form.js";
import type { WarehousePlan } from "./plan.js";

/** The long form's rows looked up by what they count. */
export class LongRows {
  constructor(readonly rows: readonly LongRow[]) {}

  of(section: LongRow["section"], outcome?: string, cohort?: string, group?: string): LongRow[] {
    return this.rows.filter((row) => row.section === section && (outcome === undefined || row.outcome === outcome) && (cohort === undefined || row.cohort === cohort) && (group === undefined || row.group === group));
  }

  /** The sum of `n` over the rows that match. */
  count(section: LongRow["section"], outcome?: string, cohort?: string, group?: string): number {
    return this.of(section, outcome, cohort, group).reduce((sum, row) => sum + row.n, 0);
  }
}

/** A reason of the script's (`column:reason`, steps/referrals.ts and steps/activity.ts), in words. */
export function invalidInWords(reason: string): { column: string; words: string } {
  const [column, why = ""] = reason.split(":") as [string, string?];
  const words: Record<string, string> = {
    missing: "is empty or a missing value (NULL, NA, N/A)",
    not_a_date: "is not a day that exists, written as the column's dates are",
    placeholder: "is a HES missing-date placeholder, not a real date",
    not_whole_number: "is not a whole number (0 or more, of at most nine digits)",
    not_ascii: "is not ASCII text: compared without regard to case, it could be read differently by the warehouse and by prepost (ß, ı), so it is not counted either way",
    ambiguous_index_row: "the patient's earliest date stands on rows that differ in cohort, consent or age, and the table has no row order to say which is first (map columns.referrals.row_order)",
  };
  return { column, words: words[why] ?? (why.startsWith("before_") ? `is before the ${why.slice("before_".length)}` : why) };
}

/** Every extract of the run the long form accounts for, by name and table, in reading order. */
export function extractsOf(run: EvaluationRun): { extract: string; table: string }[] {
  return [
    { extract: "referrals", table: run.referrals.file },
    ...Object.values(run.activity).map((source) => ({ extract: source.extract, table: source.file })),
    ...(run.comparison ? [{ extract: "comparison", table: run.comparison.file }] : []),
  ];
}

/**
 * The one place that decides what invalid values do to a warehouse result, as ProblemLog decides
 * for a file: by default any stops the run, naming the counts (the warehouse cannot name the lines);
 * with `--skip-invalid` they are reported as skipped, unless an extract has more than the limit. A
 * comparison patient listed twice stops it always (statistics.md).
 */
export function skippedRows(run: EvaluationRun, long: LongRows): SkippedRows[] {
  const problems: DataError[] = [];
  const skipped: SkippedRows[] = [];
  for (const { extract, table } of extractsOf(run)) {
    const invalid = long.of("accounts", extract, "invalid").filter((row) => row.n > 0);
    const total = invalid.reduce((sum, row) => sum + row.n, 0);
    if (total === 0) continue;
    const read = long.count("accounts", extract, "rows");
    const listed = invalid.map((row) => `${row.group.replace(":", ": ")} ${row.n}`).join(", ");
    if (!run.settings.skipInvalid) {
      problems.push({ code: "invalid_rows", file: table, line: 0, column: "", message: `${total} of ${read} rows are invalid (${listed}); the warehouse cannot name their lines: look at them there (docs/warehouse.md, "Invalid rows"), or give --skip-invalid to leave them out, reported` });
    } else if (isOverSkipLimit(total, read, run.settings.maxInvalid)) {
      problems.push({ code: "too_many_invalid", file: table, line: 0, column: "", message: `${total} of ${read} rows are invalid (${listed}), too many to skip (${skipLimitInWords(run.settings.maxInvalid)}): the table is likely not what the config says (its columns, its date format)` });
    }
    for (const row of invalid) {
      const { column, words } = invalidInWords(row.group);
      skipped.push({ file: table, extract, column, reason: words, rows: row.n, lines: [] });
    }
  }
  const twice = long.count("accounts", "comparison", "listed_twice");
  if (twice > 0) problems.push({ code: "invalid_comparison", file: run.comparison!.file, line: 0, column: run.comparison!.columns.patient_id ?? "patient_id", message: `${twice} patient(s) are listed twice: each comparison patient must be listed once` });
  if (problems.length > 0) throw new InputError(problems);
  return skipped;
}

/** One outcome's account of its extract's rows, in `accountRows`'s field order (core/row-account.ts). */
function outcomeAccount(run: EvaluationRun, plan: WarehousePlan, long: LongRows, outcome: WarehousePlan["outcomes"][number], skipped: readonly SkippedRows[]): ActivityRowAccount {
  const at = (key: string, detail?: string) => long.count("accounts", outcome.id, key, detail);
  const account: ActivityRowAccount = {
    read: long.count("accounts", outcome.extract, "rows"),
    skipped: skipped.filter((entry) => entry.extract === outcome.extract).reduce((sum, entry) => sum + entry.rows, 0),
    activityOfOthers: at("activity_of_others"),
    notCountable: Object.fromEntries([...outcome.reasons, "missing_date"].map((reason) => [reason, at("not_countable", reason)])),
    ofExcludedPatients: at("of_excluded_patients"),
    outsideWindows: at("outside_windows"),
    onIndexDay: at("on_index_day"),
    counted: at("counted"),
  };
  if (plan.comparison) account.comparison = at("comparison");
  return account;
}

/** `rows`, as `rowCounts` in evaluate.ts builds it, in its key order. */
export function rowCountsOf(run: EvaluationRun, plan: WarehousePlan, long: LongRows, skipped: SkippedRows[]): RowCounts {
  const rows: RowCounts = { referrals: long.count("accounts", "referrals", "rows"), activityOfOthers: 0, skipped, accounts: {} };
  for (const activity of plan.activity) {
    rows[activity.extract] = long.count("accounts", activity.extract, "rows");
    const first = plan.outcomes.find((outcome) => outcome.extract === activity.extract)!;
    rows.activityOfOthers += long.count("accounts", first.id, "activity_of_others");
  }
  if (plan.comparison) rows.comparison = long.count("accounts", "comparison", "rows");
  for (const outcome of plan.outcomes) rows.accounts[outcome.id] = outcomeAccount(run, plan, long, outcome, skipped);
  return rows;
}

/** Each extract read without its episode order: its spell repeats (spell-repeats.ts). */
export function repeatsOf(plan: WarehousePlan, long: LongRows): { extract: string; repeats: SpellRepeats }[] {
  return plan.activity
    .filter((activity) => activity.repeatsOf !== undefined)
    .map((activity) => {
      const rows = long.count("accounts", activity.extract, "spell_rows");
      return { extract: activity.extract, repeats: { rows, repeated: rows - long.count("accounts", activity.extract, "spell_distinct") } };
    });
}
