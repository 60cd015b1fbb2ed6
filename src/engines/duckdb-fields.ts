import type { DuckDBConnection } from "@duckdb/node-api";
import { extractColumns } from "../extracts/activity-rows.js";
import type { Outcome } from "../outcomes/outcome.js";
import { type DateFormat, type DateSetting, dateFormatOf } from "../extracts/dates.js";
import { isMissingToken, MISSING_TOKENS } from "../extracts/missing-values.js";
import { fieldCountFits } from "../extracts/row-reader.js";
import { type ExtractSource, wantedColumns } from "../extracts/source.js";
import { type ColumnUse, findColumns, type FoundColumns } from "../io/columns.js";
import { type CsvHead, readCsvHead } from "../io/csv-head.js";
import { visitCsv } from "../io/csv-records.js";
import { type CsvTextTraits, readFirstLine } from "../io/csv-text-traits.js";
import { csvReadSql, isPlainHeader } from "../io/duckdb-csv.js";
import { duckDbCanName, sqlPath, sqlString, TRIMMED_CHARACTERS, trimmedSql } from "../io/duckdb-session.js";
import { FIELD_LIMIT } from "../io/limits.js";
import { type ParquetColumn, parquetColumns, parquetFieldSql } from "../io/parquet-records.js";
import type { ExtractFields } from "./duckdb-sql.js";

/** Why the DuckDB engine hands an extract to the stream engine: shown to whoever debugs a slow run. */
export class NeedsRowReader extends Error {}

/** Where each wanted column is in the header (-1 for an absent optional one). */
type Positions = Record<string, number>;

/** What an extract's pass reads: its columns (spec names, with their export names) and the column whose date it parses. */
export interface ExtractShape {
  columns: readonly { name: string; required: boolean; wellKnown?: readonly string[] }[];
  dateColumn: string;
}

/** The shape of an activity extract: the columns its outcomes read. */
export const activityShape = (outcomes: readonly Outcome[]): ExtractShape => ({ columns: extractColumns(outcomes, false), dateColumn: outcomes[0]!.extract.dateColumn });

function columnsIn(header: string[], shape: ExtractShape, source: ExtractSource): FoundColumns<string> {
  try {
    return findColumns(header, wantedColumns(source, shape.columns), source);
  } catch {
    throw new NeedsRowReader("a column the run needs is missing, or found twice");
  }
}

const datePosition = (shape: ExtractShape, at: Positions) => at[shape.dateColumn]!;

/** A bare date (`2021-03-04`) is looked up whole; anything longer by its first ten characters. */
function dateKeyFor(sample: string | undefined): ExtractFields["dateKey"] {
  return sample !== undefined && sample.length !== 10 ? "prefix" : "whole";
}

function activityFields(
  outcomes: readonly Outcome[],
  at: Positions,
  field: (position: number) => string,
): Pick<ExtractFields, "patientId" | "date" | "columns" | "caseless"> {
  const own = outcomes.flatMap((outcome) => outcome.columns).filter((column) => at[column.name]! >= 0);
  return {
    patientId: field(at.patient_id!),
    date: field(at[outcomes[0]!.extract.dateColumn]!),
    columns: Object.fromEntries(own.map((column) => [column.name, field(at[column.name]!)])),
    caseless: own.filter((column) => column.caseless).map((column) => column.name),
  };
}

/** What the start of a CSV extract says about reading the rest of it in DuckDB. */
export interface CsvLayout {
  shape: ExtractShape;
  path: string;
  /** The file as the user named it. */
  file: string;
  at: Positions;
  columnCount: number;
  dateKey: ExtractFields["dateKey"];
  /** The date column's format: given, or (with `auto`) decided by its first date, as the row reader decides it. */
  dateFormat: DateFormat;
  /** The header each column is read from, as the row reader reports it. */
  used: Record<string, ColumnUse | null>;
}

/** How far into a file `auto` looks for a first date before leaving the extract to the row reader. */
const DATE_LOOK_AHEAD = 10_000;

class Decided extends Error {}

/**
 * The format `auto` gives the date column, decided as `DateColumnRule` decides it: by the first value
 * of a row the row reader would read (its field count right), that is not missing and has the shape
 * of a date.
 */
async function csvDateFormat(source: ExtractSource, position: number, head: CsvHead): Promise<DateFormat> {
  const given = source.format.dateFormat;
  if (given !== "auto") return given;
  // Most often the first row decides, and it has been read already.
  const first = head.firstRecord;
  if (first && fieldCountFits(first, head.header.length)) {
    const value = first[position] ?? "";
    const shown = value === "" || isMissingToken(value) ? undefined : dateFormatOf(value);
    if (shown) return shown;
  }
  let width = 0;
  let looked = 0;
  let decided: DateFormat | undefined;
  try {
    await visitCsv(source.path, source.file, {
      header: (fields) => {
        width = fields.length;
      },
      record: (fields) => {
        if (++looked > DATE_LOOK_AHEAD) throw new Decided();
        if (!fieldCountFits(fields, width)) return;
        const value = fields[position] ?? "";
        if (value === "" || isMissingToken(value)) return;
        decided = dateFormatOf(value);
        if (decided) throw new Decided();
      },
    }, undefined, "head");
  } catch (error) {
    if (!(error instanceof Decided)) throw new NeedsRowReader("the file cannot be read, or its start is not valid CSV");
  }
  if (!decided) throw new NeedsRowReader(`no date in the first ${DATE_LOOK_AHEAD} rows decides the date column's format`);
  return decided;
}

/**
 * Reads the header (with csv-parse, as the stream engine does) and the first row; throws
 * `NeedsRowReader` where DuckDB cannot be trusted to read the header as csv-parse does.
 */
export async function csvLayout(shape: ExtractShape, source: ExtractSource): Promise<CsvLayout> {
  if (!duckDbCanName(source.path)) throw new NeedsRowReader("DuckDB cannot name the file (a backslash and a glob character in its path)");
  const head = await readCsvHead(source.path, source.file).catch(() => {
    throw new NeedsRowReader("the file cannot be read, or its start is not valid CSV");
  });
  // DuckDB takes the first line as the header; csv-parse skips blank lines before it.
  if (head.headerLine !== 1) throw new NeedsRowReader("blank lines before the header");
  if (!isPlainHeader(await readFirstLine(source.path), head.header)) throw new NeedsRowReader("the header line is padded or oddly quoted");
  const { at, used } = columnsIn(head.header, shape, source);
  const dateKey = dateKeyFor(head.firstRecord?.[datePosition(shape, at)]);
  const dateFormat = await csvDateFormat(source, datePosition(shape, at), head);
  return { shape, path: source.path, file: source.file, at, columnCount: head.header.length, dateKey, dateFormat, used };
}

/**
 * The characters besides `TRIMMED_CHARACTERS` that JavaScript's `trimEnd` takes from the end of a
 * string (a vertical tab, the no-break and other Unicode spaces, line and paragraph separators, the
 * zero-width no-break space): csv-parse's right trim of a bare field in a file with quotes takes them,
 * DuckDB's reader keeps them.
 */
const TRIMMED_AT_THE_END_BY_CSV_PARSE = "[\\x{0B}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]$";

/**
 * Reads fields as prepost's CSV reader does. With no quotes and no padding in the file, DuckDB's
 * fields are csv-parse's; with padding but no quotes, trimming them makes them so. With quotes, the
 * text inside them is trimmed by both (`" x "` is `x`), but padding outside them could be read
 * differently (` "x" `), a stray quote be an error to one reader and text to the other, or a bare
 * field's end be trimmed of a Unicode space by csv-parse only, so such rows are `suspect` and send the
 * extract to the row reader.
 */
function csvFieldSql(traits: CsvTextTraits, wanted: readonly number[], columnCount: number) {
  const raw = (position: number) => `c${position}`;
  const trimmed = (position: number) => trimmedSql(`c${position}`);
  if (!traits.quotes) return { field: traits.padding ? trimmed : raw, suspect: undefined };
  const quoted = Array.from({ length: columnCount }, (_, i) => `contains(c${i}, '"')`);
  const padded = traits.padding ? wanted.map((position) => `${raw(position)} <> trim(${raw(position)}, ${sqlString(TRIMMED_CHARACTERS)})`) : [];
  // Only a file with such a character anywhere can have one at a field's end: an ASCII file without
  // a vertical tab is spared a regular expression per field read (a fifth of a quoted file's pass).
  const spaceAtEnd = traits.unicodeSpaces ? wanted.map((position) => `regexp_matches(${raw(position)}, ${sqlString(TRIMMED_AT_THE_END_BY_CSV_PARSE)})`) : [];
  return { field: trimmed, suspect: [...quoted, ...padded, ...spaceAtEnd].join(" OR ") };
}

/** How a pass reads a CSV extract whose text has these traits: each column's SQL, the suspect rows, the table function. */
export function csvColumns(layout: CsvLayout, traits: CsvTextTraits, parallel = true) {
  const { at, columnCount } = layout;
  const wanted = Object.values(at).filter((position) => position >= 0);
  const { field, suspect } = csvFieldSql(traits, wanted, columnCount);
  // Exactly the header's columns: a row of the wrong length stops the pass (see `csvReadSql`).
  return { field, ...(suspect ? { suspect } : {}), source: csvReadSql(layout.path, layout.file, columnCount, parallel, "exact") };
}

/** The pass over a CSV activity extract whose text has these traits. */
export function csvRead(layout: CsvLayout, traits: CsvTextTraits, outcomes: readonly Outcome[]): ExtractFields {
  const { field, ...read } = csvColumns(layout, traits);
  return { ...activityFields(outcomes, layout.at, field), dateKey: layout.dateKey, ...read };
}

/**
 * The format of a Parquet extract's date column: given; or, with `auto`, ISO for a typed date (it is
 * written out so, see `parquetFieldSql`), and for text the shape of the first value in file order that
 * is not missing and has the shape of a date, as the row reader decides it.
 */
async function parquetDateFormat(connection: DuckDBConnection, source: ExtractSource, column: ParquetColumn): Promise<DateFormat> {
  const given = source.format.dateFormat;
  if (given !== "auto") return given;
  if (column.type !== "VARCHAR") return "iso";
  const text = parquetFieldSql(column, "auto");
  const missing = `upper(${text}) IN (${MISSING_TOKENS.map((token) => sqlString(token)).join(", ")})`;
  const shaped = `regexp_matches(${text}, '^([0-9]{4}-[0-9]|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})')`;
  const first = await connection
    .runAndReadAll(
      `SELECT ${text} FROM read_parquet(${sqlPath(source.path, source.file)}, file_row_number = true)
     WHERE ${text} <> '' AND NOT (${missing}) AND ${shaped} ORDER BY file_row_number LIMIT 1`,
    )
    .catch(() => {
      // A corrupted page: the row reader names the file and what DuckDB found.
      throw new NeedsRowReader("DuckDB could not read the file");
    });
  const value = first.getRowsJS()[0]?.[0];
  const format = typeof value === "string" ? dateFormatOf(value) : undefined;
  if (!format) throw new NeedsRowReader("no value of the date column decides its format");
  return format;
}

/** The pass over a Parquet extract: its own column names are the header; typed columns become text. */
export async function parquetRead(
  connection: DuckDBConnection,
  outcomes: readonly Outcome[],
  source: ExtractSource,
): Promise<ExtractFields & { dateFormat: DateFormat; used: Record<string, ColumnUse | null> }> {
  const dateSetting: DateSetting = source.format.dateFormat;
  const columns = await parquetColumns(connection, source.path, source.file).catch(() => {
    throw new NeedsRowReader("not a readable Parquet file");
  });
  const { at, used } = columnsIn(
    columns.map((column) => column.name),
    activityShape(outcomes),
    source,
  );
  const dateColumn = columns[at[outcomes[0]!.extract.dateColumn]!]!;
  const fields = activityFields(outcomes, at, (position) => parquetFieldSql(columns[position]!, dateSetting));
  // A field longer than a field may be makes the row invalid (the row reader says so).
  const wanted = Object.values(at).filter((position) => position >= 0);
  const suspect = wanted.map((position) => `strlen(${parquetFieldSql(columns[position]!, dateSetting)}) > ${FIELD_LIMIT}`).join(" OR ");
  const dateKey = dateColumn.type === "DATE" || dateColumn.type === "VARCHAR" ? "whole" : "prefix";
  const dateFormat = await parquetDateFormat(connection, source, dateColumn);
  return { ...fields, suspect, source: `read_parquet(${sqlPath(source.path, source.file)})`, dateKey, dateFormat, used };
}
