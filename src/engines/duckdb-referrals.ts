import type { DuckDBConnection } from "@duckdb/node-api";
import type { ReferredPatient } from "../core/index-patients.js";
import { CohortNames } from "../extracts/cohort-names.js";
import type { ReferralsRead } from "../extracts/read-referrals.js";
import { noteTextKind, startReading } from "../extracts/reading-report.js";
import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import { missingAsEmptySql } from "../extracts/missing-values.js";
import type { ExtractSource } from "../extracts/source.js";
import type { ListedCohort } from "../config/run.js";
import type { CsvTextTraits } from "../io/csv-text-traits.js";
import { NeedsRowReader } from "./duckdb-fields.js";
import { countsOf, eachChunk, loadRows, missingTextSql, type PeopleCsv, peopleCsv } from "./duckdb-people.js";
import { datedFieldsSql, MISSING_DAYS } from "./duckdb-sql.js";
import { CONSENT_YES } from "../extracts/fields.js";
import { DUCKDB_WORDS, inList } from "../io/sql-words.js";
import { sqlString } from "../io/duckdb-session.js";
import { digits, toRegex } from "../extracts/text-pattern.js";

/**
 * The referrals read by DuckDB, for a large extract on the DuckDB engine: a UTF-8 CSV with commas,
 * quoted or not, is validated row by row in SQL and rule 1 (the index row: the earliest date, the first such row in file order;
 * onward referrals summed) is applied per patient there, so that only a row per patient comes back.
 * Anything the SQL cannot vouch for (an invalid value, a row csv-parse might read otherwise, a cohort
 * the config does not list) throws `NeedsRowReader`: the row reader then reads the file, and reports
 * every problem where it is, as it always does. The rules are the row reader's (referrals.ts,
 * fields.ts), each written beside its SQL here.
 *
 * The warehouse script has its own SQL of rule 1 and the rows' checks (warehouse/steps/referrals.ts),
 * portable to four dialects and to tables with no file order; both take their shapes from
 * text-pattern.ts. Its steps, run here in DuckDB, took 1.4 s at 300,000 patients where this takes
 * 0.7 s, so the engine keeps this one.
 */

// fields.ts: a whole number is digits (or empty); fifteen at most, so that a sum in SQL is the sum in JavaScript.
const WHOLE = sqlString(toRegex(digits(0, 15)));

function referralRowsSql({ columns, suspect, from, layout: { dateFormat: format, dateKey } }: PeopleCsv): string {
  const optional = (name: string) => (columns[name] === undefined ? "''" : missingAsEmptySql(columns[name]!));
  return `CREATE OR REPLACE TEMP TABLE referral_rows AS
  WITH fields AS (
    SELECT row_number() OVER () AS r, ${columns.patient_id} AS patient_id, ${columns.cohort} AS cohort, ${columns.intervention_date} AS d,
      ${optional("consent")} AS consent, ${optional("onward_referrals")} AS onward, ${optional("age")} AS age, ${suspect} AS suspect
    FROM ${from}
  ), dated AS (
    ${datedFieldsSql(format, dateKey)}
  )
  SELECT r, patient_id, cohort, day, ${inList("lower(consent)", [...CONSENT_YES], DUCKDB_WORDS)} AS consent,
    CASE WHEN onward = '' THEN 0 ELSE TRY_CAST(onward AS DOUBLE) END AS onward,
    CASE WHEN age = '' THEN NULL ELSE TRY_CAST(age AS DOUBLE) END AS age,
    -- patientIdField, requiredTextField("a cohort"), requiredDayField (no placeholder), the whole numbers
    (${missingTextSql("patient_id")} OR ${missingTextSql("cohort")}
      OR day IS NULL OR day IN ${MISSING_DAYS} OR NOT regexp_full_match(onward, ${WHOLE}) OR NOT regexp_full_match(age, ${WHOLE})
      OR consent IS NULL OR suspect) AS unsure
  FROM dated`;
}

/**
 * A row's place in rule 1's order, (date, file order), as one number: the day times 2^32 plus the
 * row's number (a day of 1900-2099 is under 80,000 either side of 1970, a row's number under 2^32,
 * so the product stays well inside a BIGINT and orders exactly as the pair). A single key made
 * `min_by` a third quicker than a (day, r) struct at 300,000 patients.
 */
const RULE_1_ORDER = `(day::BIGINT * ${2 ** 32} + r)`;

/**
 * Rule 1 per patient, in order of first appearance (the slots): the index row is the least (date,
 * file order). No column is NULL (an age not given is NaN), so that the rows are read straight off
 * DuckDB's vectors (see `tallySql`).
 */
const PATIENTS_SQL = `SELECT patient_id, min(day) AS index_day, min_by(cohort, ${RULE_1_ORDER}) AS cohort,
    min_by(consent, ${RULE_1_ORDER}) AS consent, coalesce(min_by(age, ${RULE_1_ORDER}), 'NaN'::DOUBLE) AS age, sum(onward) AS onward
  FROM referral_rows GROUP BY patient_id ORDER BY min(r)`;

/** Each cohort as written, in order of first appearance, for the cohort names' rules (cohort-names.ts). */
const COHORTS_SQL = "SELECT cohort, min(r) AS first FROM referral_rows GROUP BY cohort ORDER BY first";

const REFERRAL_SHAPE = { columns: REFERRAL_COLUMNS, dateColumn: "intervention_date" };

/** The referrals of a UTF-8 CSV with commas, read in DuckDB; `NeedsRowReader` where the row reader must read them. */
export async function readReferralsInDuckDb(
  connection: DuckDBConnection,
  source: ExtractSource,
  traits: CsvTextTraits,
  listed: readonly ListedCohort[] | undefined,
): Promise<{ read: ReferralsRead; cohorts: CohortNames }> {
  const csv = await peopleCsv(source, traits, REFERRAL_SHAPE);
  const { layout } = csv;
  // Ties of rule 1 then go by that column, compared as numbers or as text (index-patients.ts).
  if (layout.at.row_order! >= 0) throw new NeedsRowReader("a row order (columns.referrals.row_order) orders the rows");
  await loadRows(connection, csv, referralRowsSql(csv));
  const [rows, unsure] = await countsOf(connection, "SELECT count(*)::DOUBLE, count(*) FILTER (unsure)::DOUBLE FROM referral_rows");
  if (!(unsure === 0)) throw new NeedsRowReader(`${unsure} referral row(s) invalid, or not read alike by csv-parse and DuckDB`);

  const cohorts = new CohortNames(listed);
  const named = new Map<string, string>();
  await eachChunk(connection, COHORTS_SQL, (count, [values, firsts]) => {
    for (let i = 0; i < count; i++) {
      const value = values!.getItem(i) as string;
      named.set(value, cohorts.ofReferral(value, Number(firsts!.getItem(i)) + 1));
    }
  });
  // A cohort that is an NHS number, or that the config does not list: the row reader names every line.
  if (cohorts.nhsNumberProblem(source.file, "cohort").length > 0 || cohorts.unlistedProblems(source.file, "cohort").length > 0) {
    throw new NeedsRowReader("a cohort to report");
  }

  const patients = new Map<string, ReferredPatient>();
  // PATIENTS_SQL's columns, in its order, read off each chunk's vectors rather than copied into arrays first (0.06 s less at 300,000 patients).
  await eachChunk(connection, PATIENTS_SQL, (chunk, [ids, days, cohortOf, consents, ages, onwards]) => {
    for (let row = 0; row < chunk; row++) {
      const slot = patients.size;
      const day = days!.getItem(row);
      const cohort = named.get(cohortOf!.getItem(row) as string);
      // Every row was vouched for: a patient without a day or a cohort here is a bug, never a figure.
      if (typeof day !== "number" || cohort === undefined) throw new Error(`readReferralsInDuckDb: patient ${slot} has no index day or cohort`);
      const age = ages!.getItem(row) as number;
      const patientId = ids!.getItem(row) as string;
      patients.set(patientId, {
        patientId,
        slot,
        indexDate: day,
        cohort,
        consent: consents!.getItem(row) === true,
        age: Number.isNaN(age) ? undefined : age,
        onwardReferrals: onwards!.getItem(row) as number,
        // Never read here: a run with breakdowns has its referrals read by the row reader (`readReferralsWithDuckDb`).
        groups: [],
      });
    }
  });
  await connection.run("DROP TABLE referral_rows");
  const reading = startReading(source);
  noteTextKind(reading, csv.kind);
  reading.columns = layout.used;
  reading.dateFormats = { intervention_date: layout.dateFormat };
  return { read: { patients, rows: rows!, withInvalidRow: new Set(), reading }, cohorts };
}
