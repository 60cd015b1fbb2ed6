import type { DuckDBConnection } from "@duckdb/node-api";
import type { CohortNames } from "../extracts/cohort-names.js";
import { COMPARISON_COLUMNS, type ComparisonPatient } from "../extracts/comparison.js";
import type { ComparisonRead } from "../extracts/read-comparison.js";
import type { ExtractSource } from "../extracts/source.js";
import type { CsvTextTraits } from "../io/csv-text-traits.js";
import { NeedsRowReader } from "./duckdb-fields.js";
import { countsOf, eachChunk, loadRows, missingTextSql, type PeopleCsv, peopleCsv } from "./duckdb-people.js";
import { datedFieldsSql, MISSING_DAYS } from "./duckdb-sql.js";

/**
 * The comparison group read by DuckDB, for a large extract on the DuckDB engine (a matched group of
 * an ICB's size is hundreds of thousands of rows, which csv-parse takes a second over). Each row is
 * validated in SQL by comparison.ts's rules, each written beside its SQL here; anything the SQL cannot
 * vouch for (an invalid value, a patient listed twice, a cohort the referrals do not have, a row
 * csv-parse might read otherwise) throws `NeedsRowReader`, and the row reader then reads the file
 * and reports every problem where it is, as it always does.
 */

const COMPARISON_SHAPE = { columns: COMPARISON_COLUMNS, dateColumn: "index_date" };

function comparisonRowsSql({ columns, suspect, from, layout: { dateFormat, dateKey } }: PeopleCsv): string {
  // matched_to, where the extract has it, is required of every row (comparison.ts).
  const matchedTo = columns.matched_to ?? "'-'";
  return `CREATE OR REPLACE TEMP TABLE comparison_rows AS
  WITH fields AS (
    SELECT row_number() OVER () AS r, ${columns.patient_id} AS patient_id, ${columns.cohort} AS cohort, ${columns.index_date} AS d,
      ${matchedTo} AS matched_to, ${suspect} AS suspect
    FROM ${from}
  ), dated AS (
    ${datedFieldsSql(dateFormat, dateKey)}
  )
  SELECT r, patient_id, cohort, day, matched_to,
    -- patientIdField, requiredTextField("a cohort"), requiredDayField (no placeholder), matched_to's requiredTextField
    (${missingTextSql("patient_id")} OR ${missingTextSql("cohort")} OR day IS NULL OR day IN ${MISSING_DAYS} OR ${missingTextSql("matched_to")} OR suspect) AS unsure
  FROM dated`;
}

/** The rows, the rows not vouched for, and the patients listed more than once (the row reader's `is listed twice`). */
const CHECKS_SQL = "SELECT count(*)::DOUBLE, count(*) FILTER (unsure)::DOUBLE, (count(*) - count(DISTINCT patient_id))::DOUBLE FROM comparison_rows";

/** Each cohort as written (compared as the referrals' are, see `CohortNames.find`). */
const COHORTS_SQL = "SELECT DISTINCT cohort FROM comparison_rows";

/** The patients in file order: the order the row reader lists them in, which gives the controls their slots. */
const PATIENTS_SQL = "SELECT patient_id, cohort, day, matched_to FROM comparison_rows ORDER BY r";

/** The comparison group of a UTF-8 CSV with commas, read in DuckDB; `NeedsRowReader` where the row reader must read it. */
export async function readComparisonInDuckDb(connection: DuckDBConnection, source: ExtractSource, traits: CsvTextTraits, cohorts: CohortNames): Promise<ComparisonRead> {
  const csv = await peopleCsv(source, traits, COMPARISON_SHAPE);
  await loadRows(connection, csv, comparisonRowsSql(csv));
  const [rows, unsure, repeated] = await countsOf(connection, CHECKS_SQL);
  if (!(unsure === 0)) throw new NeedsRowReader(`${unsure} comparison row(s) invalid, or not read alike by csv-parse and DuckDB`);
  // Both stop the run, naming every line (comparison.ts): the row reader's to report.
  if (!(repeated === 0)) throw new NeedsRowReader("a patient listed twice");
  const named = new Map<string, string>();
  await eachChunk(connection, COHORTS_SQL, (count, [values]) => {
    for (let i = 0; i < count; i++) {
      const value = values!.getItem(i) as string;
      const cohort = cohorts.find(value);
      if (cohort === undefined) throw new NeedsRowReader("a cohort the referrals do not have");
      named.set(value, cohort);
    }
  });
  const withMatchedTo = csv.columns.matched_to !== undefined;
  const patients: ComparisonPatient[] = [];
  await eachChunk(connection, PATIENTS_SQL, (count, [ids, cohortOf, days, matchedTo]) => {
    for (let row = 0; row < count; row++) {
      const indexDate = days!.getItem(row);
      const cohort = named.get(cohortOf!.getItem(row) as string);
      // Every row was vouched for: a control without a day or a cohort here is a bug, never a figure.
      if (typeof indexDate !== "number" || cohort === undefined) throw new Error(`readComparisonInDuckDb: control ${patients.length} has no index day or cohort`);
      const patient: ComparisonPatient = { patientId: ids!.getItem(row) as string, cohort, indexDate };
      if (withMatchedTo) patient.matchedTo = matchedTo!.getItem(row) as string;
      patients.push(patient);
    }
  });
  await connection.run("DROP TABLE comparison_rows");
  return { patients, rows: rows! };
}
