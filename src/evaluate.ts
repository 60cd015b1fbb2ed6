import { forPublication } from "./disclosure/suppress.js";
import { InputError } from "./errors.js";
import type { EvaluationRun } from "./config/run.js";
import type { Settings } from "./config/settings.js";
import { type CohortLabel, countsByCohort } from "./core/aggregate.js";
import { applyComparisonEligibility, type ComparisonEligibility } from "./core/comparison-eligibility.js";
import type { Day } from "./core/day.js";
import { columnCostFields, columnCosts, withCosts } from "./row-costs.js";
import { decidedSettings, eligibilityCriteria, extractsOf, inputsOf, runWarnings } from "./run-record.js";
import { type MatchedComparison, matchComparison } from "./match-comparison.js";
import { type CohortSets, matchedSetCounts, matchedSetsByCohort } from "./matched-figures.js";
import { type ActivityTally, placeNights } from "./core/count-in-windows.js";
import { applyEligibility, type Eligibility } from "./core/eligibility.js";
import type { ReferredPatient } from "./core/index-patients.js";
import { accountRows } from "./core/row-account.js";
import { type IndexedSubject, type Subjects, windowSubjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import type { ActivityRead } from "./engines/stream.js";
import type { ComparisonPatient } from "./extracts/comparison.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { CohortNames } from "./extracts/cohort-names.js";
import { readComparison } from "./extracts/read-comparison.js";
import { selectEngine } from "./engines/select-engine.js";
import { readReferrals } from "./extracts/read-referrals.js";
import { refuseIfNotRegular } from "./io/csv-records.js";
import type { ProgressListener } from "./io/progress.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ExtractName, OutcomeResult, PublishedResult, Result, RowCounts } from "./result.js";
import { outcomeOf } from "./outcomes/registry.js";
import type { Outcome } from "./outcomes/outcome.js";
import { rowFigures } from "./row-figures.js";
import { TOOL } from "./version.js";

/** An extract's reading, back from the `inputs` it went into. */
function readingOf(inputs: Result["inputs"], extract: ExtractName): ExtractReading | undefined {
  const columns = inputs.columns[extract];
  const format = inputs.formats[extract];
  return columns && format ? { ...format, columns } : undefined;
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

async function readPeople(run: EvaluationRun, log: ProblemLog, progress?: ProgressListener, matched?: MatchedComparison): Promise<People> {
  const cohortNames = new CohortNames(run.cohorts);
  const referrals = (await log.readingFile(() => readReferrals(run.referrals, { cohorts: cohortNames }, log, progress))) ?? {
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
  if (matched) {
    // The controls matching chose, as `evaluate --comparison` would read them from the file `match` writes.
    people.comparison = matched.controls;
    people.rows.comparison = matched.controls.length;
  } else if (run.comparison) {
    const comparison = await log.readingFile(() => readComparison(run.comparison!, { cohorts: cohortNames }, log));
    people.comparison = comparison?.patients ?? [];
    people.rows.comparison = comparison?.rows ?? 0;
    log.extractRead("comparison", run.comparison.file, people.rows.comparison);
  }
  return people;
}

/** Referred patients take the first slots; comparison patients who were not referred follow. */
function subjectsOf(people: People, window: string): Subjects {
  const controls: IndexedSubject[] = (people.comparison ?? []).filter((p) => !people.referredIds.has(p.patientId));
  return windowSubjects([...people.patients, ...controls], parseWindowLength(window));
}

interface Counted {
  people: People;
  subjects: Subjects;
  activity: ActivityRead[];
  eligibility: Eligibility;
  comparison: ComparisonEligibility | undefined;
  dataStart: Day | null;
  matched: MatchedComparison | undefined;
  /** Where the comparison group says who was matched to whom (`matched_to`): each cohort's matched sets. */
  sets: CohortSets[] | undefined;
}

/** Each reported outcome with its tally, in the run's order of outcomes. */
function outcomeTallies(run: EvaluationRun, activity: readonly ActivityRead[]): { outcome: Outcome; read: ActivityRead; tally: ActivityTally }[] {
  return run.outcomes.map(outcomeOf).map((outcome) => {
    const read = activity.find((candidate) => candidate.extract === outcome.extract.name)!;
    return { outcome, read, tally: read.tallies.find((counted) => counted.outcome === outcome.id)!.tally };
  });
}

function outcomeResult(outcome: Outcome, tally: ActivityTally, counted: Counted, settings: Settings): OutcomeResult {
  const { people, subjects, eligibility, comparison, dataStart, sets } = counted;
  const counts = countsByCohort(people.cohorts, eligibility.included, subjects, tally, dataStart);
  const controls = comparison && countsByCohort(people.cohorts, comparison.included, subjects, tally, dataStart);
  const strata = sets?.map((cohortSets) => matchedSetCounts(cohortSets, tally));
  const matchedIn = (i: number) => (sets && strata ? { strata: [strata[i]!], sets: [sets[i]!] } : undefined);
  const place = { streamIndex: outcome.streamIndex };
  const rows = counts.map((row, i) => rowFigures(row, [row], controls && [controls[i]!], { ...place, cohortIndex: i }, settings, matchedIn(i)));
  const total = rowFigures({ cohort: "Total", label: "Total" }, counts, controls, place, settings, sets && strata ? { strata, sets } : undefined);
  const costColumn = settings.costColumns[outcome.id];
  if (costColumn !== undefined) {
    // A cost column's costs are sums of rows, not a count times a price: added here, from the tally.
    const slotsOf = (cohort: string) => eligibility.included.filter((patient) => patient.cohort === cohort).map((patient) => patient.slot);
    rows.forEach((row) => Object.assign(row, columnCostFields(costColumn, columnCosts(tally, slotsOf(row.cohort)))));
    Object.assign(total, columnCostFields(costColumn, columnCosts(tally, eligibility.included.map((patient) => patient.slot))));
  }
  return { outcome: outcome.id, label: outcome.label, extract: outcome.extract.name, unit: outcome.adds === "nights" ? "nights" : "rows", cohorts: rows, total };
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

/**
 * The whole evaluation, as computed: read → validate → index patients → window and count →
 * eligibility → aggregate → statistics, every count as it is, before disclosure control. Reads the
 * extracts it is pointed at; prints nothing, exits nothing. Throws `InputError` for bad input, after
 * reading everything, with every problem found. Publish through `evaluate`, which suppresses where
 * the settings say to; this one is for tests and for code that must see the true counts.
 */
export async function evaluateCounts(run: EvaluationRun, options: EvaluateOptions = {}): Promise<Result> {
  // With --match, the comparison group is matched first (reading the activity extracts for it too).
  const matched = run.match ? await matchComparison(run, options) : undefined;
  const log = new ProblemLog(run.settings.skipInvalid, run.settings.maxInvalid);
  // Before anything opens an input: a pipe would be read once, or wait for its writer.
  for (const [, source] of extractsOf(run)) await refuseIfNotRegular(source.path, source.file);
  // Chosen first, so that DuckDB starts up while the referrals are read.
  const engine = await selectEngine(run);
  const people = await readPeople(run, log, options.progress, matched);
  const subjects = subjectsOf(people, run.settings.window);
  const activity = await engine.read(run, subjects, log, options.progress);
  for (const read of activity) log.extractRead(read.extract, read.file, read.rows);
  log.throwIfAny();
  refuseWhatIsUnsaid(run, activity);

  const settings = decidedSettings(run, activity, engine.name);
  const criteria = eligibilityCriteria(settings, people.withInvalidRow);
  // A spell's nights wait for the coverage's end: an open spell runs to it.
  for (const read of activity) for (const { tally } of read.tallies) placeNights(tally, subjects, criteria.dataEnd!, settings.indexDay);
  const unindexed = people.referredIds.size - people.patients.length;
  const eligibility = applyEligibility(people.patients, subjects, criteria, unindexed);
  const comparison = people.comparison && applyComparisonEligibility(people.comparison, subjects, people.referredIds, criteria);
  const isMatched = people.comparison?.some((patient) => patient.matchedTo !== undefined) === true;
  const sets = comparison && isMatched ? matchedSetsByCohort(people.cohorts, eligibility.included, comparison.included) : undefined;
  const counted: Counted = { people, subjects, activity, eligibility, comparison, dataStart: criteria.dataStart, matched, sets };
  return {
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
    outcomes: withCosts(
      outcomeTallies(run, activity).map(({ outcome, tally }) => outcomeResult(outcome, tally, counted, settings)),
      settings,
    ),
    ...(matched ? { match: matched.report } : {}),
  };
}

/**
 * The evaluation as it may be published: `evaluateCounts`, then disclosure control where the run's
 * settings ask for it (`suppress`), inside the library, so that no caller can forget it.
 */
export async function evaluate(run: EvaluationRun, options: EvaluateOptions = {}): Promise<PublishedResult> {
  return forPublication(await evaluateCounts(run, options));
}
