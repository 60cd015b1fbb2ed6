import { forPublication } from "./disclosure/suppress.js";
import { InputError } from "./errors.js";
import type { EvaluationRun } from "./config/run.js";
import type { Settings } from "./config/settings.js";
import { applyComparisonEligibility } from "./core/comparison-eligibility.js";
import type { Day } from "./core/day.js";
import { withCosts } from "./row-costs.js";
import { placeNights } from "./core/count-in-windows.js";
import { applyEligibility, type EligibilityCriteria } from "./core/eligibility.js";
import { accountRows } from "./core/row-account.js";
import type { ActivityRead } from "./engines/stream.js";
import { parseIsoSetting } from "./extracts/dates.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { selectEngine } from "./engines/select-engine.js";
import { refuseIfNotRegular } from "./io/csv-records.js";
import type { ProgressListener } from "./io/progress.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ExtractName, PublishedResult, Result, RowCounts, RunWarning } from "./result.js";
import type { ExtractSource } from "./extracts/source.js";
import { episodeLevelMessage, isLikelyEpisodeLevel } from "./core/spell-repeats.js";
import { dataCoverage } from "./data-coverage.js";
import { breakdownColumns } from "./breakdown-rows.js";
import { TOOL } from "./version.js";
import { type Counted, outcomeResult, outcomeTallies } from "./outcome-result.js";
import { readPeople, subjectsOf } from "./people.js";
import { type PatientTable, patientRows } from "./patient-rows.js";

/** Every extract of the run, in the order of `inputs`: the referrals, the activity extracts, the comparison group. */
function extractsOf(run: EvaluationRun): [ExtractName, ExtractSource][] {
  return [["referrals", run.referrals], ...Object.entries(run.activity), ...(run.comparison ? [["comparison", run.comparison] as [string, ExtractSource]] : [])];
}

/** The settings block, in the spec's order, with the data coverage decided (rule 2.5). */
function decidedSettings(run: EvaluationRun, activity: readonly ActivityRead[], engine: Settings["engine"]): Settings {
  const { settings } = run;
  const coverage = dataCoverage(run, activity);
  // Spelled out so that the settings block reads in the spec's order.
  return {
    from: settings.from,
    to: settings.to,
    window: settings.window,
    indexDay: settings.indexDay,
    dataStart: coverage.dataStart,
    dataEnd: coverage.dataEnd,
    dataStartInferred: coverage.dataStartInferred,
    dataEndInferred: coverage.dataEndInferred,
    dataStartSource: coverage.dataStartSource,
    dataEndSource: coverage.dataEndSource,
    dataStartBoundBy: coverage.dataStartBoundBy,
    dataEndBoundBy: coverage.dataEndBoundBy,
    coverage: coverage.coverage,
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    by: settings.by,
    ageBands: settings.ageBands,
    dateFormat: settings.dateFormat,
    aeCoding: settings.aeCoding,
    excludedAttendanceCategories: settings.excludedAttendanceCategories,
    emergencyAdmissionMethods: settings.emergencyAdmissionMethods,
    attendedCodes: settings.attendedCodes,
    outcomes: run.outcomes.map((chosen) => chosen.id),
    customOutcomes: run.outcomes.flatMap((chosen) => (chosen.custom ? [chosen.custom] : [])),
    skipInvalid: settings.skipInvalid,
    maxInvalid: settings.maxInvalid,
    bootstrap: settings.bootstrap,
    seed: settings.seed,
    months: settings.months,
    suppress: settings.suppress,
    unitCosts: settings.unitCosts,
    costColumns: settings.costColumns,
    costSource: settings.costSource,
    engine,
  };
}

const dayOrNull = (iso: string | null): Day | null => (iso === null ? null : parseIsoSetting(iso)!);

function inputsOf(run: EvaluationRun, readings: Partial<Record<ExtractName, ExtractReading>>): Result["inputs"] {
  // The files first, as the user named them; then how each was read.
  const files = Object.fromEntries(extractsOf(run).map(([extract, source]) => [extract, source.file]));
  const inputs: Result["inputs"] = { ...files, columns: {}, formats: {} };
  for (const [extract] of extractsOf(run)) {
    const reading = readings[extract];
    if (!reading) continue;
    const { columns, ...format } = reading;
    inputs.columns[extract] = columns;
    inputs.formats[extract] = format;
  }
  return inputs;
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

/** What the extracts show that an analyst must look at, though no rule is broken. */
function runWarnings(activity: readonly ActivityRead[]): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const read of activity) {
    if (!read.repeats || !isLikelyEpisodeLevel(read.repeats)) continue;
    const { rows, repeated } = read.repeats;
    warnings.push({ code: "episode_level", extract: read.extract, file: read.file, rows, repeated, message: episodeLevelMessage(read.file, repeated, rows) });
  }
  return warnings;
}

export type { Progress, ProgressListener } from "./io/progress.js";

export interface EvaluateOptions {
  /** Hears rows read per file, every 100,000 rows and at each file's end (for a progress display). */
  progress?: ProgressListener;
}

/** The evaluation as computed, and what it was computed from (for the per-patient output). */
async function evaluation(run: EvaluationRun, options: EvaluateOptions): Promise<{ result: Result; counted: Counted }> {
  const log = new ProblemLog(run.settings.skipInvalid, run.settings.maxInvalid);
  // Before anything opens an input: a pipe would be read once, or wait for its writer.
  for (const [, source] of extractsOf(run)) await refuseIfNotRegular(source.path, source.file);
  // Chosen first, so that DuckDB starts up while the referrals are read.
  const engine = await selectEngine(run);
  const people = await readPeople(run, engine, log, options.progress);
  const subjects = subjectsOf(people, run.settings);
  const activity = await engine.read(run, subjects, log, options.progress);
  for (const read of activity) log.extractRead(read.extract, read.file, read.rows);
  log.throwIfAny();
  refuseWhatIsUnsaid(run, activity);

  const settings = decidedSettings(run, activity, engine.name);
  // A spell's nights wait for the coverage's end: an open spell runs to it.
  for (const read of activity) for (const { tally } of read.tallies) placeNights(tally, subjects, dayOrNull(settings.dataEnd)!, settings.indexDay);
  const criteria: EligibilityCriteria = {
    from: dayOrNull(settings.from),
    to: dayOrNull(settings.to),
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    dataStart: dayOrNull(settings.dataStart),
    dataEnd: dayOrNull(settings.dataEnd),
    invalidReferralRows: people.withInvalidRow,
  };
  const unindexed = people.referredIds.size - people.patients.length;
  const eligibility = applyEligibility(people.patients, subjects, criteria, unindexed);
  const comparison = people.comparison && applyComparisonEligibility(people.comparison, subjects, people.referredIds, criteria);
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
  };
  const result: Result = {
    tool: { ...TOOL },
    settings,
    inputs: inputsOf(run, {
      ...(people.reading ? { referrals: people.reading } : {}),
      ...Object.fromEntries(activity.map((read) => [read.extract, read.reading])),
    }),
    warnings: runWarnings(activity),
    rows: rowCounts(counted, run, log),
    referred: people.referredIds.size,
    attrition: eligibility.attrition,
    ...(comparison ? { comparison_listed: people.comparison!.length, comparison_attrition: comparison.attrition } : {}),
    outcomes: withCosts(
      outcomeTallies(run, activity).map(({ outcome, tally }) => outcomeResult(outcome, tally, counted, settings)),
      settings,
    ),
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
