import type { DuckDBConnection } from "@duckdb/node-api";
import type { EvaluationRun } from "../config/run.js";
import type { ActivityTally } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import type { ExtractSource } from "../extracts/source.js";
import { csvTextTraits, PLAIN_TEXT } from "../io/csv-text-traits.js";
import { type DuckDbSession, openDuckDb } from "../io/duckdb-session.js";
import { isParquet } from "../io/records.js";
import { csvLayout, csvRead, NeedsRowReader, parquetRead } from "./duckdb-fields.js";
import { calendarSql, type CountingRules } from "./duckdb-sql.js";
import { loadSubjects, tallyInDuckDb } from "./duckdb-tally.js";
import { ACTIVITY_EXTRACTS, type ActivityEngine, type ActivityExtract, type ActivityRead, streamExtract } from "./stream.js";

/** Told when an extract goes to the row reader, and why (for tests, and `PREPOST_DEBUG_ENGINE=1`). */
export type RowReaderNotice = (extract: ActivityExtract, why: string) => void;

const debugNotice: RowReaderNotice = (extract, why) => {
  if (process.env.PREPOST_DEBUG_ENGINE) process.stderr.write(`prepost: ${extract} read row by row: ${why}\n`);
};

/** A session holding the run's calendar: the part of the start-up that needs no subjects. */
async function preparedSession(run: EvaluationRun): Promise<DuckDbSession> {
  const session = await openDuckDb();
  try {
    await session.connection.run(calendarSql(run.settings.dateFormat));
    return session;
  } catch (error) {
    session.close();
    throw error;
  }
}

/** Sessions prepared ahead of a run's engine call, by run. */
const warming = new WeakMap<EvaluationRun, Promise<DuckDbSession>>();

/** Prepares the run's DuckDB now, so that its start-up overlaps reading the referrals. */
export function warmUpDuckDb(run: EvaluationRun): void {
  const preparing = preparedSession(run);
  preparing.catch(() => undefined); // awaited by the engine, which reports a failure
  warming.set(run, preparing);
}

function sessionFor(run: EvaluationRun): Promise<DuckDbSession> {
  const preparing = warming.get(run);
  warming.delete(run);
  return preparing ?? preparedSession(run);
}

function countingRules(run: EvaluationRun): CountingRules {
  const { settings } = run;
  return {
    dateFormat: settings.dateFormat,
    indexDay: settings.indexDay,
    excludedCategories: settings.excludedAttendanceCategories,
    emergencyMethods: settings.emergencyAdmissionMethods,
  };
}

type Counted = { tally: ActivityTally; rows: number };

/**
 * A CSV extract: the pass that assumes a plain file (no quotes, no padding) runs while the file is
 * scanned for either, since most extracts are plain; if it is not, the pass for its traits runs
 * after. Either way the counts are those of a pass whose reading of the fields is csv-parse's.
 */
async function countCsv(connection: DuckDBConnection, extract: ActivityExtract, source: ExtractSource, rules: CountingRules, subjects: Subjects): Promise<Counted> {
  const layout = await csvLayout(extract, source);
  const scanning = csvTextTraits(source.path);
  scanning.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const plain = await tallyInDuckDb(connection, csvRead(layout, PLAIN_TEXT), rules, subjects).catch((error: unknown) => error);
  const traits = await scanning;
  if (traits.quotes || traits.padding) return tallyInDuckDb(connection, csvRead(layout, traits), rules, subjects);
  if (plain instanceof Error) throw plain;
  return plain as Counted;
}

async function countExtract(connection: DuckDBConnection, extract: ActivityExtract, run: EvaluationRun, subjects: Subjects): Promise<Counted> {
  const source = run[extract]!;
  if (!isParquet(source.path)) return countCsv(connection, extract, source, countingRules(run), subjects);
  return tallyInDuckDb(connection, await parquetRead(connection, extract, source, run.settings.dateFormat), countingRules(run), subjects);
}

/**
 * The DuckDB engine: each activity extract is counted in one SQL pass where it lies (CSV or
 * Parquet), never loaded; the counts come back per subject for the same TypeScript core. An extract
 * with any row that is invalid, or that the two engines' CSV readers might read differently, is
 * read by the stream engine instead, which reports every problem as it always does (and skips the
 * same rows under --skip-invalid): the answers, and the problems, are the stream engine's.
 */
export function duckdbEngineWith(notice: RowReaderNotice): ActivityEngine {
  return async (run: EvaluationRun, subjects: Subjects, log: ProblemLog): Promise<ActivityRead[]> => {
    const session = await sessionFor(run);
    try {
      const { connection } = session;
      await loadSubjects(connection, subjects);
      const read: ActivityRead[] = [];
      for (const extract of ACTIVITY_EXTRACTS) {
        const source = run[extract];
        if (!source) continue;
        try {
          const { tally, rows } = await countExtract(connection, extract, run, subjects);
          read.push({ extract, file: source.file, tally, rows });
        } catch (error) {
          if (!(error instanceof NeedsRowReader)) throw error;
          notice(extract, error.message);
          read.push(await streamExtract(extract, run, subjects, log));
        }
      }
      return read;
    } finally {
      session.close();
    }
  };
}

export const duckdbEngine: ActivityEngine = duckdbEngineWith(debugNotice);
