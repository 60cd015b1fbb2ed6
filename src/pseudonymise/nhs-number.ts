/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit (NHS Data Dictionary, "NHS Number").
 * Normalising first means that one number written with spaces (3, 3 and 4 digits), with hyphens, or
 * padded gives the same ten ASCII digits, and so the same pseudonym on both sides of a linkage.
 */

/** Why a value is not an NHS number; the stable codes of the problems reported for it. */
export type NhsNumberFault = "missing_nhs_number" | "nhs_number_not_digits" | "nhs_number_length" | "nhs_number_check_digit";

export type NormalisedNhsNumber = { valid: true; digits: string } | { valid: false; fault: NhsNumberFault };

const SEPARATORS = /[\s-]/g;
const TEN_DIGITS = /^[0-9]{10}$/;
const DIGITS_ONLY = /^[0-9]*$/;

/**
 * The check digit for the first nine digits, or undefined where none exists: weights 10 down to 2,
 * 11 less the remainder of the sum by 11, 11 becoming 0; a result of 10 means no valid number has
 * these nine digits.
 */
export function modulus11CheckDigit(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

/** Surrounding white space, inner white space and hyphens removed; then ten digits, checked. */
export function normaliseNhsNumber(text: string): NormalisedNhsNumber {
  const digits = text.replace(SEPARATORS, "");
  if (digits.length === 0) return { valid: false, fault: "missing_nhs_number" };
  if (!DIGITS_ONLY.test(digits)) return { valid: false, fault: "nhs_number_not_digits" };
  if (!TEN_DIGITS.test(digits)) return { valid: false, fault: "nhs_number_length" };
  if (modulus11CheckDigit(digits) !== digits.charCodeAt(9) - 48) return { valid: false, fault: "nhs_number_check_digit" };
  return { valid: true, digits };
}

export function describeNhsNumberFault(fault: NhsNumberFault): string {
  switch (fault) {
    case "missing_nhs_number":
      return "NHS number missing";
    case "nhs_number_not_digits":
      return "not an NHS number: holds characters other than digits, spaces and hyphens";
    case "nhs_number_length":
      return "not an NHS number: ten digits expected";
    case "nhs_number_check_digit":
      return "not an NHS number: the check digit does not match (Modulus 11)";
  }
}

/**
 * What may be shown of a value read from the NHS number column: at most its last two characters.
 * The general masking in `formatDataError` only catches runs of ten digits, and a mistyped number
 * (nine digits, a letter in the middle) still identifies a patient. A value without digits ("N/A",
 * "unknown") cannot identify anyone and is shown whole, because it says what went wrong.
 */
export function maskNhsNumber(text: string): string {
  if (!/[0-9]/.test(text)) return text;
  const shown = text.length > 2 ? text.slice(-2) : "";
  return "*".repeat(text.length - shown.length) + shown;
}
