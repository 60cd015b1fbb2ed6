import { stat } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EvaluationRun } from "../config/run.js";
import type { ActivityTally } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import type { ExtractSource } from "../extracts/source.js";
import { type CsvTextTraits, csvTextTraits } from "../io/csv-text-traits.js";
import { type DuckDbSession, openDuckDb } from "../io/duckdb-session.js";
import type { DateFormat } from "../extracts/dates.js";
import { type ExtractReading, noteTextKind, startReading } from "../extracts/reading-report.js";
import { type TextKind, textKindOf } from "../io/file-kind.js";
import { isParquet, textSettingsOf } from "../io/records.js";
import { activityShape, csvLayout, csvRead, NeedsRowReader, parquetRead } from "./duckdb-fields.js";
import { aliasOf, calendarSql, type CountingRules, type ExtractFields, repeatsSql } from "./duckdb-sql.js";
import type { SpellRepeats } from "../core/spell-repeats.js";
import { loadSubjects, tallyInDuckDb } from "./duckdb-tally.js";
import { readExtractInWorker } from "./read-in-worker.js";
import { fileDaysInDuckDb, loadPopulation } from "./duckdb-days.js";
import type { DaysWanted } from "./match-days.js";
import { type ActivityEngine, type ActivityRead, activityExtracts, hasCostColumn, type OutcomeTally, outcomesOfExtract, streamExtract } from "./stream.js";
import type { Outcome } from "../outcomes/outcome.js";
import { DUCKDB_WORDS } from "../io/sql-words.js";
import type { CohortNames } from "../extracts/cohort-names.js";
import type { ReferralsRead } from "../extracts/read-referrals.js";
import { readReferralsInDuckDb } from "./duckdb-referrals.js";
import { readComparisonInDuckDb } from "./duckdb-comparison.js";
import type { ComparisonRead } from "../extracts/read-comparison.js";

/** Told when an extract goes to the row reader, and why (for tests, and `PREPOST_DEBUG_ENGINE=1`). */
export type RowReaderNotice = (extract: string, why: string) => void;

const debugNotice: RowReaderNotice = (extract, why) => {
  // The people extracts' notice is worded apart, so that a test counting the activity extracts' can tell them from it.
  const how = extract === "referrals" || extract === "comparison" ? "read by the row reader" : "read row by row";
  if (process.env.PREPOST_DEBUG_ENGINE) process.stderr.write(`prepost: ${extract} ${how}: ${why}\n`);
};

/** A session holding the run's calendar: the part of the start-up that needs no subjects. */
async function preparedSession(run: EvaluationRun): Promise<DuckDbSession> {
  const session = await openDuckDb();
  try {
    // ISO, the usual format of an ICB's extracts; another is made once an extract is known to need it.
    await session.connection.run(calendarSql("iso"));
    return session;
  } catch (error) {
    session.close();
    throw error;
  }
}

/** What a run's engine can have started before the subjects are known. */
interface Preparation {
  session: Promise<DuckDbSession>;
  /** Each CSV activity extract's text traits, scanned on another thread. */
  traits: Partial<Record<string, Promise<CsvTextTraits>>>;
  /** The referrals', where they are CSV. */
  referralTraits?: Promise<CsvTextTraits>;
  /** The comparison group's, where it is a CSV file. */
  comparisonTraits?: Promise<CsvTextTraits>;
}

/** Preparations started ahead of a run's engine call, by run. */
const warming = new WeakMap<EvaluationRun, Preparation>();

function prepare(run: EvaluationRun): Preparation {
  const preparation: Preparation = { session: preparedSession(run), traits: {} };
  preparation.session.catch(() => undefined); // awaited by the engine, which reports a failure
  for (const extract of activityExtracts(run)) {
    const source = run.activity[extract]!;
    if (isParquet(source.path)) continue;
    const scanning = csvTextTraits(source.path);
    scanning.catch(() => undefined); // likewise
    preparation.traits[extract] = scanning;
  }
  if (!isParquet(run.referrals.path)) {
    preparation.referralTraits = csvTextTraits(run.referrals.path);
    preparation.referralTraits.catch(() => undefined); // the row reader reports a file it cannot read
  }
  if (run.comparison && !isParquet(run.comparison.path)) {
    preparation.comparisonTraits = csvTextTraits(run.comparison.path);
    preparation.comparisonTraits.catch(() => undefined); // likewise
  }
  return preparation;
}

/**
 * Below this, csv-parse reads a people extract (the referrals, the comparison group) while DuckDB
 * starts up, and is done first: 10,000 patients' referrals (0.7 MB) took 0.1 s so, 0.4 s in DuckDB.
 * 300,000 patients' (22 MB) took 4 s so, 1.2 s in DuckDB. `PREPOST_DUCKDB_PEOPLE_FROM_BYTES` sets
 * another, for tests.
 */
const PEOPLE_IN_DUCKDB_FROM_BYTES = 4 * 2 ** 20;

function peopleFromBytes(): number {
  const override = Number(process.env.PREPOST_DUCKDB_PEOPLE_FROM_BYTES || Number.NaN);
  return Number.isFinite(override) ? override : PEOPLE_IN_DUCKDB_FROM_BYTES;
}

/** A file's size in bytes; 0 where it cannot be read (whichever engine reads it reports why). */
export async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

/**
 * A people extract (the referrals, the comparison group) read in the run's DuckDB session by `read`;
 * undefined where the row reader must read it: a file under the size worth DuckDB, not a CSV
 * (`traits` then is undefined), or one DuckDB cannot vouch for (`NeedsRowReader`, told to `notice`).
 * The row reader then reports any problem, as it always does. Called after `warmUpDuckDb`, before
 * the engine reads the activity extracts.
 */
async function readPeopleWithDuckDb<T>(
  run: EvaluationRun,
  extract: "referrals" | "comparison",
  traitsOf: (preparation: Preparation) => Promise<CsvTextTraits> | undefined,
  read: (connection: DuckDBConnection, traits: CsvTextTraits) => Promise<T>,
  notice: RowReaderNotice,
): Promise<T | undefined> {
  const preparation = warming.get(run) ?? prepare(run);
  warming.set(run, preparation);
  const source = run[extract];
  const traits = traitsOf(preparation);
  if (!source || !traits || (await sizeOf(source.path)) < peopleFromBytes()) return undefined;
  try {
    const [session, text] = await Promise.all([preparation.session, traits]);
    return await read(session.connection, text);
  } catch (error) {
    notice(extract, (error as Error).message);
    return undefined;
  }
}

/** The referrals read in DuckDB (duckdb-referrals.ts), or undefined (`readPeopleWithDuckDb`). */
export async function readReferralsWithDuckDb(run: EvaluationRun, notice: RowReaderNotice = debugNotice): Promise<{ read: ReferralsRead; cohorts: CohortNames } | undefined> {
  // Breakdowns read more of the index row than the SQL does: their runs are the row reader's.
  if (run.settings.by.length > 0) return undefined;
  return readPeopleWithDuckDb(run, "referrals", (p) => p.referralTraits, (connection, traits) => readReferralsInDuckDb(connection, run.referrals, traits, run.cohorts), notice);
}

/** The comparison group read in DuckDB (duckdb-comparison.ts), its cohorts named as the referrals' `cohorts`; or undefined (`readPeopleWithDuckDb`). */
export async function readComparisonWithDuckDb(run: EvaluationRun, cohorts: CohortNames, notice: RowReaderNotice = debugNotice): Promise<ComparisonRead | undefined> {
  return readPeopleWithDuckDb(run, "comparison", (p) => p.comparisonTraits, (connection, traits) => readComparisonInDuckDb(connection, run.comparison!, traits, cohorts), notice);
}

/**
 * Starts the run's DuckDB, and the scans of its CSV extracts, now: they overlap reading the
 * referrals (DuckDB's start-up on its own threads, the scans on a worker thread).
 */
export function warmUpDuckDb(run: EvaluationRun): void {
  warming.set(run, prepare(run));
}

function preparationFor(run: EvaluationRun): Preparation {
  const preparation = warming.get(run);
  warming.delete(run);
  return preparation ?? prepare(run);
}

function countingRules(run: EvaluationRun, outcome: Outcome, fields: ExtractFields, dateFormat: DateFormat): CountingRules {
  return { dateFormat, indexDay: run.settings.indexDay, months: run.settings.months, reasons: outcome.rule(run.settings).notCountableSql(aliasOf(fields), DUCKDB_WORDS) };
}

type Counted = { tallies: OutcomeTally[]; rows: number; reading: ExtractReading; repeats?: SpellRepeats };

/** An extract without an episode order: the rows repeating a patient, date and method (spell-repeats.ts). */
async function repeatsOf(connection: DuckDBConnection, outcomes: readonly Outcome[], fields: ExtractFields, rules: CountingRules): Promise<{ repeats?: SpellRepeats }> {
  const episodes = outcomes[0]!.extract.episodes;
  if (!episodes || fields.columns[episodes.orderColumn] !== undefined) return {};
  const [row] = (await connection.runAndReadAll(repeatsSql(fields, rules, episodes.sameColumn))).getRowsJS();
  return { repeats: { rows: Number(row?.[0] ?? 0), repeated: Number(row?.[1] ?? 0) } };
}

/** The reading the row reader would report of a plain CSV or a Parquet extract that DuckDB read. */
function readingOf(source: ExtractSource, outcomes: readonly Outcome[], used: ExtractReading["columns"], dateFormat: DateFormat, kind?: TextKind): ExtractReading {
  const reading = startReading(source);
  if (kind) noteTextKind(reading, kind);
  reading.columns = used;
  reading.dateFormats = { [outcomes[0]!.extract.dateColumn]: dateFormat };
  return reading;
}

/** Each outcome of the extract counted in a pass of its own (most extracts have one); matching's days after, once every pass vouched for every row. */
async function countOutcomes(
  connection: DuckDBConnection,
  run: EvaluationRun,
  outcomes: readonly Outcome[],
  fields: ExtractFields,
  dateFormat: DateFormat,
  subjects: Subjects,
  days: DaysWanted | undefined,
): Promise<{ tallies: OutcomeTally[]; rows: number; repeats?: SpellRepeats }> {
  await connection.run(calendarSql(dateFormat));
  const tallies: OutcomeTally[] = [];
  let rows = 0;
  for (const outcome of outcomes) {
    const counted = await tallyInDuckDb(connection, fields, countingRules(run, outcome, fields, dateFormat), subjects, outcome);
    tallies.push({ outcome: outcome.id, tally: counted.tally });
    rows = counted.rows;
  }
  for (const outcome of outcomes) {
    const position = days?.outcomes.get(outcome.id);
    if (position !== undefined) await fileDaysInDuckDb(connection, fields, countingRules(run, outcome, fields, dateFormat), days!, position);
  }
  return { tallies, rows, ...(await repeatsOf(connection, outcomes, fields, countingRules(run, outcomes[0]!, fields, dateFormat))) };
}

/** Reads a CSV extract the way its text allows: the counts are those of a pass whose fields are csv-parse's. */
async function countCsv(
  connection: DuckDBConnection,
  outcomes: readonly Outcome[],
  source: ExtractSource,
  traits: Promise<CsvTextTraits>,
  run: EvaluationRun,
  subjects: Subjects,
  days: DaysWanted | undefined,
): Promise<Counted> {
  const kind = await textKindOf(source.path, source.file, textSettingsOf(source)).catch(() => {
    throw new NeedsRowReader("the file cannot be read, or is not text");
  });
  // DuckDB reads a plain UTF-8 file with commas; the row reader reads the rest (docs/scale.md).
  if (kind.gzip) throw new NeedsRowReader("gzip-compressed");
  if (kind.encoding !== "utf-8") throw new NeedsRowReader(`encoded ${kind.encoding}`);
  if (kind.delimiter !== ",") throw new NeedsRowReader("not comma-delimited");
  const layout = await csvLayout(activityShape(outcomes), source);
  const text = await traits.catch(() => {
    throw new NeedsRowReader("the file cannot be read");
  });
  if (!text.utf8) throw new NeedsRowReader("not valid UTF-8");
  if (text.longLine) throw new NeedsRowReader("a line is longer than a field may be (docs/scale.md)");
  const fields = csvRead(layout, text, outcomes);
  const counted = await countOutcomes(connection, run, outcomes, fields, layout.dateFormat, subjects, days);
  return { ...counted, reading: readingOf(source, outcomes, layout.used, layout.dateFormat, kind) };
}

async function countExtract(
  connection: DuckDBConnection,
  extract: string,
  run: EvaluationRun,
  preparation: Preparation,
  subjects: Subjects,
  days: DaysWanted | undefined,
): Promise<Counted> {
  const source = run.activity[extract]!;
  const outcomes = outcomesOfExtract(run, extract);
  // A spell's nights need its discharge (perhaps on another row), a cost column sums values: the
  // pass counts rows, so these are the row reader's (docs/scale.md).
  if (outcomes.some((outcome) => outcome.adds === "nights")) throw new NeedsRowReader("bed days are counted row by row");
  if (outcomes.some((outcome) => hasCostColumn(run, outcome))) throw new NeedsRowReader("costs from a column are summed row by row");
  const traits = preparation.traits[extract];
  if (traits) return countCsv(connection, outcomes, source, traits, run, subjects, days);
  const fields = await parquetRead(connection, outcomes, source);
  const counted = await countOutcomes(connection, run, outcomes, fields, fields.dateFormat, subjects, days);
  return { ...counted, reading: readingOf(source, outcomes, fields.used, fields.dateFormat) };
}

/**
 * The DuckDB engine: each activity extract is counted in one SQL pass where it lies (CSV or
 * Parquet), never loaded; the counts come back per subject for the same TypeScript core. An extract
 * with any row that is invalid, or that the two engines' CSV readers might read differently, is
 * read by the stream engine instead, which reports every problem as it always does (and skips the
 * same rows under --skip-invalid): the answers, and the problems, are the stream engine's. Matching's
 * days (`days`) come from one more query per matched outcome, or, for an extract the row reader
 * reads, from its rows as they pass (in this thread, where the days are filed).
 */
export function duckdbEngineWith(notice: RowReaderNotice): ActivityEngine {
  return async (run: EvaluationRun, subjects: Subjects, log: ProblemLog, _progress, days): Promise<ActivityRead[]> => {
    const preparation = preparationFor(run);
    const session = await preparation.session;
    try {
      const { connection } = session;
      await loadSubjects(connection, subjects);
      if (days) await loadPopulation(connection, days.population);
      const read: ActivityRead[] = [];
      for (const extract of activityExtracts(run)) {
        const source = run.activity[extract]!;
        try {
          read.push({ extract, file: source.file, ...(await countExtract(connection, extract, run, preparation, subjects, days)) });
        } catch (error) {
          if (!(error instanceof NeedsRowReader)) throw error;
          notice(extract, error.message);
          read.push(await (days ? streamExtract(extract, run, subjects, log, undefined, days) : readExtractInWorker(extract, run, subjects, log)));
        }
      }
      return read;
    } finally {
      session.close();
    }
  };
}

export const duckdbEngine: ActivityEngine = duckdbEngineWith(debugNotice);
