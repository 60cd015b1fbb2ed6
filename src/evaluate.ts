import { forPublication } from "./disclosure/suppress.js";
import { InputError } from "./errors.js";
import type { EvaluationRun } from "./config/run.js";
import type { Settings } from "./config/settings.js";
import { type CohortLabel, countsByCohort } from "./core/aggregate.js";
import { applyComparisonEligibility, type ComparisonEligibility } from "./core/comparison-eligibility.js";
import type { Day } from "./core/day.js";
import { columnCostFields, columnCosts, withCosts } from "./core/costs.js";
import { type ActivityTally, placeNights } from "./core/count-in-windows.js";
import { applyEligibility, type Eligibility, type EligibilityCriteria } from "./core/eligibility.js";
import type { ReferredPatient } from "./core/index-patients.js";
import { accountRows } from "./core/row-account.js";
import { type IndexedSubject, type Subjects, windowSubjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import { type ActivityRead, activityExtracts } from "./engines/stream.js";
import type { ComparisonPatient } from "./extracts/comparison.js";
import { parseIsoSetting } from "./extracts/dates.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { CohortNames } from "./extracts/cohort-names.js";
import { readComparison } from "./extracts/read-comparison.js";
import { selectEngine } from "./engines/select-engine.js";
import { readReferrals } from "./extracts/read-referrals.js";
import { refuseIfNotRegular } from "./io/csv-records.js";
import type { ProgressListener } from "./io/progress.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ExtractName, OutcomeResult, PublishedResult, Result, RowCounts, RunWarning } from "./result.js";
import type { ExtractSource } from "./extracts/source.js";
import { outcomeOf } from "./outcomes/registry.js";
import type { Outcome } from "./outcomes/outcome.js";
import { episodeLevelMessage, isLikelyEpisodeLevel } from "./core/spell-repeats.js";
import { dataCoverage } from "./data-coverage.js";
import { rowFigures } from "./row-figures.js";
import { groupColumnsOf } from "./core/breakdowns.js";
import { type BreakdownColumn, breakdownColumns, breakdownRows } from "./breakdown-rows.js";
import { outcomeMonths } from "./outcome-months.js";
import { TOOL } from "./version.js";

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

/** Who was read: the referred patients, the comparison group, and the cohorts they belong to. */
interface People {
  /** Referred patients with a valid referral row: each has an index date and a slot. */
  patients: ReferredPatient[];
  /** Patients named by an invalid (skipped) referral row, whether or not they also have a valid one. */
  withInvalidRow: Set<string>;
  /** Everyone referred: `patients` and those whose every referral row was invalid. */
  referredIds: Set<string>;
  comparison: ComparisonPatient[] | undefined;
  cohorts: CohortLabel[];
  rows: { referrals: number; comparison?: number };
  /** How the referrals were read (for `inputs`). */
  reading: ExtractReading | undefined;
}

async function readPeople(run: EvaluationRun, log: ProblemLog, progress?: ProgressListener): Promise<People> {
  const cohortNames = new CohortNames(run.cohorts);
  const referrals = (await log.readingFile(() => readReferrals(run.referrals, { cohorts: cohortNames, groupColumns: groupColumnsOf(run.settings.by) }, log, progress))) ?? {
    patients: new Map(),
    rows: 0,
    withInvalidRow: new Set<string>(),
    reading: undefined,
  };
  log.extractRead("referrals", run.referrals.file, referrals.rows);
  // The config's order and labels, else the order of first appearance, each cohort as first spelled.
  const cohorts = cohortNames.cohorts();
  const people: People = {
    patients: [...referrals.patients.values()],
    withInvalidRow: referrals.withInvalidRow,
    referredIds: new Set([...referrals.patients.keys(), ...referrals.withInvalidRow]),
    comparison: undefined,
    cohorts,
    rows: { referrals: referrals.rows },
    reading: referrals.reading,
  };
  if (run.comparison) {
    const comparison = await log.readingFile(() => readComparison(run.comparison!, { cohorts: cohortNames }, log));
    people.comparison = comparison?.patients ?? [];
    people.rows.comparison = comparison?.rows ?? 0;
    log.extractRead("comparison", run.comparison.file, people.rows.comparison);
  }
  return people;
}

/** Referred patients take the first slots; comparison patients who were not referred follow. */
function subjectsOf(people: People, settings: EvaluationRun["settings"]): Subjects {
  const controls: IndexedSubject[] = (people.comparison ?? []).filter((p) => !people.referredIds.has(p.patientId));
  return windowSubjects([...people.patients, ...controls], parseWindowLength(settings.window), settings.months);
}

interface Counted {
  people: People;
  subjects: Subjects;
  activity: ActivityRead[];
  eligibility: Eligibility;
  comparison: ComparisonEligibility | undefined;
  dataStart: Day | null;
  dataEnd: Day | null;
  /** Each `--by` column, with every referred patient's group in it. */
  breakdowns: BreakdownColumn[];
}

/** Each reported outcome with its tally, in the run's order of outcomes. */
function outcomeTallies(run: EvaluationRun, activity: readonly ActivityRead[]): { outcome: Outcome; read: ActivityRead; tally: ActivityTally }[] {
  return run.outcomes.map(outcomeOf).map((outcome) => {
    const read = activity.find((candidate) => candidate.extract === outcome.extract.name)!;
    return { outcome, read, tally: read.tallies.find((counted) => counted.outcome === outcome.id)!.tally };
  });
}

function outcomeResult(outcome: Outcome, tally: ActivityTally, counted: Counted, settings: Settings): OutcomeResult {
  const { people, subjects, eligibility, comparison, dataStart, dataEnd, breakdowns } = counted;
  const counts = countsByCohort(people.cohorts, eligibility.included, subjects, tally, dataStart);
  const controls = comparison && countsByCohort(people.cohorts, comparison.included, subjects, tally, dataStart);
  const place = { streamIndex: outcome.streamIndex };
  const rows = counts.map((row, i) => rowFigures(row, [row], controls && [controls[i]!], { ...place, cohortIndex: i }, settings));
  const total = rowFigures({ cohort: "Total", label: "Total" }, counts, controls, place, settings);
  const broken = breakdownRows(counts, breakdowns, outcome.streamIndex, settings);
  const costColumn = settings.costColumns[outcome.id];
  if (costColumn !== undefined) {
    // A cost column's costs are sums of rows, not a count times a price: added here, from the tally.
    const slotsOf = (cohort: string) => eligibility.included.filter((patient) => patient.cohort === cohort).map((patient) => patient.slot);
    rows.forEach((row) => Object.assign(row, columnCostFields(costColumn, columnCosts(tally, slotsOf(row.cohort)))));
    Object.assign(total, columnCostFields(costColumn, columnCosts(tally, eligibility.included.map((patient) => patient.slot))));
    for (const [row, slots] of broken.slots) Object.assign(row, columnCostFields(costColumn, columnCosts(tally, Array.from(slots))));
  }
  if (breakdowns.length > 0) {
    rows.forEach((row, i) => (row.breakdowns = broken.cohorts[i]!));
    total.breakdowns = broken.total;
  }
  // No coverage known, no patient covered (none is eligible either).
  const coverage = { dataStart: dataStart ?? Number.POSITIVE_INFINITY, dataEnd: dataEnd ?? Number.NEGATIVE_INFINITY };
  const months = outcomeMonths(counts, controls, outcome.streamIndex, { subjects, tally, coverage }, settings);
  return { outcome: outcome.id, label: outcome.label, extract: outcome.extract.name, unit: outcome.adds === "nights" ? "nights" : "rows", cohorts: rows, total, months };
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

/**
 * The whole evaluation, as computed: read → validate → index patients → window and count →
 * eligibility → aggregate → statistics, every count as it is, before disclosure control. Reads the
 * extracts it is pointed at; prints nothing, exits nothing. Throws `InputError` for bad input, after
 * reading everything, with every problem found. Publish through `evaluate`, which suppresses where
 * the settings say to; this one is for tests and for code that must see the true counts.
 */
export async function evaluateCounts(run: EvaluationRun, options: EvaluateOptions = {}): Promise<Result> {
  const log = new ProblemLog(run.settings.skipInvalid, run.settings.maxInvalid);
  // Before anything opens an input: a pipe would be read once, or wait for its writer.
  for (const [, source] of extractsOf(run)) await refuseIfNotRegular(source.path, source.file);
  // Chosen first, so that DuckDB starts up while the referrals are read.
  const engine = await selectEngine(run);
  const people = await readPeople(run, log, options.progress);
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
    breakdowns: breakdownColumns(people.patients, settings),
  };
  return {
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
}

/**
 * The evaluation as it may be published: `evaluateCounts`, then disclosure control where the run's
 * settings ask for it (`suppress`), inside the library, so that no caller can forget it.
 */
export async function evaluate(run: EvaluationRun, options: EvaluateOptions = {}): Promise<PublishedResult> {
  return forPublication(await evaluateCounts(run, options));
}
