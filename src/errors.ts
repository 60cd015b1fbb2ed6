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

// A digit, ASCII or full-width (a copy from a Japanese-locale spreadsheet keeps its width).
const DIGIT = "[0-9\uFF10-\uFF19]";
// What people put between the groups of 3, 3 and 4: spaces (one or two, no-break too), a dash, a dot, an underscore.
const GAP = "[ \u00A0\u2009\u202F._-]{1,2}";
/**
 * What could be an NHS number (evaluation.md): ten digits together, or in groups of 3, 3 and 4 apart,
 * `(999) 234 5675` too, and no digit next to it. A date or a date-time never fits: its groups are
 * 4, 2 and 2 (`2021-03-04 10:22:00` stays as it is).
 */
const NHS_NUMBER_LIKE = new RegExp(`(?<!${DIGIT})(?:${DIGIT}{10}|\\(?${DIGIT}{3}\\)?${GAP}${DIGIT}{3}${GAP}${DIGIT}{4})(?!${DIGIT})`, "g");

/** Every value in the text that could be an NHS number shows only its last two digits. */
export function maskIdentifiers(text: string): string {
  return text.replace(NHS_NUMBER_LIKE, (found) => {
    const digits = [...found].filter((character) => /[0-9\uFF10-\uFF19]/.test(character));
    return "*".repeat(digits.length - 2) + digits.slice(-2).join("");
  });
}

/**
 * `file:line: column: what is wrong (value)`, each part only where the problem has one: a usage
 * problem with no file or flag to name is its message alone (the CLI adds the one `prepost: `).
 */
export function formatDataError(problem: DataError): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const value = problem.value === undefined ? "" : ` (${JSON.stringify(problem.value)})`;
  const parts = [place, problem.column].filter((part) => part !== "").map((part) => `${part}: `);
  return maskIdentifiers(`${parts.join("")}${problem.message}${value}`);
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
