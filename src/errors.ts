import { escapeControls, escapeControlsInLines } from "./text/escape-controls.js";
import { excerpt, shownName } from "./text/excerpt.js";
import { maskIdentifiers } from "./text/mask-identifiers.js";

/**
 * Errors are values with a place. Everything a user can get wrong (a flag, a config key, a CSV row)
 * becomes a `DataError`; it is turned into text once, at the CLI edge, by `formatDataError`.
 * Exit codes: 0 ok, 2 bad input or usage, 1 a bug in prepost.
 */

export interface DataError {
  /** Stable machine-readable reason, e.g. `invalid_date`, `missing_column`. */
  code: string;
  /** The file as the user named it, or `--flag` / `config` for settings problems. */
  file: string;
  /** Line as a person counts it (header is line 1); 0 where there is no line. */
  line: number;
  /** Column (or config key) at fault; empty where the whole row or file is at fault. */
  column: string;
  /** The offending value as read; masked at the edge before printing. */
  value?: string;
  /** What is wrong, in words. */
  message: string;
}

/** Thrown to stop a run because of the user's input; carries every problem found so far. */
export class InputError extends Error {
  readonly problems: DataError[];
  /** How many problems there were in all (only the first ones are kept). */
  readonly total: number;

  constructor(problems: DataError[], total = problems.length) {
    super(problems[0] ? problems[0].message : "bad input");
    this.name = "InputError";
    this.problems = problems;
    this.total = total;
  }
}

export function dataError(fields: DataError): InputError {
  return new InputError([fields]);
}

export { maskIdentifiers };

/**
 * A message made safe to print: what could be an NHS number masked, controls and bidi overrides shown
 * as their codes (a value must not move the cursor, recolour the terminal or reverse the line).
 */
export function safeText(text: string): string {
  return escapeControlsInLines(maskIdentifiers(text));
}

/**
 * `file:line: column: what is wrong (value)`, each part only where the problem has one: a usage
 * problem with no file or flag to name is its message alone (the CLI adds the one `prepost: `).
 */
export function formatDataError(problem: DataError): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  // The value is the data's own text: never whole, only a short masked excerpt of it.
  const value = problem.value === undefined ? "" : ` (${excerpt(problem.value)})`;
  const parts = [place, shownName(problem.column)].filter((part) => part !== "").map((part) => `${part}: `);
  return escapeControls(maskIdentifiers(`${parts.join("")}${problem.message}`)) + value;
}

export function formatInputError(error: InputError): string {
  const lines = error.problems.map(formatDataError);
  if (error.total > error.problems.length) {
    lines.push(`… and ${error.total - error.problems.length} more (${error.total} problems in all)`);
  } else if (error.total > 1) {
    lines.push(`${error.total} problems in all`);
  }
  return lines.join("\n");
}
