import { z } from "zod";
import {
  type DateFormat,
  type DateSetting,
  dateFormatOf,
  describeDateFormat,
  INVALID_DATE,
  invalidDateReason,
  MISSING_DATE,
  type ParsedDate,
  parseDate,
} from "./dates.js";

/**
 * Rules for the values of extract rows. A row is validated field by field at the border and
 * becomes a typed record; the core never re-checks a string.
 *
 * Each rule is a zod schema, which defines it, and `check`, its twin for the hot path: tens of
 * millions of `safeParse` calls (each allocating a result) cost more than parsing the CSV. A
 * property test holds every twin to its schema: same success, same value, same message.
 */

/** Why a field is not valid, in the words of the schema's message. */
export class FieldIssue {
  constructor(readonly message: string) {}
}

export interface FieldRule<T> {
  schema: z.ZodType<T>;
  /** `line` is where the value stands, for a rule that remembers (`DateColumnRule`). */
  check(text: string, line?: number): T | FieldIssue;
}

const PATIENT_ID_EMPTY = "is empty: every row needs a patient identifier";

export const patientIdField: FieldRule<string> = {
  schema: z.string().min(1, { message: PATIENT_ID_EMPTY }),
  check: (text) => (text.length > 0 ? text : new FieldIssue(PATIENT_ID_EMPTY)),
};

export function requiredTextField(what: string): FieldRule<string> {
  const message = `is empty: every row needs ${what}`;
  return { schema: z.string().min(1, { message }), check: (text) => (text.length > 0 ? text : new FieldIssue(message)) };
}

export const optionalTextField: FieldRule<string> = { schema: z.string(), check: (text) => text };

/**
 * A date column's rule. With a format given, every value must fit it; with `auto`, the column's
 * format is decided by its first non-missing value that has the shape of a date (`dateFormatOf`) and
 * every later value must fit that one: a column never mixes the two orders, so `04/03/2021` is never
 * read one way on one row and another way on the next. One rule serves one column of one file.
 */
export class DateColumnRule<T extends ParsedDate> implements FieldRule<T> {
  /** The format in force: given, or decided by the line `decidedOnLine`. */
  format: DateFormat | undefined;
  decidedOnLine = 0;
  readonly schema: z.ZodType<T>;

  constructor(
    readonly setting: DateSetting,
    private readonly placeholderAllowed: boolean,
  ) {
    this.format = setting === "auto" ? undefined : setting;
    this.schema = z.string().transform((text, context) => {
      const checked = this.check(text);
      if (!(checked instanceof FieldIssue)) return checked;
      context.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }) as unknown as z.ZodType<T>;
  }

  /** `line`: where the value stands, so that an `auto` decision can say where it was made. */
  check(text: string, line = 0): T | FieldIssue {
    if (text === "") return new FieldIssue(`is empty: a date (${this.format ? describeDateFormat(this.format) : "YYYY-MM-DD or D/M/YYYY"}) is required`);
    let format = this.format;
    if (format === undefined) {
      format = dateFormatOf(text);
      if (format === undefined) return new FieldIssue("is not a date (YYYY-MM-DD or D/M/YYYY)");
      this.format = format;
      this.decidedOnLine = line;
    }
    const day = parseDate(text, format);
    if (day === MISSING_DATE && !this.placeholderAllowed) return new FieldIssue("is a HES missing-date placeholder, not a real date");
    if (day !== INVALID_DATE) return day as T;
    const reason = invalidDateReason(text, format);
    const decided = this.setting === "auto" && this.decidedOnLine > 0 ? ` (this column's format, decided by its first date, on line ${this.decidedOnLine})` : "";
    return new FieldIssue(decided && reason.startsWith("is written") ? `${reason}${decided}` : reason);
  }
}

/**
 * A date that may be empty (a discharge date, where the spell is still open): empty, or a HES
 * placeholder, is no date (`undefined`); anything else must be a real date in the column's format.
 */
export class OptionalDateColumnRule extends DateColumnRule<number | typeof MISSING_DATE> {
  constructor(setting: DateSetting) {
    super(setting, true);
  }

  override check(text: string, line = 0): number | typeof MISSING_DATE | FieldIssue {
    return text === "" ? MISSING_DATE : super.check(text, line);
  }
}

/** A date that must be real: referral and comparison index dates. */
export function requiredDayField(setting: DateSetting): DateColumnRule<number> {
  return new DateColumnRule<number>(setting, false);
}

/** An event date: HES placeholders pass as `MISSING_DATE` (not countable), anything else must be real. */
export function eventDayField(setting: DateSetting): DateColumnRule<number | typeof MISSING_DATE> {
  return new DateColumnRule<number | typeof MISSING_DATE>(setting, true);
}

const NOT_WHOLE = "is not a whole number (0 or more)";
export const DIGITS = /^\d*$/;

/** A whole number ≥ 0, or empty (`undefined`). */
export const optionalWholeNumberField: FieldRule<number | undefined> = {
  schema: z
    .string()
    .regex(DIGITS, { message: NOT_WHOLE })
    .transform((text) => (text === "" ? undefined : Number(text))),
  check: (text) => (!DIGITS.test(text) ? new FieldIssue(NOT_WHOLE) : text === "" ? undefined : Number(text)),
};

export const CONSENT_YES: ReadonlySet<string> = new Set(["y", "yes", "true", "1"]);

/** `y`, `yes`, `true`, `1` in any case mean yes; anything else, empty included, means no. */
export const consentField: FieldRule<boolean> = {
  schema: z.string().transform((text) => CONSENT_YES.has(text.toLowerCase())),
  check: (text) => CONSENT_YES.has(text.toLowerCase()),
};

const NOT_A_COST = "is not a cost in pounds (a number like 1843.50, without £ or a thousands separator)";
const COST = /^-?\d+(?:\.\d+)?$/;

/**
 * A row's cost, in whole pence, or empty (`undefined`: a missing cost, reported; the row still counts).
 * Pence, so that every engine adds the same costs to the same total whatever the order of its rows.
 */
export const costField: FieldRule<number | undefined> = {
  schema: z
    .string()
    .regex(/^(-?\d+(?:\.\d+)?)?$/, { message: NOT_A_COST })
    .transform((text) => (text === "" ? undefined : Math.round(Number(text) * 100))),
  check: (text) => (text === "" ? undefined : COST.test(text) ? Math.round(Number(text) * 100) : new FieldIssue(NOT_A_COST)),
};
