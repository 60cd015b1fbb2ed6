import type { DataError } from "../errors.js";
import { type DateFormat, describeDateFormat, INVALID_DATE, parseDate } from "../extracts/dates.js";
import type { ColumnPlan } from "./column-plan.js";
import { describeNhsNumberFault, maskNhsNumber, normaliseNhsNumber } from "./nhs-number.js";

export type RowCheck = { problems: DataError[]; nhsNumberDigits: string | undefined };

/**
 * The NHS number normalised, and every problem of the row: an NHS number that is not one, and
 * (where asked) a date that is not a real date in the format. An empty date, or one of HES's
 * missing-date codes, passes: whether a date may be missing is for `evaluate` to say, per column.
 */
export function checkRow(fields: readonly string[], line: number, plan: ColumnPlan, dateFormat: DateFormat, file: string): RowCheck {
  const problems: DataError[] = [];
  const raw = fields[plan.nhsNumber.position] ?? "";
  const nhsNumber = normaliseNhsNumber(raw);
  if (!nhsNumber.valid) {
    problems.push({
      code: nhsNumber.fault,
      file,
      line,
      column: plan.nhsNumber.header,
      ...(raw.length > 0 ? { value: maskNhsNumber(raw) } : {}),
      message: describeNhsNumberFault(nhsNumber.fault),
    });
  }
  for (const date of plan.dates) {
    const text = fields[date.position] ?? "";
    if (text.length > 0 && parseDate(text, dateFormat) === INVALID_DATE) {
      problems.push({
        code: "invalid_date",
        file,
        line,
        column: date.header,
        value: text,
        message: `not a real date written ${describeDateFormat(dateFormat)}`,
      });
    }
  }
  return { problems, nhsNumberDigits: nhsNumber.valid ? nhsNumber.digits : undefined };
}
