import type { z } from "zod";
import type { DataError } from "../errors.js";
import { FIELD_LIMIT } from "../io/limits.js";
import type { ExtractName } from "../result.js";
import { FieldIssue, type FieldRule } from "./fields.js";
import { isMissingToken } from "./missing-values.js";
import type { ProblemLog } from "./problem-log.js";

// zod schemas have a `check` method too: a rule is told by its `schema`.
const isFieldRule = <T>(rule: FieldRule<T> | z.ZodType<T>): rule is FieldRule<T> => "schema" in rule;

/** Where a row came from, for the problems its fields may have. */
export interface RowPlace {
  file: string;
  line: number;
}

function onlyEmptyFrom(fields: readonly string[], start: number): boolean {
  for (let f = start; f < fields.length; f++) if (fields[f]!.length > 0) return false;
  return true;
}

/** A row has the header's fields: exactly, or more that are all empty (some exports end every line with a comma). */
export function fieldCountFits(fields: readonly string[], headerLength: number): boolean {
  return fields.length === headerLength || (fields.length > headerLength && onlyEmptyFrom(fields, headerLength));
}

/**
 * One row's validation: each field is read with its rule, problems are gathered so the row reports
 * them all, and an invalid row goes to the problem log (which decides stop or skip) as a whole.
 * One reader serves every row of a file: a valid row allocates nothing here.
 */
export class RowReader {
  private problems: DataError[] = [];
  private fields: readonly string[] = [];
  private line = 0;

  constructor(
    private readonly extract: ExtractName,
    private readonly file: string,
    private readonly headerLength: number,
    private readonly log: ProblemLog,
  ) {}

  /**
   * Starts a row; false (and reported) if its field count differs from the header's. Empty fields
   * past the header's last column are not counted: some exports end every line with a comma.
   */
  begin(fields: readonly string[], line: number): boolean {
    this.fields = fields;
    this.line = line;
    if (this.problems.length > 0) this.problems = [];
    if (fieldCountFits(fields, this.headerLength)) return true;
    // An unquoted comma shifts every later column: the row's values cannot be trusted.
    this.problems.push({
      code: "field_count",
      file: this.file,
      line,
      column: "",
      message: `the row has ${fields.length} fields but the header has ${this.headerLength} (an unquoted comma?)`,
    });
    return this.end();
  }

  /** Reads a field with its rule (or a bare zod schema); undefined, and a problem, if it is not valid. */
  read<T>(rule: FieldRule<T> | z.ZodType<T>, position: number, column: string): T | undefined {
    const field = position < 0 ? "" : (this.fields[position] ?? "");
    // A UTF-16 unit is at most 3 bytes of UTF-8: only a field this long can be over the limit.
    if (field.length > FIELD_LIMIT / 3 && Buffer.byteLength(field) > FIELD_LIMIT) return this.tooLong(column, field);
    // NULL, NA, N/A are how exports write a missing value: in every column they are an empty field.
    const token = isMissingToken(field);
    const value = token ? "" : field;
    let problem: string | undefined;
    if (isFieldRule(rule)) {
      const checked = rule.check(value, this.line);
      if (!(checked instanceof FieldIssue)) return checked;
      problem = checked.message;
    } else {
      const parsed = rule.safeParse(value);
      if (parsed.success) return parsed.data;
      problem = parsed.error.issues[0]?.message ?? "is not valid";
    }
    // The message shows the value as the file has it: "NULL" is not empty to the eye.
    this.problem(column, field, token ? problem.replace(/^is empty/, "is a missing value") : problem);
    return undefined;
  }

  /** A field too long to be a value of any column read: its length, never the value (it could be anything, of any size). */
  private tooLong(column: string, field: string): undefined {
    const megabytes = (Buffer.byteLength(field) / 2 ** 20).toFixed(1);
    this.problems.push({
      code: "field_too_long",
      file: this.file,
      line: this.line,
      column,
      message: `field is ${megabytes} MB long: longer than the ${FIELD_LIMIT / 2 ** 20} MB a field may be`,
    });
    return undefined;
  }

  /** Adds a problem found by a rule across fields (an unlisted cohort, say). */
  problem(column: string, value: string, message: string): void {
    this.problems.push({ code: "invalid_value", file: this.file, line: this.line, column, value, message });
  }

  /** Ends the row: true if it is valid, otherwise its problems go to the log. */
  end(): boolean {
    if (this.problems.length === 0) return true;
    this.log.invalidRow(this.extract, this.problems);
    this.problems = [];
    return false;
  }
}
