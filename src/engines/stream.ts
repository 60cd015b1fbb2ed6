import type { EvaluationRun } from "../config/run.js";
import { type ActivityTally, emptyTally, windowCounter } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import type { ProblemLog } from "../extracts/problem-log.js";
import type { ProgressListener } from "../io/progress.js";
import { readActivity } from "../extracts/read-activity.js";
import { type ExtractReading, startReading } from "../extracts/reading-report.js";
import { type SpellRepeats, spellRepeatCounter } from "../core/spell-repeats.js";
import { COST_COLUMN } from "../extracts/activity-rows.js";
import type { Outcome } from "../outcomes/outcome.js";
import { outcomeOf } from "../outcomes/registry.js";
import { alsoFilingDays, type DaysWanted } from "./match-days.js";

/** The activity extracts of a run, in the order every engine reads them (and reports their problems). */
export function activityExtracts(run: EvaluationRun): string[] {
  return Object.keys(run.activity);
}

/** The run's outcomes counted from one extract, in the run's order. */
export function outcomesOfExtract(run: EvaluationRun, extract: string): Outcome[] {
  return run.outcomes.map(outcomeOf).filter((outcome) => outcome.extract.name === extract);
}

/** Whether an outcome's rows carry a cost (the run names a cost column for it). */
export const hasCostColumn = (run: EvaluationRun, outcome: Outcome) =>
  run.settings.costColumns[outcome.id] !== undefined && run.activity[outcome.extract.name]?.columns[COST_COLUMN] !== undefined;

/** One outcome's counts over its extract. */
export interface OutcomeTally {
  outcome: string;
  tally: ActivityTally;
}

/** What an engine hands back for one activity extract: every row counted into the subjects' windows, per outcome. */
export interface ActivityRead {
  extract: string;
  file: string;
  /** One per outcome of the extract, in the run's order. */
  tallies: OutcomeTally[];
  rows: number;
  /** How the extract was read (columns, delimiter, date formats), for the output's `inputs`. */
  reading: ExtractReading;
  /** An extract without an episode order: rows repeating a patient, date and method (spell-repeats.ts). */
  repeats?: SpellRepeats;
}

/**
 * An engine reads every activity extract given and counts each row into the subjects' windows.
 * Every engine must give the same tallies, row counts and problems for the same input. `progress`,
 * where given, hears how many rows of each file have been read (see `ProgressListener`); `days`,
 * where given (matching), is filled with the population's countable days as well.
 */
export type ActivityEngine = (run: EvaluationRun, subjects: Subjects, log: ProblemLog, progress?: ProgressListener, days?: DaysWanted) => Promise<ActivityRead[]>;

/** Reads one activity extract row by row into the subjects' windows (and `days`, where given); its invalid rows go to the log. */
export type ExtractReader = (extract: string, run: EvaluationRun, subjects: Subjects, log: ProblemLog, progress?: ProgressListener, days?: DaysWanted) => Promise<ActivityRead>;

/**
 * Streams one extract row by row, validating each row at the border (problems to the log, which
 * decides stop or skip) and counting it for each of its outcomes as it passes: memory independent of
 * the extract's length.
 */
export const streamExtract: ExtractReader = async (extract, run, subjects, log, progress, days) => {
  const { settings } = run;
  const source = run.activity[extract]!;
  const outcomes = outcomesOfExtract(run, extract);
  const tallies = outcomes.map((outcome) => ({ outcome: outcome.id, tally: emptyTally(subjects, outcome, hasCostColumn(run, outcome)) }));
  const readings = outcomes.map((outcome, i) => ({
    outcome,
    rule: outcome.rule(settings),
    sink: alsoFilingDays(windowCounter(tallies[i]!.tally, subjects, settings.indexDay), outcome, days),
  }));
  const episodes = outcomes[0]!.extract.episodes;
  const spells = spellRepeatCounter(subjects.slotOf);
  const seeRow = episodes && ((patientId: string, day: number, row: { values: Readonly<Record<string, string | undefined>> }) => {
    if (row.values[episodes.orderColumn] === undefined) spells.see(patientId, day, row.values[episodes.sameColumn] ?? "");
  });
  const readout = await log.readingFile(() => readActivity(source, readings, log, progress, seeRow || undefined));
  const reading = readout?.reading ?? startReading(source);
  const withoutEpisodes = episodes !== undefined && readout !== undefined && reading.columns[episodes.orderColumn] === null;
  return { extract, file: source.file, tallies, rows: readout?.rows ?? 0, reading, ...(withoutEpisodes ? { repeats: spells.repeats } : {}) };
};
