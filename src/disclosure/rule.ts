import type { Suppressible } from "../result.js";

/**
 * Statistical disclosure control as NHS England applies it to sub-national HES and ECDS outputs
 * since September 2018 (HES Analysis Guide, "suppression of small numbers"; issue 7): a count of 0
 * stays 0, a count from 1 to 7 is suppressed, and every other count is rounded to the nearest 5.
 */
export const DISCLOSURE_RULE = "nhs_england_hes_ecds" as const;

/** The note every format prints when the rule was applied. */
export const DISCLOSURE_NOTE =
  "Small numbers suppressed as NHS England does for sub-national HES and ECDS outputs (since September 2018): " +
  "a count of 0 is shown as 0, a count from 1 to 7 as *, and every other count is rounded to the nearest 5. " +
  "Rates, shares, changes and costs are computed from the rounded counts and shown as * where a count they use is suppressed; " +
  "totals are rounded from the true totals, so parts need not add up to them. " +
  "In a row with a suppressed count, the intervals and p-value are shown as * too (computed from the patients' own counts, they could give the count away); " +
  "in other rows they are shown as computed.";

/** How a suppressed figure is shown in every human format (and in CSV); JSON writes null. */
export const SUPPRESSED_MARK = "*";

/**
 * The count as it may be published: 0 → 0, 1–7 → null (suppressed), others to the nearest 5.
 * "Nearest 5" rounds halves up, but a whole count is never halfway (n mod 5 = 2 goes down, 3 up:
 * 12 → 10, 13 → 15), so the choice never arises for the counts this is given.
 */
export function disclosedCount(count: number): number | null {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`disclosedCount: a count must be a whole number of 0 or more (got ${count})`);
  }
  if (count === 0) return 0;
  if (count <= 7) return null;
  return 5 * Math.floor((count + 2.5) / 5);
}

/** The rendering rule: a field the row lists as suppressed shows as `*`, whatever `text` says. */
export function disclosed(row: Suppressible, field: string, text: string): string {
  return isWithheld(row, field) ? SUPPRESSED_MARK : text;
}

/** Whether disclosure control withheld the field (or any of the fields) of the row. */
export function isWithheld(row: Suppressible, ...fields: string[]): boolean {
  return fields.some((field) => row.suppressed?.includes(field) ?? false);
}

