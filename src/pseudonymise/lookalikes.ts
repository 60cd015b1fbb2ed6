import { normaliseNhsNumber } from "./nhs-number.js";

/** A column other than the NHS number column whose values look like NHS numbers. */
export interface Lookalike {
  column: string;
  count: number;
  firstLine: number;
}

// Ten digits, perhaps spaced or hyphenated into 3-3-4: long enough to hold one, short enough to
// skip free text cheaply before the full check.
const SHAPE = /^[0-9][0-9 -]{8,12}[0-9]$/;

/**
 * Other columns pass through unchanged, so a second copy of the NHS number (a "Patient NHS No"
 * beside the "NHS Number" being pseudonymised) would leave in the output whole. Values that are
 * valid NHS numbers are counted per column so that the run can warn; about one random ten-digit
 * number in eleven passes the check, so this is a warning, never a refusal.
 */
export class LookalikeLog {
  readonly #found = new Map<number, Lookalike>();

  check(header: readonly string[], fields: readonly string[], line: number, skip: number): void {
    for (let position = 0; position < fields.length; position++) {
      const text = fields[position] ?? "";
      if (position === skip || !SHAPE.test(text) || !normaliseNhsNumber(text).valid) continue;
      const seen = this.#found.get(position);
      if (seen) seen.count++;
      else this.#found.set(position, { column: header[position] ?? `column ${position + 1}`, count: 1, firstLine: line });
    }
  }

  get found(): Lookalike[] {
    return [...this.#found.values()];
  }
}
