import type { DuckDBConnection } from "@duckdb/node-api";
import { ADMISSION_COLUMNS } from "../extracts/admissions.js";
import { AE_COLUMNS } from "../extracts/ae.js";
import type { DateFormat } from "../extracts/dates.js";
import { type ExtractSource, wantedColumns } from "../extracts/source.js";
import { readCsvHead } from "../io/csv-head.js";
import { csvTextTraits, type CsvTextTraits } from "../io/csv-text-traits.js";
import { locateColumns } from "../io/columns.js";
import { csvReadSql, isPlainHeader } from "../io/duckdb-csv.js";
import { sqlString } from "../io/duckdb-session.js";
import { parquetColumns, parquetFieldSql, TRIMMED_CHARACTERS } from "../io/parquet-records.js";
import { isParquet } from "../io/records.js";
import type { ExtractFields } from "./duckdb-sql.js";
import type { ActivityExtract } from "./stream.js";

/** Why the DuckDB engine hands an extract to the stream engine: shown to whoever debugs a slow run. */
export class NeedsRowReader extends Error {}

const COLUMNS = { ae: AE_COLUMNS, admissions: ADMISSION_COLUMNS } as const;

/** The extract's columns: position of each wanted column in the header, -1 for an absent optional one. */
function positionsIn(header: string[], extract: ActivityExtract, source: ExtractSource): Record<string, number> {
  try {
    return locateColumns(header, wantedColumns(source, COLUMNS[extract]), source.file);
  } catch {
    throw new NeedsRowReader("a required column is missing");
  }
}

/** A bare date (`2021-03-04`) is looked up whole; anything longer by its first ten characters. */
function dateKeyFor(sample: string | undefined): ExtractFields["dateKey"] {
  return sample !== undefined && sample.length !== 10 ? "prefix" : "whole";
}

function activityFields(
  extract: ActivityExtract,
  at: Record<string, number>,
  field: (position: number) => string,
): Pick<ExtractFields, "patientId" | "date" | "category" | "method" | "episode"> {
  const optional = (position: number) => (position < 0 ? "''" : field(position));
  if (extract === "ae") {
    return { patientId: field(at.patient_id!), date: field(at.arrival_date!), category: optional(at.attendance_category!) };
  }
  return {
    patientId: field(at.patient_id!),
    date: field(at.admission_date!),
    method: field(at.admission_method!),
    ...(at.episode_order! >= 0 ? { episode: field(at.episode_order!) } : {}),
  };
}

/**
 * Reads fields as csv-parse does. With no quotes and no padding in the file, DuckDB's fields are
 * csv-parse's; with padding but no quotes, trimming them makes them so; with quotes, a field could
 * be trimmed by one reader and not the other (`" x "` vs ` x `), or a stray quote be an error to one
 * and text to the other, so such rows are `suspect` and send the extract to the row reader.
 */
function csvFieldSql(traits: CsvTextTraits, wanted: readonly number[], columnCount: number) {
  const raw = (position: number) => `c${position}`;
  const trimmed = (position: number) => `trim(c${position}, ${sqlString(TRIMMED_CHARACTERS)})`;
  if (!traits.quotes) return { field: traits.padding ? trimmed : raw, suspect: undefined };
  const quoted = Array.from({ length: columnCount }, (_, i) => `contains(c${i}, '"')`);
  const padded = traits.padding ? wanted.map((position) => `${raw(position)} <> ${trimmed(position)}`) : [];
  return { field: raw, suspect: [...quoted, ...padded].join(" OR ") };
}

export interface PlannedRead {
  /** The fields over the CSV read in parallel; `serial` for a retry (see `duckdb-tally.ts`). */
  fields: ExtractFields;
  serial?: ExtractFields;
}

async function planCsv(extract: ActivityExtract, source: ExtractSource): Promise<PlannedRead> {
  const head = await readCsvHead(source.path, source.file).catch(() => {
    throw new NeedsRowReader("the file cannot be read, or its start is not valid CSV");
  });
  // DuckDB takes the first line as the header; csv-parse skips blank lines before it.
  if (head.headerLine !== 1) throw new NeedsRowReader("blank lines before the header");
  const at = positionsIn(head.header, extract, source);
  const traits = await csvTextTraits(source.path);
  if (!isPlainHeader(traits.firstLine, head.header)) throw new NeedsRowReader("the header line is padded or oddly quoted");
  const wanted = Object.values(at).filter((position) => position >= 0);
  const columnCount = head.header.length;
  const { field, suspect } = csvFieldSql(traits, wanted, columnCount);
  const fields = activityFields(extract, at, field);
  const dateKey = dateKeyFor(head.firstRecord?.[extract === "ae" ? at.arrival_date! : at.admission_date!]);
  const common = { ...fields, lastField: `c${columnCount - 1}`, extraField: `c${columnCount}`, dateKey, ...(suspect ? { suspect } : {}) };
  return {
    fields: { ...common, source: csvReadSql(source.path, columnCount, true) },
    serial: { ...common, source: csvReadSql(source.path, columnCount, false) },
  };
}

async function planParquet(
  connection: DuckDBConnection,
  extract: ActivityExtract,
  source: ExtractSource,
  dateFormat: DateFormat,
): Promise<PlannedRead> {
  const columns = await parquetColumns(connection, source.path).catch(() => {
    throw new NeedsRowReader("not a readable Parquet file");
  });
  const at = positionsIn(
    columns.map((column) => column.name),
    extract,
    source,
  );
  const dateColumn = columns[extract === "ae" ? at.arrival_date! : at.admission_date!]!;
  const fields = activityFields(extract, at, (position) => parquetFieldSql(columns[position]!, dateFormat));
  const bareDate = dateColumn.type === "DATE" || dateColumn.type === "VARCHAR";
  return { fields: { ...fields, source: `read_parquet(${sqlString(source.path)})`, dateKey: bareDate ? "whole" : "prefix" } };
}

/** Plans the one pass over an extract, or throws `NeedsRowReader` if it must be read row by row. */
export function planRead(connection: DuckDBConnection, extract: ActivityExtract, source: ExtractSource, dateFormat: DateFormat): Promise<PlannedRead> {
  return isParquet(source.path) ? planParquet(connection, extract, source, dateFormat) : planCsv(extract, source);
}
