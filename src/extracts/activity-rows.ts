import { findColumns } from "../io/columns.js";
import type { CountingRule, Outcome, OutcomeColumn, RowValues } from "../outcomes/outcome.js";
import { MISSING_DATE, type ParsedDate } from "./dates.js";
import { costField, DateColumnRule, eventDayField, type FieldRule, OptionalDateColumnRule, optionalTextField, patientIdField } from "./fields.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractReading } from "./reading-report.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

/** What a valid row carries besides its patient and day, for an outcome that needs more than a count. */
export interface ActivityRow {
  values: RowValues;
  /** Each further date column's day (a discharge date): undefined where empty or a HES placeholder. */
  days: Readonly<Record<string, number | undefined>>;
  /** The row's cost in pence (the run's cost column), undefined where the extract gives none. */
  costPence: number | undefined;
}

/**
 * Receives each valid row of an activity extract, once per outcome of the extract: whose it is, its
 * day (or `MISSING_DATE` for a HES placeholder), why that outcome cannot count it, if it cannot,
 * and the row (read by the callee before the next row replaces it). A callback rather than a
 * returned object, so that tens of millions of rows allocate nothing of ours.
 */
export type ActivitySink = (patientId: string, day: ParsedDate, notCountable: string | undefined, row: ActivityRow) => void;

/** One outcome of the extract, as the reader serves it: its rule under the run's settings and where its rows go. */
export interface OutcomeReading {
  outcome: Outcome;
  rule: CountingRule;
  sink: ActivitySink;
}

/** The spec column the cost of each row is read from, where the run names a cost column (outcomes.md, costs). */
export const COST_COLUMN = "cost";

/** Every column the extract's outcomes read: the patient, the date, then each outcome's own (required if any needs it). */
export function extractColumns(outcomes: readonly Outcome[], withCost: boolean): OutcomeColumn[] {
  const extract = outcomes[0]!.extract;
  const columns = new Map<string, OutcomeColumn>([
    ["patient_id", { name: "patient_id", required: true, kind: "text" }],
    [extract.dateColumn, { name: extract.dateColumn, required: true, kind: "date", ...(extract.dateWellKnown ? { wellKnown: extract.dateWellKnown } : {}) }],
  ]);
  for (const column of outcomes.flatMap((outcome) => outcome.columns)) {
    const seen = columns.get(column.name);
    columns.set(column.name, seen ? { ...seen, required: seen.required || column.required } : column);
  }
  if (withCost) columns.set(COST_COLUMN, { name: COST_COLUMN, required: true, kind: "number" });
  return [...columns.values()];
}

/** A further date column: empty, or a HES placeholder, is no date (an open spell), anything else must be real. */
const optionalDayField = (setting: ExtractSource["format"]["dateFormat"]) => new OptionalDateColumnRule(setting);

/**
 * Builds the row parser of one activity extract from its header: each row is read once, validated
 * (a field, then the outcomes' rules across fields), and handed to every outcome of the extract
 * with that outcome's reason not to count it.
 */
export function activityRowParser(
  header: string[],
  source: ExtractSource,
  outcomes: readonly OutcomeReading[],
  log: ProblemLog,
  report: ExtractReading,
  seeRow?: (patientId: string, day: number, row: ActivityRow) => void,
) {
  const extract = outcomes[0]!.outcome.extract;
  const spec = extractColumns(
    outcomes.map((reading) => reading.outcome),
    source.columns[COST_COLUMN] !== undefined,
  );
  const { at, used } = findColumns(header, wantedColumns(source, spec), source);
  report.columns = used;
  const row = new RowReader(source.extract, source.file, header.length, log);
  const dayField = eventDayField(source.format.dateFormat);
  // Messages name a column by the extract's own header for it, as the user sees it in the file.
  const read = spec
    .filter((column) => column.name !== "patient_id" && column.name !== extract.dateColumn && at[column.name]! >= 0)
    .map((column) => ({
      name: column.name,
      kind: column.kind,
      position: at[column.name]!,
      header: used[column.name]?.header ?? column.name,
      rule: (column.kind === "date" ? optionalDayField(source.format.dateFormat) : column.kind === "number" ? costField : optionalTextField) as FieldRule<unknown>,
    }));
  const dateColumns = [extract.dateColumn, ...read.filter((column) => column.kind === "date").map((column) => column.name)];
  report.dateFormats = Object.fromEntries(dateColumns.map((name) => [name, null]));
  const noteDateFormats = () => {
    report.dateFormats[extract.dateColumn] = dayField.format ?? null;
    for (const column of read) if (column.rule instanceof DateColumnRule) report.dateFormats[column.name] = column.rule.format ?? null;
  };
  const patientHeader = used.patient_id?.header ?? "patient_id";
  const dateHeader = used[extract.dateColumn]?.header ?? extract.dateColumn;
  const values: Record<string, string | undefined> = {};
  const days: Record<string, number | undefined> = {};
  const activityRow: ActivityRow = { values, days, costPence: undefined };
  const checks = outcomes.flatMap((reading) => (reading.outcome.checkRow ? [reading.outcome.checkRow] : []));

  return Object.assign(
    (fields: string[], line: number): void => {
      if (!row.begin(fields, line)) return;
      const patientId = row.read(patientIdField, at.patient_id!, patientHeader);
      const day = row.read(dayField, at[extract.dateColumn]!, dateHeader);
      activityRow.costPence = undefined;
      for (const column of read) {
        const value = row.read(column.rule, column.position, column.header);
        if (column.kind === "date") days[column.name] = typeof value === "number" ? value : undefined;
        else if (column.kind === "number") activityRow.costPence = value as number | undefined;
        else values[column.name] = value as string | undefined;
      }
      if (checks.length > 0 && typeof day === "number") {
        days[extract.dateColumn] = day;
        for (const check of checks) {
          const problem = check(days);
          if (problem) row.problem(used[problem.column]?.header ?? problem.column, fields[at[problem.column]!] ?? "", problem.message);
        }
      }
      if (!row.end()) return;
      if (seeRow && typeof day === "number") seeRow(patientId!, day, activityRow);
      for (const { rule, sink } of outcomes) {
        const notCountable = rule.notCountable(values) ?? (day === MISSING_DATE ? "missing_date" : undefined);
        sink(patientId!, day!, notCountable, activityRow);
      }
    },
    { finish: noteDateFormats },
  );
}
