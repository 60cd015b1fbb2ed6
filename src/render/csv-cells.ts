import { stringify } from "csv-stringify/sync";
import { SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { Suppressible } from "../result.js";
import { escapeControls } from "../text/escape-controls.js";

/** A CSV cell: a number as it is (unrounded), text, or empty for a figure that cannot be computed. */
export type CsvCell = number | string | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), the
 * full-width forms included as Apple Numbers normalises them. A text cell starting with one is
 * prefixed with `'`, which Excel and LibreOffice take as "this is text"; numbers are never touched,
 * so -19.8 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A figure of a row: `*` where disclosure control withheld it, else the number, or empty. */
export function figureCell(row: Suppressible, field: string, value: number | null | undefined): CsvCell {
  return row.suppressed?.includes(field) ? SUPPRESSED_MARK : value;
}

/**
 * RFC 4180 CSV (quoted where needed, CRLF-free `\n` lines, UTF-8), every text cell neutralised, and
 * its controls and bidi overrides shown as their codes (`\u202E`): a CSV is read on a terminal too.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header as string[], ...(rows as CsvCell[][])], {
    cast: { string: (text) => neutralised(escapeControls(text)), number: (value) => String(value) },
    record_delimiter: "unix",
  });
}
