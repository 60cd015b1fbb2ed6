import { z } from "zod";
import { type DateFormat, describeDateFormat, INVALID_DATE, MISSING_DATE, parseDate } from "./dates.js";

/**
 * Schemas for the values of extract rows. A row is validated field by field at the border and
 * becomes a typed record; the core never re-checks a string.
 */

export const patientIdField = z.string().min(1, { message: "is empty: every row needs a patient identifier" });

export const requiredTextField = (what: string) => z.string().min(1, { message: `is empty: every row needs ${what}` });

export const optionalTextField = z.string();

/** A date that must be real: referral and comparison index dates. */
export function requiredDayField(format: DateFormat) {
  return z.string().transform((text, context) => {
    const day = parseDate(text, format);
    if (day === INVALID_DATE || day === MISSING_DATE) {
      const message =
        day === MISSING_DATE
          ? "is a HES missing-date placeholder, not a real date"
          : text === ""
            ? `is empty: a date (${describeDateFormat(format)}) is required`
            : `is not a date in ${describeDateFormat(format)} format, or not a day that exists`;
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return day;
  });
}

/** An event date: HES placeholders pass as `MISSING_DATE` (not countable), anything else must be real. */
export function eventDayField(format: DateFormat) {
  return z.string().transform((text, context) => {
    const day = parseDate(text, format);
    if (day === INVALID_DATE) {
      const message =
        text === ""
          ? `is empty: a date (${describeDateFormat(format)}) is required`
          : `is not a date in ${describeDateFormat(format)} format, or not a day that exists`;
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return day;
  });
}

/** A whole number ≥ 0, or empty (`undefined`). */
export const optionalWholeNumberField = z
  .string()
  .regex(/^\d*$/, { message: "is not a whole number (0 or more)" })
  .transform((text) => (text === "" ? undefined : Number(text)));

const CONSENT_YES = new Set(["y", "yes", "true", "1"]);

/** `y`, `yes`, `true`, `1` in any case mean yes; anything else, empty included, means no. */
export const consentField = z.string().transform((text) => CONSENT_YES.has(text.toLowerCase()));
