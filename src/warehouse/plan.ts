import type { EvaluationRun, GivenCoverage } from "../config/run.js";
import { civilFromDay, type CivilDate } from "../core/day.js";
import { parseWindowLength, type IndexDayRule, type WindowLength } from "../core/windows.js";
import { extractColumns } from "../extracts/activity-rows.js";
import { COMPARISON_COLUMNS } from "../extracts/comparison.js";
import { type DateSetting, HES_MISSING_DATES } from "../extracts/dates.js";
import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import type { ExtractSource } from "../extracts/source.js";
import type { ColumnUse } from "../io/columns.js";
import type { CountingRule, Outcome } from "../outcomes/outcome.js";
import { outcomeOf } from "../outcomes/registry.js";
import { InputError } from "../errors.js";
import { AGE_BAND } from "../core/breakdowns.js";

/**
 * The small description of an evaluation that the warehouse script is rendered from (sql-script.ts):
 * which table and columns each extract is read from, the rules' settings, and each outcome's
 * countability rule as its descriptor gives it (its SQL twin is asked for, per dialect, when the
 * script is written). Plain data but for the rules, decided once from the resolved run.
 */

/** A table's columns, by spec name, as the script reads them; and the header each stands for, for `inputs`. */
export interface TableColumns {
  table: string;
  columns: Record<string, string>;
  used: Record<string, ColumnUse | null>;
  dateFormat: DateSetting;
}

export interface ActivityPlan extends TableColumns {
  extract: string;
  dateColumn: string;
  /** Date columns beyond the event date (a discharge date), each an optional date. */
  otherDates: string[];
  /** Columns compared without regard to case (a row whose value is not ASCII is not counted: see steps/activity.ts). */
  caseless: string[];
  coverage: GivenCoverage;
  /** An extract that may be episode-level, read without its order column: the column whose repeats are counted (spell-repeats.ts). */
  repeatsOf?: string;
}

export interface OutcomePlan {
  id: string;
  extract: string;
  adds: Outcome["adds"];
  reasons: readonly string[];
  rule: CountingRule;
  descriptor: Outcome;
}

/** One `--by` breakdown: a referral column read from the index row (as `by0`, `by1`… in the script), or the age bands. */
export interface BreakdownPlan {
  by: string;
  /** The script's name for the column's value (`by0`…); absent for `age_band`, made from the age. */
  key?: string;
  ageBands: readonly number[];
}

export interface WarehousePlan {
  referrals: TableColumns;
  breakdowns: BreakdownPlan[];
  comparison?: TableColumns;
  activity: ActivityPlan[];
  outcomes: OutcomePlan[];
  window: WindowLength;
  /** K: the months −K…K around each index date (statistics.md). */
  months: number;
  indexDay: IndexDayRule;
  from: string | null;
  to: string | null;
  requireConsent: boolean;
  minOnwardReferrals: number | null;
  minAge: number | null;
  /** HES's placeholder dates (dates.ts), as dates. */
  placeholders: CivilDate[];
}

/** Read only where mapped: a table seldom has it, and without it rule 1's ties are reported (warehouse.md). */
const ONLY_WHERE_MAPPED = new Set(["row_order"]);

/**
 * The columns a table is read by: each one mapped, else by the spec's name, as a file's are found;
 * but a script cannot look at a table's columns as the row reader looks at a header, so an optional
 * column the table lacks must be mapped to null (`absent`), and export names are not looked for.
 */
function tableColumns(source: ExtractSource, spec: readonly { name: string; required: boolean }[]): TableColumns {
  const columns: Record<string, string> = {};
  const used: Record<string, ColumnUse | null> = {};
  for (const { name, required } of spec) {
    const mapped = source.columns[name];
    const absent = !required && source.absent?.includes(name);
    if (mapped !== undefined && !absent) {
      columns[name] = mapped;
      used[name] = { header: mapped, by: "mapping" };
    } else if (!absent && (required || !ONLY_WHERE_MAPPED.has(name))) {
      columns[name] = name;
      used[name] = { header: name, by: "default" };
    } else {
      used[name] = null;
    }
  }
  return { table: source.file, columns, used, dateFormat: source.format.dateFormat };
}

function activityPlan(run: EvaluationRun, extract: string, outcomes: readonly Outcome[]): ActivityPlan {
  const source = run.activity[extract]!;
  const spec = extractColumns(outcomes, false);
  const read = tableColumns(source, spec);
  const described = outcomes[0]!.extract;
  const episodes = described.episodes;
  return {
    ...read,
    extract,
    dateColumn: described.dateColumn,
    otherDates: spec.filter((column) => column.kind === "date" && column.name !== described.dateColumn && read.columns[column.name] !== undefined).map((column) => column.name),
    caseless: outcomes.flatMap((outcome) => outcome.columns).filter((column) => column.caseless && read.columns[column.name] !== undefined).map((column) => column.name),
    coverage: run.coverage?.[extract] ?? { start: run.settings.dataStart, end: run.settings.dataEnd },
    ...(episodes && read.columns[episodes.orderColumn] === undefined ? { repeatsOf: episodes.sameColumn } : {}),
  };
}

/**
 * What the script cannot count yet, said rather than left out: a cost column sums each row's cost,
 * which the long form has no place for (unit costs need nothing from the warehouse and are fine).
 */
function refuseWhatCannotBeRendered(run: EvaluationRun): void {
  const problem = (column: string, message: string) => ({ code: "not_in_warehouse_form", file: "prepost sql", line: 0, column, message });
  const problems = Object.entries(run.settings.costColumns).map(([outcome, column]) =>
    problem(`costColumns.${outcome}`, `costs from a column (${column}) are not counted by the warehouse script: give a unit cost (--unit-cost, "unitCosts") instead, or evaluate the extracts locally`),
  );
  if (problems.length > 0) throw new InputError(problems);
}

/** The plan of a resolved warehouse run (`resolveRun(flags, "tables")`). */
export function warehousePlan(run: EvaluationRun): WarehousePlan {
  refuseWhatCannotBeRendered(run);
  const outcomes = run.outcomes.map(outcomeOf);
  const extracts = [...new Set(outcomes.map((outcome) => outcome.extract.name))];
  const { settings } = run;
  const referrals = tableColumns(run.referrals, REFERRAL_COLUMNS);
  const breakdowns = settings.by.map((by, i): BreakdownPlan => {
    if (by === AGE_BAND) return { by, ageBands: settings.ageBands ?? [] };
    // Read by the header the config maps, else by its own name, as a file's column is.
    const key = `by${i}`;
    const header = run.referrals.columns[by] ?? by;
    referrals.columns[key] = header;
    return { by, key, ageBands: [] };
  });
  return {
    referrals,
    breakdowns,
    ...(run.comparison ? { comparison: tableColumns(run.comparison, COMPARISON_COLUMNS) } : {}),
    activity: extracts.map((extract) => activityPlan(run, extract, outcomes.filter((outcome) => outcome.extract.name === extract))),
    outcomes: outcomes.map((outcome) => ({ id: outcome.id, extract: outcome.extract.name, adds: outcome.adds, reasons: outcome.reasons, rule: outcome.rule(settings), descriptor: outcome })),
    window: parseWindowLength(settings.window),
    months: settings.months,
    indexDay: settings.indexDay,
    from: settings.from,
    to: settings.to,
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    placeholders: [...HES_MISSING_DATES].map(civilFromDay),
  };
}
