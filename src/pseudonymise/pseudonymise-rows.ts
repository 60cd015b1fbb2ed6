import type { DateFormat } from "../extracts/dates.js";
import { FileProblemLog } from "../extracts/problem-log.js";
import type { CsvRow } from "../io/csv-records.js";
import { type ColumnPlan, type ColumnRequest, planColumns } from "./column-plan.js";
import { LookalikeLog } from "./lookalikes.js";
import { pseudonym } from "./pseudonym.js";
import { checkRow } from "./row-checks.js";
import type { SecretKey } from "./secret-key.js";

/** What becomes of a row with a problem: the run stops (the default), or the row is left out. */
export type OnInvalid = "stop" | "drop";

export interface PseudonymiseSettings extends ColumnRequest {
  onInvalid: OnInvalid;
  dateFormat: DateFormat;
}

export interface PseudonymiseReport {
  /** Data rows read (the header not counted). */
  rowsRead: number;
  rowsWritten: number;
  /** Rows with problems: dropped under `drop`; under `stop`, the reason the run stopped. */
  problems: FileProblemLog;
  lookalikes: LookalikeLog;
}

export function newReport(onInvalid: OnInvalid): PseudonymiseReport {
  return { rowsRead: 0, rowsWritten: 0, problems: new FileProblemLog(onInvalid === "drop"), lookalikes: new LookalikeLog() };
}

/**
 * The output's rows, header first, from the input's: the NHS number replaced by its pseudonym in the
 * same position, every other field as read. Under `stop`, nothing more is yielded after the first
 * bad row, but reading goes on so that the error can report the first problems and their total.
 * `report` is filled as the rows go by.
 */
export async function* pseudonymiseRows(
  rows: AsyncIterable<CsvRow>,
  key: SecretKey,
  settings: PseudonymiseSettings,
  file: string,
  report: PseudonymiseReport,
): AsyncGenerator<string[], void, undefined> {
  let header: string[] | undefined;
  let plan: ColumnPlan | undefined;
  for await (const { fields, line } of rows) {
    if (!header || !plan) {
      header = fields;
      plan = planColumns(fields, settings, file);
      yield plan.outputHeader;
      continue;
    }
    report.rowsRead++;
    report.lookalikes.check(header, fields, line, plan.nhsNumber.position);
    const { problems, nhsNumberDigits } = checkRow(fields, line, plan, settings.dateFormat, file);
    if (problems.length > 0 || nhsNumberDigits === undefined) {
      report.problems.invalidRow(problems, line);
      continue;
    }
    if (report.problems.stopping) continue;
    fields[plan.nhsNumber.position] = pseudonym(key, nhsNumberDigits);
    report.rowsWritten++;
    yield fields;
  }
  report.problems.throwIfAny();
}
