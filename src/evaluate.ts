import { forPublication } from "./disclosure/suppress.js";
import { InputError } from "./errors.js";
import type { EvaluationRun } from "./config/run.js";
import { applyComparisonEligibility } from "./core/comparison-eligibility.js";
import { withCosts } from "./row-costs.js";
import { dataCoverage, observedDates } from "./data-coverage.js";
import { decidedSettings, eligibilityCriteria, extractsOf, inputsOf, runWarnings } from "./run-record.js";
import { type MatchedComparison, matchComparison } from "./match-comparison.js";
import { matchedSetsByCohort } from "./matched-figures.js";
import { placeNights } from "./core/count-in-windows.js";
import { applyEligibility } from "./core/eligibility.js";
import { accountRows } from "./core/row-account.js";
import type { ActivityRead } from "./engines/stream.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { selectEngine } from "./engines/select-engine.js";
import { refuseIfNotRegular } from "./io/csv-records.js";
import type { ProgressListener } from "./io/progress.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ExtractName, PublishedResult, Result, RowCounts } from "./result.js";
import { breakdownColumns } from "./breakdown-rows.js";
import { TOOL } from "./version.js";
import { type Counted, outcomeResult, outcomeTallies } from "./outcome-result.js";
import { readPeople, subjectsOf } from "./people.js";
import { type PatientTable, patientRows } from "./patient-rows.js";

/** An extract's reading, back from the `inputs` it went into. */
function readingOf(inputs: Result["inputs"], extract: ExtractName): ExtractReading | undefined {
  const columns = inputs.columns[extract];
  const format = inputs.formats[extract];
  return columns && format ? { ...format, columns } : undefined;
}

function rowCounts(counted: Counted, run: EvaluationRun, log: ProblemLog): RowCounts {
  const { people, activity, subjects, eligibility } = counted;
  const rows: RowCounts = { referrals: people.rows.referrals, activityOfOthers: 0, skipped: log.skippedRows(), accounts: {} };
  for (const read of activity) {
    rows[read.extract] = read.rows;
    // Someone else's row is someone else's for every outcome of the extract: counted once.
    rows.activityOfOthers += read.tallies[0]!.tally.activityOfOthers;
  }
  if (people.rows.comparison !== undefined) rows.comparison = people.rows.comparison;
  if (counted.matched) rows.population = counted.matched.populationRows;
  for (const { outcome, read, tally } of outcomeTallies(run, activity)) {
    const account = accountRows(tally, {
      read: read.rows,
      skipped: log.skippedIn(read.extract),
      referredCount: people.patients.length,
      subjects: subjects.size,
      isIncluded: eligibility.isIncluded,
      withComparison: people.comparison !== undefined,
    });
    rows.accounts[outcome.id] = account;
  }
  return rows;
}

/** What an extract's header shows that the settings leave open: each outcome's own check (outcome.ts, `checkReading`). */
function refuseWhatIsUnsaid(run: EvaluationRun, activity: readonly ActivityRead[]): void {
  const problems = outcomeTallies(run, activity).flatMap(({ outcome, read }) => outcome.checkReading?.(read.reading, read.file, run.chosen) ?? []);
  if (problems.length > 0) throw new InputError(problems);
}

export type { Progress, ProgressListener } from "./io/progress.js";

export interface EvaluateOptions {
  /** Hears rows read per file, every 100,000 rows and at each file's end (for a progress display). */
  progress?: ProgressListener;
}

/** The evaluation as computed, and what it was computed from (for the per-patient output). */
async function evaluation(run: EvaluationRun, options: EvaluateOptions): Promise<{ result: Result; counted: Counted }> {
  // With --match, the comparison group is matched first (reading the activity extracts for it too).
  const matched: MatchedComparison | undefined = run.match ? await matchComparison(run, options) : undefined;
  const log = new ProblemLog(run.settings.skipInvalid, run.settings.maxInvalid);
  // Before anything opens an input: a pipe would be read once, or wait for its writer.
  for (const [, source] of extractsOf(run)) await refuseIfNotRegular(source.path, source.file);
  // Chosen first, so that DuckDB starts up while the referrals are read.
  const engine = await selectEngine(run);
  const people = await readPeople(run, engine, log, options.progress, matched);
  const subjects = subjectsOf(people, run.settings);
  const activity = await engine.read(run, subjects, log, options.progress);
  for (const read of activity) log.extractRead(read.extract, read.file, read.rows);
  log.throwIfAny();
  refuseWhatIsUnsaid(run, activity);

  const settings = decidedSettings(run, dataCoverage(run, activity.map(observedDates)), engine.name);
  const criteria = eligibilityCriteria(settings, people.withInvalidRow);
  // A spell's nights wait for the coverage's end: an open spell runs to it.
  for (const read of activity) for (const { tally } of read.tallies) placeNights(tally, subjects, criteria.dataEnd!, settings.indexDay);
  const unindexed = people.referredIds.size - people.patients.length;
  const eligibility = applyEligibility(people.patients, subjects, criteria, unindexed);
  const comparison = people.comparison && applyComparisonEligibility(people.comparison, subjects, people.referredIds, criteria);
  const isMatched = people.comparison?.some((patient) => patient.matchedTo !== undefined) === true;
  const sets = comparison && isMatched ? matchedSetsByCohort(people.cohorts, eligibility.included, comparison.included) : undefined;
  const counted: Counted = {
    people,
    subjects,
    activity,
    eligibility,
    comparison,
    dataStart: criteria.dataStart,
    dataEnd: criteria.dataEnd,
    criteria,
    breakdowns: breakdownColumns(people.patients, settings),
    matched,
    sets,
  };
  const result: Result = {
    tool: { ...TOOL },
    settings,
    inputs: inputsOf(extractsOf(run), {
      ...(people.reading ? { referrals: people.reading } : {}),
      ...Object.fromEntries(activity.map((read) => [read.extract, read.reading])),
      ...(matched ? { population: readingOf(matched.result.inputs, "population") } : {}),
    }),
    warnings: runWarnings(activity),
    rows: rowCounts(counted, run, log),
    referred: people.referredIds.size,
    attrition: eligibility.attrition,
    ...(comparison ? { comparison_listed: people.comparison!.length, comparison_attrition: comparison.attrition } : {}),
    // Each outcome's rows are worked out here in turn while its months are drawn on another thread.
    outcomes: withCosts(await Promise.all(outcomeTallies(run, activity).map(({ outcome, tally }) => outcomeResult(outcome, tally, counted, settings))), settings),
    ...(matched ? { match: matched.report } : {}),
  };
  return { result, counted };
}

/**
 * The whole evaluation, as computed: read → validate → index patients → window and count →
 * eligibility → aggregate → statistics, every count as it is, before disclosure control. Reads the
 * extracts it is pointed at; prints nothing, exits nothing. Throws `InputError` for bad input, after
 * reading everything, with every problem found. Publish through `evaluate`, which suppresses where
 * the settings say to; this one is for tests and for code that must see the true counts.
 */
export async function evaluateCounts(run: EvaluationRun, options: EvaluateOptions = {}): Promise<Result> {
  return (await evaluation(run, options)).result;
}

/**
 * The evaluation as it may be published: `evaluateCounts`, then disclosure control where the run's
 * settings ask for it (`suppress`), inside the library, so that no caller can forget it.
 */
export async function evaluate(run: EvaluationRun, options: EvaluateOptions = {}): Promise<PublishedResult> {
  return forPublication(await evaluateCounts(run, options));
}

/**
 * `evaluate`, and the per-patient table its figures add up from (statistics.md, "Per-patient
 * output"). That table is patient-level data, which no disclosure control makes publishable: under
 * `--suppress` it is refused (an `InputError`, exit 2), before any extract is read.
 */
export async function evaluateWithPatients(run: EvaluationRun, options: EvaluateOptions = {}): Promise<{ result: PublishedResult; patients: PatientTable }> {
  if (run.settings.suppress) {
    throw new InputError([
      {
        code: "usage",
        file: "--format patients-csv",
        line: 0,
        column: "",
        message:
          "is patient-level data (a row per patient, with their own counts), which small-number suppression cannot make fit to publish, so a run with --suppress does not write it: leave the patients output out, or run it without --suppress (config \"suppress\": false) and keep it where the extracts are kept",
      },
    ]);
  }
  const { result, counted } = await evaluation(run, options);
  return { result: forPublication(result), patients: patientRows(run, counted) };
}
