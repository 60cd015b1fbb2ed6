import type { EvaluationRun } from "../config/run.js";
import { type ActivityTally, emptyTally, windowCounter } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import type { ProgressListener } from "../io/progress.js";
import { readAdmissions, readAe } from "../extracts/read-activity.js";
import { type ExtractReading, startReading } from "../extracts/reading-report.js";
import { type SpellRepeats, spellRepeatCounter } from "../core/spell-repeats.js";

/** The activity extracts, in the order every engine reads them (and reports their problems). */
export const ACTIVITY_EXTRACTS = ["ae", "admissions"] as const;
export type ActivityExtract = (typeof ACTIVITY_EXTRACTS)[number];

/** What an engine hands back for one activity extract: every row counted into the subjects' windows. */
export interface ActivityRead {
  extract: ActivityExtract;
  file: string;
  tally: ActivityTally;
  rows: number;
  /** How the extract was read (columns, delimiter, date formats), for the output's `inputs`. */
  reading: ExtractReading;
  /** Admissions without an episode order: rows repeating a patient, date and method (spell-repeats.ts). */
  repeats?: SpellRepeats;
}

/**
 * An engine reads every activity extract given and counts each row into the subjects' windows.
 * Every engine must give the same tallies, row counts and problems for the same input. `progress`,
 * where given, hears how many rows of each file have been read (see `ProgressListener`).
 */
export type ActivityEngine = (run: EvaluationRun, subjects: Subjects, log: ProblemLog, progress?: ProgressListener) => Promise<ActivityRead[]>;

/** Reads one activity extract row by row into the subjects' windows; its invalid rows go to the log. */
export type ExtractReader = (
  extract: ActivityExtract,
  run: EvaluationRun,
  subjects: Subjects,
  log: ProblemLog,
  progress?: ProgressListener,
) => Promise<ActivityRead>;

/**
 * Streams one extract row by row, validating each row at the border (problems to the log, which
 * decides stop or skip) and counting it as it passes: memory independent of the extract's length.
 */
export const streamExtract: ExtractReader = async (extract, run, subjects, log, progress) => {
  const { settings } = run;
  const source = run[extract]!;
  const tally = emptyTally(subjects);
  const sink = windowCounter(tally, subjects, settings.indexDay);
  const spells = spellRepeatCounter(subjects.slotOf);
  const readout =
    extract === "ae"
      ? await log.readingFile(() =>
          readAe(source, { excludedCategories: new Set(settings.excludedAttendanceCategories) }, log, sink, progress),
        )
      : await log.readingFile(() =>
          readAdmissions(source, { emergencyMethods: new Set(settings.emergencyAdmissionMethods), seeSpell: spells.see }, log, sink, progress),
        );
  const reading = readout?.reading ?? startReading(source);
  const withoutEpisodes = extract === "admissions" && readout !== undefined && reading.columns.episode_order === null;
  return { extract, file: source.file, tally, rows: readout?.rows ?? 0, reading, ...(withoutEpisodes ? { repeats: spells.repeats } : {}) };
};
