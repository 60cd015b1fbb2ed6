import { type DataError, InputError } from "../errors.js";
import { ProblemList } from "../extracts/problem-log.js";
import { readCsvRows } from "../io/csv-records.js";
import { refuseIfNotRegular } from "../io/csv-records.js";
import { LONG_FORM_COLUMNS, type LongRow, type Section, SECTIONS } from "./long-form.js";

const COUNT = /^\d{1,15}$/;

/** Sections whose rows name a group, and so must name one of the two. */
const GROUPED: readonly Section[] = ["pairs", "prior", "months", "attrition", "cohorts"];

function checkRow(fields: readonly string[], line: number, file: string): { row?: LongRow; problems: DataError[] } {
  const problem = (column: string, value: string, message: string): DataError => ({ code: "invalid_warehouse_result", file, line, column, value, message });
  if (fields.length !== LONG_FORM_COLUMNS.length) {
    return {
      problems: [problem("", "", `the row has ${fields.length} fields but the long form has ${LONG_FORM_COLUMNS.length} (a value with a comma saved unquoted? In SSMS, tick "Quote strings containing list separators when saving .csv results")`)],
    };
  }
  const [section, outcome, cohort, group, a, b, n] = fields as [string, string, string, string, string, string, string];
  const problems: DataError[] = [];
  if (!SECTIONS.includes(section as Section)) problems.push(problem("section", section, `is not a section of the long form (${SECTIONS.join(", ")})`));
  for (const [column, value] of [["a", a], ["b", b], ["n", n]] as const) {
    if (!COUNT.test(value)) problems.push(problem(column, value, "is not a whole number (0 or more)"));
  }
  if (GROUPED.includes(section as Section) && group !== "referred" && group !== "comparison") problems.push(problem("group", group, "is not a group (referred or comparison)"));
  if (problems.length > 0) return { problems };
  return { row: { section: section as Section, outcome, cohort, group, a: Number(a), b: Number(b), n: Number(n), line }, problems };
}

/**
 * Reads a warehouse result (long-form.ts) strictly: its header must be the long form's, every row
 * seven fields, each count a whole number, no row twice. Every problem is `file:line: column: what`;
 * any stops the run (exit 2): a result that does not read exactly as the script wrote it cannot be
 * trusted for a single figure.
 */
export async function readLongForm(path: string, file: string): Promise<LongRow[]> {
  await refuseIfNotRegular(path, file);
  const problems = new ProblemList();
  const rows: LongRow[] = [];
  const seen = new Map<string, number>();
  let header: string[] | undefined;
  for await (const { fields, line } of readCsvRows(path, file)) {
    if (header === undefined) {
      header = fields;
      const expected = LONG_FORM_COLUMNS.join(",");
      if (fields.map((field) => field.toLowerCase()).join(",") !== expected) {
        throw new InputError([{ code: "invalid_warehouse_result", file, line, column: "", value: fields.join(","), message: `is not the long form's header (${expected}): is it the result of prepost sql's script, saved with its column headers?` }]);
      }
      continue;
    }
    if (fields.length === 1 && fields[0] === "") continue;
    const checked = checkRow(fields, line, file);
    problems.add(checked.problems);
    if (!checked.row) continue;
    const key = fields.slice(0, 6).join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add([{ code: "invalid_warehouse_result", file, line, column: "", message: `repeats line ${first} (the same section, outcome, cohort, group, a and b): was the result saved twice into one file?` }]);
      continue;
    }
    seen.set(key, line);
    rows.push(checked.row);
  }
  if (header === undefined) throw new InputError([{ code: "invalid_warehouse_result", file, line: 0, column: "", message: "is empty: it should hold the result of prepost sql's script, with its header" }]);
  problems.throwIfAny();
  return rows;
}
