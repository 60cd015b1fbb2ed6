import type { EvaluationRun } from "./config/run.js";
import type { CohortLabel } from "./core/aggregate.js";
import { groupColumnsOf } from "./core/breakdowns.js";
import type { ReferredPatient } from "./core/index-patients.js";
import { type IndexedSubject, type Subjects, windowSubjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import { CohortNames } from "./extracts/cohort-names.js";
import type { ComparisonPatient } from "./extracts/comparison.js";
import type { ProblemLog } from "./extracts/problem-log.js";
import { readComparison } from "./extracts/read-comparison.js";
import { readReferrals } from "./extracts/read-referrals.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ProgressListener } from "./io/progress.js";
import type { Engine } from "./engines/select-engine.js";
import type { MatchedComparison } from "./match-comparison.js";

/** Who was read: the referred patients, the comparison group, and the cohorts they belong to. */
export interface People {
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

/** `matched`, where the run matched (`evaluate --match`): its controls are the comparison group, and no comparison file is read. */
export async function readPeople(run: EvaluationRun, engine: Engine, log: ProblemLog, progress?: ProgressListener, matched?: MatchedComparison): Promise<People> {
  // The engine's reading where it can vouch for every row (DuckDB, a large plain CSV), else the row reader's; the comparison group's likewise.
  const byEngine = await engine.readReferrals(run);
  const cohortNames = byEngine?.cohorts ?? new CohortNames(run.cohorts);
  const referrals = byEngine?.read ??
    (await log.readingFile(() => readReferrals(run.referrals, { cohorts: cohortNames, groupColumns: groupColumnsOf(run.settings.by) }, log, progress))) ?? {
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
    const comparison = (await engine.readComparison(run, cohortNames)) ?? (await log.readingFile(() => readComparison(run.comparison!, { cohorts: cohortNames }, log)));
    people.comparison = comparison?.patients ?? [];
    people.rows.comparison = comparison?.rows ?? 0;
    log.extractRead("comparison", run.comparison.file, people.rows.comparison);
  }
  return people;
}

/** Referred patients take the first slots; comparison patients who were not referred follow. */
export function subjectsOf(people: People, settings: EvaluationRun["settings"]): Subjects {
  const controls: IndexedSubject[] = (people.comparison ?? []).filter((p) => !people.referredIds.has(p.patientId));
  return windowSubjects([...people.patients, ...controls], parseWindowLength(settings.window), settings.months);
}

