import { z } from "zod";
import { civilFromDay, type Day } from "../core/day.js";
import { type DataError, InputError } from "../errors.js";
import { type ColumnUse, findColumns } from "../io/columns.js";
import { visitRecords } from "../io/records.js";
import type { ExtractName } from "../result.js";
import { MISSING_DATE } from "./dates.js";
import { eventDayField, FieldIssue, type FieldRule, optionalTextField, patientIdField, requiredDayField, requiredTextField } from "./fields.js";
import { EITHER_OF, POPULATION_COLUMNS, POPULATION_WELL_KNOWN_COLUMNS, type PopulationColumn } from "./population-columns.js";
import { type Population, PopulationTable } from "./population-table.js";
import type { ProblemLog } from "./problem-log.js";
import { type ExtractReading, noteTextKind, startReading } from "./reading-report.js";
import { rejectedPatientOf } from "./referrals.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

export { NEVER, type Population, REGISTERED_SINCE_EVER } from "./population-table.js";

/** The population extract's name in a run (config key, `--population`, `inputs`, problems filed by extract). */
export const POPULATION_EXTRACT: ExtractName = "population";

export interface PopulationRead {
  population: Population;
  rows: number;
  /** People named by an invalid (skipped) row: a case among them is reported as such, not as absent. */
  withInvalidRow: Set<string>;
  reading: ExtractReading;
}

const FOUR_DIGITS = /^\d{4}$/;
const NOT_A_YEAR = "is not a year of birth (four digits)";
const birthYearField: FieldRule<number> = {
  schema: z.string().regex(FOUR_DIGITS, { message: NOT_A_YEAR }).transform(Number),
  check: (text) => (FOUR_DIGITS.test(text) ? Number(text) : new FieldIssue(NOT_A_YEAR)),
};

const DECILE = /^(?:[1-9]|10)$/;
const NOT_A_DECILE = "is not a deprivation decile (a whole number from 1 to 10)";
/** 1-10, or empty (0): a person whose area is unknown is matched with others unknown. */
const imdDecileField: FieldRule<number> = {
  schema: z.string().refine((text) => text === "" || DECILE.test(text), { message: NOT_A_DECILE }).transform((text) => (text === "" ? 0 : Number(text))),
  check: (text) => (text === "" ? 0 : DECILE.test(text) ? Number(text) : new FieldIssue(NOT_A_DECILE)),
};

const DIGITS = /^\d+$/;
// A near-match variable needs a value for everyone: an empty count would have to be guessed.
const LTC_EMPTY = "is empty: where the extract has ltc_count, every person needs one (0 for none)";
const NOT_WHOLE = "is not a whole number (0 or more)";
const ltcCountField: FieldRule<number> = {
  schema: z.string().min(1, { message: LTC_EMPTY }).regex(DIGITS, { message: NOT_WHOLE }).transform(Number),
  check: (text) => (text === "" ? new FieldIssue(LTC_EMPTY) : DIGITS.test(text) ? Number(text) : new FieldIssue(NOT_WHOLE)),
};

/** A date that may be empty (undefined); a HES placeholder is a missing date too (evaluation.md). */
function optionalDayField(setting: ExtractSource["format"]["dateFormat"]) {
  const rule = eventDayField(setting);
  const field: FieldRule<Day | undefined> & { rule: typeof rule } = {
    rule,
    schema: z.string().transform((text, context) => {
      const checked = field.check(text);
      if (!(checked instanceof FieldIssue)) return checked;
      context.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }),
    check: (text, line) => {
      if (text === "") return undefined;
      const checked = rule.check(text, line);
      return checked === MISSING_DATE ? undefined : checked;
    },
  };
  return field;
}

/** The wanted columns under this extract's own names, with its own export names. */
function wanted(source: ExtractSource) {
  return wantedColumns(source, POPULATION_COLUMNS).map(({ wellKnown: _activityNames, neededBy, ...column }) => {
    const names = POPULATION_WELL_KNOWN_COLUMNS[column.name];
    // A pair's need is checked once the header is known (`checkEither`): either column will do.
    const paired = EITHER_OF.some((pair) => pair.includes(column.name));
    return { ...column, ...(neededBy !== undefined && !paired ? { neededBy } : {}), ...(names ? { wellKnown: names } : {}) };
  });
}

/**
 * Where neither of a pair is in the header and the run needs it (`birth_year` always; `practice`
 * where a setting needs it), the message `findColumns` gives for the first, saying the second would do.
 */
function checkEither(header: string[], source: ExtractSource, columns: ReturnType<typeof wanted>, at: Record<PopulationColumn, number>): void {
  const problems: DataError[] = [];
  for (const [first, second] of EITHER_OF) {
    const neededBy = source.needed[first] ?? source.needed[second];
    if (at[first] >= 0 || at[second] >= 0 || (first !== "birth_year" && neededBy === undefined)) continue;
    const column = columns.find((wantedColumn) => wantedColumn.name === first)!;
    try {
      findColumns(header, [{ ...column, required: true, ...(neededBy ? { neededBy } : {}) }], source);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) problems.push({ ...problem, message: problem.message.replace("not found", `not found (nor ${second}, which would do)`) });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** Builds the row parser for a population extract, and the columns it fills, from its header. */
export function populationRowParser(header: string[], source: ExtractSource, log: ProblemLog, fatal: DataError[], rejected: Set<string>, report?: ExtractReading) {
  const columns = wanted(source);
  const { at, used } = findColumns(header, columns, source);
  checkEither(header, source, columns, at);
  const practiceFrom: "practice" | "pcn" | null = at.practice >= 0 ? "practice" : at.pcn >= 0 ? "pcn" : null;
  const birthFrom = at.birth_year >= 0 ? "birth_year" : "birth_date";
  // The second of a pair is not read where the first is there.
  const shown: Record<string, ColumnUse | null> = { ...used };
  if (birthFrom === "birth_year") shown.birth_date = null;
  if (practiceFrom === "practice") shown.pcn = null;
  if (report) report.columns = shown;
  // Messages name a column by the extract's own header for it, as the user sees it in the file.
  const names = Object.fromEntries(POPULATION_COLUMNS.map(({ name }) => [name, used[name]?.header ?? source.columns[name] ?? name])) as Record<PopulationColumn, string>;
  const name = (column: PopulationColumn) => names[column];
  const row = new RowReader(source.extract, source.file, header.length, log);
  const sexField = requiredTextField("a sex");
  const birthDateField = requiredDayField(source.format.dateFormat);
  const dateFields = { registered_from: optionalDayField(source.format.dateFormat), registered_to: optionalDayField(source.format.dateFormat), died: optionalDayField(source.format.dateFormat) };
  const table = new PopulationTable(practiceFrom, at.imd_decile >= 0, at.ltc_count >= 0);

  const parse = (fields: string[], line: number): void => {
    if (!row.begin(fields, line)) return void rejectedOf(fields);
    const patientId = row.read(patientIdField, at.patient_id, name("patient_id"));
    const sex = row.read(sexField, at.sex, name("sex"));
    const birthYear = birthFrom === "birth_year"
      ? row.read(birthYearField, at.birth_year, name("birth_year"))
      : yearOf(row.read(birthDateField, at.birth_date, name("birth_date")));
    const imdDecile = at.imd_decile >= 0 ? row.read(imdDecileField, at.imd_decile, name("imd_decile")) : 0;
    const practice = practiceFrom ? row.read(optionalTextField, at[practiceFrom], name(practiceFrom)) : "";
    const ltcCount = at.ltc_count >= 0 ? row.read(ltcCountField, at.ltc_count, name("ltc_count")) : -1;
    const registeredFrom = at.registered_from >= 0 ? row.read(dateFields.registered_from, at.registered_from, name("registered_from")) : undefined;
    const registeredTo = at.registered_to >= 0 ? row.read(dateFields.registered_to, at.registered_to, name("registered_to")) : undefined;
    const died = at.died >= 0 ? row.read(dateFields.died, at.died, name("died")) : undefined;
    if (registeredFrom !== undefined && registeredTo !== undefined && registeredTo < registeredFrom) {
      row.problem(name("registered_to"), fields[at.registered_to]!, `is before registered_from (${fields[at.registered_from]})`);
    }
    const first = patientId === undefined ? undefined : table.firstLineOf(patientId);
    if (first !== undefined) {
      fatal.push({ code: "invalid_population", file: source.file, line, column: name("patient_id"), value: patientId, message: `is listed twice, on lines ${first} and ${line}` });
    }
    if (!row.end()) {
      if (patientId !== undefined && first === undefined) table.invalid(patientId, line);
      return void rejectedOf(fields);
    }
    if (first !== undefined) return;
    table.add({ patientId: patientId!, line, sex: sex!, birthYear: birthYear!, imdDecile: imdDecile!, practice: practice!, ltcCount: ltcCount!, registeredFrom, registeredTo, died });
  };
  const rejectedOf = (fields: readonly string[]) => {
    const patientId = rejectedPatientOf(fields, at.patient_id);
    if (patientId !== undefined) rejected.add(patientId);
  };
  const finish = (): Population => {
    if (report) {
      report.dateFormats = {};
      if (birthFrom === "birth_date") report.dateFormats.birth_date = birthDateField.format ?? null;
      for (const [column, field] of Object.entries(dateFields)) if (at[column as PopulationColumn] >= 0) report.dateFormats[column] = field.rule.format ?? null;
    }
    return table.done();
  };
  return Object.assign(parse, { finish });
}

function yearOf(day: Day | undefined): number | undefined {
  return day === undefined ? undefined : civilFromDay(day).year;
}

/**
 * Reads the population extract (a person a row); invalid rows go to the log. A person listed twice
 * stops the run even with --skip-invalid, as in the comparison extract: which row is the person?
 */
export async function readPopulation(source: ExtractSource, log: ProblemLog): Promise<PopulationRead> {
  let rows = 0;
  const fatal: DataError[] = [];
  const withInvalidRow = new Set<string>();
  const reading = startReading(source);
  let parseRow: ReturnType<typeof populationRowParser> | undefined;
  await visitRecords(source, {
    textKind: (kind) => noteTextKind(reading, kind),
    header: (fields) => {
      parseRow = populationRowParser(fields, source, log, fatal, withInvalidRow, reading);
    },
    record: (fields, line) => {
      rows++;
      parseRow!(fields, line);
    },
  });
  if (fatal.length > 0) throw new InputError(fatal);
  const population = parseRow ? parseRow.finish() : new PopulationTable(null, false, false).done();
  return { population, rows, withInvalidRow, reading };
}
