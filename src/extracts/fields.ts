import { z } from "zod";
import { type DateFormat, describeDateFormat, INVALID_DATE, MISSING_DATE, type ParsedDate, parseDate } from "./dates.js";

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
  check(text: string): T | FieldIssue;
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

/** What is wrong with a date field, or undefined if `day` may stand (placeholders too, where allowed). */
function dateProblem(text: string, day: ParsedDate, format: DateFormat, placeholderAllowed: boolean): string | undefined {
  if (day === MISSING_DATE && !placeholderAllowed) return "is a HES missing-date placeholder, not a real date";
  if (day !== INVALID_DATE) return undefined;
  return text === ""
    ? `is empty: a date (${describeDateFormat(format)}) is required`
    : `is not a date in ${describeDateFormat(format)} format, or not a day that exists`;
}

function dayRule<T extends ParsedDate>(format: DateFormat, placeholderAllowed: boolean): FieldRule<T> {
  return {
    schema: z.string().transform((text, context) => {
      const day = parseDate(text, format);
      const message = dateProblem(text, day, format, placeholderAllowed);
      if (message === undefined) return day as T;
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }) as unknown as z.ZodType<T>,
    check: (text) => {
      const day = parseDate(text, format);
      const message = dateProblem(text, day, format, placeholderAllowed);
      return message === undefined ? (day as T) : new FieldIssue(message);
    },
  };
}

/** A date that must be real: referral and comparison index dates. */
export function requiredDayField(format: DateFormat): FieldRule<number> {
  return dayRule<number>(format, false);
}

/** An event date: HES placeholders pass as `MISSING_DATE` (not countable), anything else must be real. */
export function eventDayField(format: DateFormat): FieldRule<number | typeof MISSING_DATE> {
  return dayRule<number | typeof MISSING_DATE>(format, true);
}

const NOT_WHOLE = "is not a whole number (0 or more)";
const DIGITS = /^\d*$/;

/** A whole number ≥ 0, or empty (`undefined`). */
export const optionalWholeNumberField: FieldRule<number | undefined> = {
  schema: z
    .string()
    .regex(DIGITS, { message: NOT_WHOLE })
    .transform((text) => (text === "" ? undefined : Number(text))),
  check: (text) => (!DIGITS.test(text) ? new FieldIssue(NOT_WHOLE) : text === "" ? undefined : Number(text)),
};

const CONSENT_YES = new Set(["y", "yes", "true", "1"]);

/** `y`, `yes`, `true`, `1` in any case mean yes; anything else, empty included, means no. */
export const consentField: FieldRule<boolean> = {
  schema: z.string().transform((text) => CONSENT_YES.has(text.toLowerCase())),
  check: (text) => CONSENT_YES.has(text.toLowerCase()),
};
