import type { EvaluationRun } from "../config/run.js";
import { type ActivityTally, emptyTally, windowCounter } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import type { ProgressListener } from "../io/progress.js";
import { readAdmissions, readAe } from "../extracts/read-activity.js";

/** What an engine hands back for one activity extract: every row counted into the subjects' windows. */
export interface ActivityRead {
  extract: "ae" | "admissions";
  file: string;
  tally: ActivityTally;
  rows: number;
}

/**
 * An engine reads every activity extract given and counts each row into the subjects' windows.
 * Every engine must give the same tallies, row counts and problems for the same input. `progress`,
 * where given, hears how many rows of each file have been read (see `ProgressListener`).
 */
export type ActivityEngine = (run: EvaluationRun, subjects: Subjects, log: ProblemLog, progress?: ProgressListener) => Promise<ActivityRead[]>;

/** The csv-parse engine: each extract streamed row by row, memory independent of its length. */
export const streamEngine: ActivityEngine = async (run, subjects, log, progress) => {
  const { settings } = run;
  const read: ActivityRead[] = [];
  if (run.ae) {
    const tally = emptyTally(subjects);
    const reading = { dateFormat: settings.dateFormat, excludedCategories: new Set(settings.excludedAttendanceCategories) };
    const rows = await log.readingFile(() => readAe(run.ae!, reading, log, windowCounter(tally, subjects, settings.indexDay), progress));
    read.push({ extract: "ae", file: run.ae.file, tally, rows: rows ?? 0 });
  }
  if (run.admissions) {
    const tally = emptyTally(subjects);
    const reading = { dateFormat: settings.dateFormat, emergencyMethods: new Set(settings.emergencyAdmissionMethods) };
    const rows = await log.readingFile(() =>
      readAdmissions(run.admissions!, reading, log, windowCounter(tally, subjects, settings.indexDay), progress),
    );
    read.push({ extract: "admissions", file: run.admissions.file, tally, rows: rows ?? 0 });
  }
  return read;
};
