import type {
  CohortFigures,
  RunWarning,
  ActivityRowAccount,
  AttritionStep,
  Count,
  NotCountableReason,
  OutcomeResult,
  PublishedResult,
  Result,
  RowCounts,
} from "../result.js";
import { DISCLOSURE_NOTE, DISCLOSURE_RULE, disclosedCount } from "./rule.js";
import { maskedLabels } from "./mask-labels.js";
import { suppressRow } from "./suppress-row.js";
import { suppressMonths } from "./suppress-months.js";
import { episodeLevelMessage } from "../core/spell-repeats.js";
import { suppressMatchReport } from "./suppress-match.js";

/** Every count field of a flat record through the rule, the withheld ones listed under `suppressed`. */
function suppressCounts<T extends object>(record: T, fields: readonly (keyof T & string)[], prefix = ""): { out: T; names: string[] } {
  const out = { ...record } as Record<string, unknown>;
  const names: string[] = [];
  for (const field of fields) {
    const value = out[field];
    if (typeof value !== "number") continue;
    out[field] = disclosedCount(value);
    if (out[field] === null) names.push(prefix + field);
  }
  return { out: out as T, names };
}

function suppressSteps<Reason extends string>(steps: readonly AttritionStep<Reason>[]): AttritionStep<Reason, Count>[] {
  return steps.map((step) => {
    const { out, names } = suppressCounts<AttritionStep<Reason, Count>>(step, ["excluded", "remaining"]);
    return { ...out, suppressed: names };
  });
}

const ACCOUNT_FIELDS = ["read", "skipped", "activityOfOthers", "ofExcludedPatients", "outsideWindows", "onIndexDay", "counted", "comparison", "missingCost"] as const;

function suppressAccount(account: ActivityRowAccount): ActivityRowAccount<Count> {
  const top = suppressCounts<ActivityRowAccount<Count>>(account, [...ACCOUNT_FIELDS]);
  const reasons = Object.keys(account.notCountable) as NotCountableReason[];
  const notCountable = suppressCounts<Record<NotCountableReason, Count>>(account.notCountable, reasons, "notCountable.");
  return { ...top.out, notCountable: notCountable.out, suppressed: [...top.names, ...notCountable.names] };
}

function suppressRows(rows: RowCounts): RowCounts<Count> {
  // Every number of `rows` is a count: the referrals', each activity extract's, the comparison group's, others'.
  const counts = Object.keys(rows).filter((field) => typeof rows[field] === "number");
  const { out, names } = suppressCounts<RowCounts<Count>>(rows, counts);
  const accounts: RowCounts<Count>["accounts"] = Object.fromEntries(Object.entries(rows.accounts).map(([outcome, account]) => [outcome, suppressAccount(account)]));
  const skipped = rows.skipped.map((entry) => {
    const counted = suppressCounts(entry, ["rows"]);
    // The skipped lines are listed for the analyst; published, their number would tell the count.
    return { ...counted.out, rows: counted.out.rows as Count, lines: [], suppressed: counted.names };
  });
  return { ...out, skipped, accounts, suppressed: names };
}

/** A row and each of its breakdown rows, each through the rule on its own counts, as a row is (statistics.md: every breakdown row). */
function suppressWithBreakdowns(row: CohortFigures): CohortFigures<Count> {
  const shown = suppressRow(row);
  if (!row.breakdowns) return shown;
  // suppressRow keeps what it does not know about: the breakdowns are replaced here, never left as they were.
  return { ...shown, breakdowns: row.breakdowns.map((breakdown) => ({ ...breakdown, rows: breakdown.rows.map((inner) => ({ ...suppressRow(inner), by: inner.by, group: inner.group })) })) };
}

function suppressOutcome(outcome: OutcomeResult): OutcomeResult<Count> {
  return {
    ...outcome,
    cohorts: outcome.cohorts.map(suppressWithBreakdowns),
    total: suppressWithBreakdowns(outcome.total),
    ...(outcome.months ? { months: suppressMonths(outcome.months) } : {}),
  };
}

/** A warning's counts through the rule, and its words from them. */
function suppressWarning(warning: RunWarning): RunWarning<Count> {
  const rows = disclosedCount(warning.rows);
  const repeated = disclosedCount(warning.repeated);
  return { ...warning, rows, repeated, message: episodeLevelMessage(warning.file, repeated, rows) };
}

/**
 * `--suppress`: the result as it may be published under NHS England's HES/ECDS rule. Every count
 * (figures, attrition, row accounts) goes through the rule; what is computed from counts is
 * recomputed from the rounded ones; every total (Total rows, referred, remaining) is rounded from
 * its own true value. The result says so in `disclosure`. The input is left untouched.
 */
export function suppressResult(result: Result): PublishedResult {
  const { tool, settings, inputs, ...rest } = result;
  const published: PublishedResult = {
    tool,
    settings,
    inputs,
    disclosure: { rule: DISCLOSURE_RULE, note: DISCLOSURE_NOTE },
    ...rest,
    rows: suppressRows(result.rows),
    referred: disclosedCount(result.referred),
    attrition: suppressSteps(result.attrition),
    outcomes: result.outcomes.map(suppressOutcome),
    warnings: result.warnings.map(suppressWarning),
  };
  if (result.comparison_attrition) {
    const first = result.comparison_attrition[0];
    const listed = result.comparison_listed ?? (first ? first.excluded + first.remaining : 0);
    published.comparison_listed = disclosedCount(listed);
    published.comparison_attrition = suppressSteps(result.comparison_attrition);
  }
  if (result.match) published.match = suppressMatchReport(result.match);
  return published;
}

/** The result as the settings say to publish it: suppressed with `--suppress`, else as it is; its texts masked either way. */
export function forPublication(result: Result): PublishedResult {
  return maskedLabels(result.settings.suppress ? suppressResult(result) : result);
}
