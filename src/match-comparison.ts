/**
 * matching.md wired to a run: the cases are the referred patients that rule 2 includes under the
 * run's settings (so the activity extracts are read first, for the data coverage), the candidates
 * the population's people who were never referred, every near-match count from the evaluation's own
 * countable rows. `prepost match` prints what this returns; `evaluate --match` evaluates with its
 * controls as the comparison group, exactly as `evaluate --comparison` would read them back.
 */
import type { EvaluationRun } from "./config/run.js";
import { InputError } from "./errors.js";
import { applyEligibility } from "./core/eligibility.js";
import { parseWindowLength } from "./core/windows.js";
import { windowSubjects } from "./core/subjects.js";
import type { DaysWanted } from "./engines/match-days.js";
import { selectEngine } from "./engines/select-engine.js";
import type { ActivityRead } from "./engines/stream.js";
import { CohortNames } from "./extracts/cohort-names.js";
import type { ComparisonPatient } from "./extracts/comparison.js";
import { readPopulation } from "./extracts/population.js";
import { PopulationTable } from "./extracts/population-table.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { readReferrals } from "./extracts/read-referrals.js";
import { refuseIfNotRegular } from "./io/csv-records.js";
import type { ProgressListener } from "./io/progress.js";
import { ActivityDaysBuilder } from "./match/activity-days.js";
import { exactVariables } from "./match/exact-variables.js";
import { comparisonRows, type MatchResult, matchCases } from "./match/match-cases.js";
import { matchReport } from "./match/match-report.js";
import { matchSpan } from "./match/match-windows.js";
import type { Outcome } from "./outcomes/outcome.js";
import { outcomeOf } from "./outcomes/registry.js";
import type { MatchReport, Result, RowCounts } from "./result.js";
import { dataCoverage, observedDates } from "./data-coverage.js";
import { decidedSettings, eligibilityCriteria, extractsOf, inputsOf, matchSettingsOf, runWarnings } from "./run-record.js";
import { TOOL } from "./version.js";

/**
 * The outcomes matched on, each with the name of its two near variables (`<name>_pre`, `<name>_prior`).
 * Matching counts events (activity-days.ts), so an outcome that counts nights (emergency bed days)
 * is matched on its spells, as `<id>_spells`: the emergency admissions it takes its nights from.
 * Where another outcome of the run counts the very same rows (unplanned admissions), the spells are
 * those variables already and are not matched on twice.
 */
export function matchedOutcomes(outcomes: readonly Outcome[]): { id: string; name: string }[] {
  return outcomes.flatMap((outcome) => {
    if (outcome.adds === "one") return [{ id: outcome.id, name: outcome.id }];
    const same = outcomes.some((other) => other.adds === "one" && other.extract.name === outcome.extract.name && other.rule === outcome.rule);
    return same ? [] : [{ id: outcome.id, name: `${outcome.id}_spells` }];
  });
}

/** What matching made of a run. */
export interface MatchedComparison {
  /** The comparison extract (matching.md, "Outputs"): a row per control, its case's cohort and index date, and the case. */
  controls: ComparisonPatient[];
  report: MatchReport;
  match: MatchResult;
  /** Rows read of the population extract. */
  populationRows: number;
  /** The run as `prepost match` prints it: what was read, the rules, the patients, and the report (no outcome figures). */
  result: Result;
}

function usage(message: string): InputError {
  return new InputError([{ code: "usage", file: "", line: 0, column: "", message }]);
}

/** The comparison extract's rows, as `evaluate --comparison` would read them from the file `prepost match` writes. */
function controlsOf(result: MatchResult): ComparisonPatient[] {
  return comparisonRows(result).map((row) => ({ patientId: row.patientId, cohort: row.cohort, indexDate: row.indexDate, matchedTo: row.matchedTo }));
}

/** What the match command's output counts of the rows it read (no outcome is reported, so no row account). */
function rowsRead(referralRows: number, populationRows: number, activity: readonly ActivityRead[], log: ProblemLog): RowCounts {
  const rows: RowCounts = { referrals: referralRows, activityOfOthers: 0, skipped: log.skippedRows(), accounts: {} };
  for (const read of activity) {
    rows[read.extract] = read.rows;
    rows.activityOfOthers += read.tallies[0]!.tally.activityOfOthers;
  }
  rows.population = populationRows;
  return rows;
}

/**
 * Reads the referrals, the population and the activity extracts, applies rule 2 under the run's
 * settings, and matches the included patients (matching.md). Throws `InputError` for bad input,
 * after reading everything, with every problem found. Prints nothing.
 */
export async function matchComparison(run: EvaluationRun, options: { progress?: ProgressListener } = {}): Promise<MatchedComparison> {
  const source = run.population;
  if (!source) throw usage('matching needs the registered population: give --population FILE (or "population" in the config file)');
  const log = new ProblemLog(run.settings.skipInvalid, run.settings.maxInvalid);
  // The config may name a comparison group too: matching makes one instead, and does not read it.
  const extracts = extractsOf(run, true).filter(([name]) => name !== "comparison");
  for (const [, extract] of extracts) await refuseIfNotRegular(extract.path, extract.file);
  const engine = await selectEngine(run);
  const cohortNames = new CohortNames(run.cohorts);
  const referrals = await log.readingFile(() => readReferrals(run.referrals, { cohorts: cohortNames }, log, options.progress));
  log.extractRead("referrals", run.referrals.file, referrals?.rows ?? 0);
  const read = await log.readingFile(() => readPopulation(source, log));
  log.extractRead("population", source.file, read?.rows ?? 0);
  const population = read?.population ?? new PopulationTable(null, false, false).done();

  const patients = [...(referrals?.patients.values() ?? [])];
  const window = parseWindowLength(run.settings.window);
  const subjects = windowSubjects(patients, window, run.settings.months);
  const outcomes = run.outcomes.map(outcomeOf);
  const matched = matchedOutcomes(outcomes);
  // Every referred patient's span: the cases' is within it, and they are not known until the coverage is.
  const days: DaysWanted = {
    builder: new ActivityDaysBuilder(population.size, matched.map((outcome) => outcome.name)),
    population,
    span: matchSpan(patients.map((patient) => patient.indexDate), window),
    outcomes: new Map(matched.map((outcome, i) => [outcome.id, i])),
  };
  const activity = await engine.read(run, subjects, log, options.progress, days);
  for (const activityRead of activity) log.extractRead(activityRead.extract, activityRead.file, activityRead.rows);
  log.throwIfAny();
  const unsaid = activity.flatMap((activityRead) =>
    outcomes.filter((outcome) => outcome.extract.name === activityRead.extract).flatMap((outcome) => outcome.checkReading?.(activityRead.reading, activityRead.file, run.chosen) ?? []),
  );
  if (unsaid.length > 0) throw new InputError(unsaid);

  const settings = decidedSettings(run, dataCoverage(run, activity.map(observedDates)), engine.name, true);
  const withInvalidRow = referrals?.withInvalidRow ?? new Set<string>();
  const referredIds = new Set([...(referrals?.patients.keys() ?? []), ...withInvalidRow]);
  const eligibility = applyEligibility(patients, subjects, eligibilityCriteria(settings, withInvalidRow), referredIds.size - patients.length);
  const decided = matchSettingsOf(run);
  const exactPractice = decided.matchExact.includes("practice");
  const match = matchCases({
    cases: eligibility.included.map((patient) => ({ patientId: patient.patientId, cohort: patient.cohort, indexDate: patient.indexDate })),
    referredIds,
    population,
    withInvalidRow: read?.withInvalidRow ?? new Set(),
    activity: days.builder.done(),
    settings: { window, indexDay: run.settings.indexDay, ratio: decided.ratio, caliper: decided.caliper, seed: run.settings.seed, exactPractice },
  });
  const report = matchReport(match, eligibility.included.length, exactVariables(population, exactPractice).map((variable) => variable.name));
  const readings = {
    ...(referrals ? { referrals: referrals.reading } : {}),
    ...(read ? { population: read.reading } : {}),
    ...Object.fromEntries(activity.map((activityRead) => [activityRead.extract, activityRead.reading])),
  };
  const result: Result = {
    tool: { ...TOOL },
    settings,
    inputs: inputsOf(extracts, readings),
    warnings: runWarnings(activity),
    rows: rowsRead(referrals?.rows ?? 0, read?.rows ?? 0, activity, log),
    referred: referredIds.size,
    attrition: eligibility.attrition,
    outcomes: [],
    match: report,
  };
  return { controls: controlsOf(match), report, match, populationRows: read?.rows ?? 0, result };
}
