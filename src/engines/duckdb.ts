import type { EvaluationRun } from "../config/run.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import { openDuckDb } from "../io/duckdb-session.js";
import { NeedsRowReader, planRead } from "./duckdb-fields.js";
import { calendarSql, type CountingRules } from "./duckdb-sql.js";
import { loadSubjects, tallyInDuckDb } from "./duckdb-tally.js";
import { ACTIVITY_EXTRACTS, type ActivityEngine, type ActivityExtract, type ActivityRead, streamExtract } from "./stream.js";

/** Told when an extract goes to the row reader, and why (for tests, and `PREPOST_DEBUG_ENGINE=1`). */
export type RowReaderNotice = (extract: ActivityExtract, why: string) => void;

const debugNotice: RowReaderNotice = (extract, why) => {
  if (process.env.PREPOST_DEBUG_ENGINE) process.stderr.write(`prepost: ${extract} read row by row: ${why}\n`);
};

function countingRules(run: EvaluationRun): CountingRules {
  const { settings } = run;
  return {
    dateFormat: settings.dateFormat,
    indexDay: settings.indexDay,
    excludedCategories: settings.excludedAttendanceCategories,
    emergencyMethods: settings.emergencyAdmissionMethods,
  };
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
    const session = await openDuckDb();
    try {
      const { connection } = session;
      await loadSubjects(connection, subjects);
      await connection.run(calendarSql(run.settings.dateFormat));
      const read: ActivityRead[] = [];
      for (const extract of ACTIVITY_EXTRACTS) {
        const source = run[extract];
        if (!source) continue;
        try {
          const plan = await planRead(connection, extract, source, run.settings.dateFormat);
          const { tally, rows } = await tallyInDuckDb(connection, plan, countingRules(run), subjects);
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
