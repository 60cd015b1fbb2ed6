import type { EvaluationRun, RunSettings } from "./config/run.js";
import type { Settings } from "./config/settings.js";
import { type CohortCounts, cohortFigures, type CohortLabel, countsByCohort, pooledCounts } from "./core/aggregate.js";
import { type Day, isoFromDay } from "./core/day.js";
import { applyEligibility, type Eligibility } from "./core/eligibility.js";
import type { ReferredPatient } from "./core/index-patients.js";
import { accountRows } from "./core/row-account.js";
import { type Subjects, windowSubjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import { parseIsoSetting } from "./extracts/dates.js";
import { ProblemLog } from "./extracts/problem-log.js";
import { selectEngine } from "./engines/select-engine.js";
import type { ActivityRead } from "./engines/stream.js";
import { readReferrals } from "./extracts/read-referrals.js";
import type { CohortFigures, OutcomeId, OutcomeResult, Result, RowCounts } from "./result.js";
import { TOOL } from "./version.js";

const OUTCOMES: Record<"ae" | "admissions", { outcome: OutcomeId; label: string }> = {
  ae: { outcome: "ae_attendances", label: "A&E attendances" },
  admissions: { outcome: "unplanned_admissions", label: "Unplanned admissions" },
};

/** The data coverage: given by the user, or the span of event dates found, saying from where. */
function dataCoverage(settings: RunSettings, activity: readonly ActivityRead[], engine: Settings["engine"]): Settings {
  let earliest: { day: Day; file: string } | undefined;
  let latest: { day: Day; file: string } | undefined;
  for (const { tally, file } of activity) {
    if (Number.isFinite(tally.earliest) && (!earliest || tally.earliest < earliest.day)) earliest = { day: tally.earliest, file };
    if (Number.isFinite(tally.latest) && (!latest || tally.latest > latest.day)) latest = { day: tally.latest, file };
  }
  const files = activity.map((a) => a.file).join(" and ");
  // Spelled out so that the settings block reads in the spec's order.
  return {
    from: settings.from,
    to: settings.to,
    window: settings.window,
    indexDay: settings.indexDay,
    dataStart: settings.dataStart ?? (earliest ? isoFromDay(earliest.day) : null),
    dataEnd: settings.dataEnd ?? (latest ? isoFromDay(latest.day) : null),
    dataStartInferred: settings.dataStart === null,
    dataEndInferred: settings.dataEnd === null,
    dataStartSource:
      settings.dataStart !== null ? "given" : earliest ? `earliest event date in ${earliest.file}` : `no event dates in ${files}`,
    dataEndSource: settings.dataEnd !== null ? "given" : latest ? `latest event date in ${latest.file}` : `no event dates in ${files}`,
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    dateFormat: settings.dateFormat,
    aeCoding: settings.aeCoding,
    excludedAttendanceCategories: settings.excludedAttendanceCategories,
    emergencyAdmissionMethods: settings.emergencyAdmissionMethods,
    skipInvalid: settings.skipInvalid,
    bootstrap: settings.bootstrap,
    seed: settings.seed,
    engine,
  };
}

const dayOrNull = (iso: string | null): Day | null => (iso === null ? null : parseIsoSetting(iso)!);

function cohortOrder(run: EvaluationRun, cohortsSeen: readonly string[]): CohortLabel[] {
  return run.cohorts ?? cohortsSeen.map((cohort) => ({ cohort, label: cohort }));
}

/** One row's figures: rule 5 now, and the statistics of statistics.md on the same counts. */
function figuresOf(counts: CohortCounts): CohortFigures {
  return cohortFigures(counts, counts.pre, counts.post);
}

function outcomeResult(
  read: ActivityRead,
  cohorts: readonly CohortLabel[],
  eligibility: Eligibility,
  subjects: Subjects,
  dataStart: Day | null,
): OutcomeResult {
  const counts = countsByCohort(cohorts, eligibility.included, subjects, read.tally, dataStart);
  return { ...OUTCOMES[read.extract], cohorts: counts.map(figuresOf), total: figuresOf(pooledCounts(counts)) };
}

function rowCounts(referralRows: number, activity: readonly ActivityRead[], log: ProblemLog, scope: { subjects: Subjects; referred: number; eligibility: Eligibility }): RowCounts {
  const rows: RowCounts = { referrals: referralRows, ae: 0, admissions: 0, activityOfOthers: 0, skipped: log.skippedRows(), accounts: {} };
  for (const read of activity) {
    rows[read.extract] = read.rows;
    rows.activityOfOthers += read.tally.activityOfOthers;
    rows.accounts[read.extract] = accountRows(read.tally, {
      read: read.rows,
      skipped: log.skippedIn(read.extract),
      referredCount: scope.referred,
      subjects: scope.subjects.size,
      isIncluded: scope.eligibility.isIncluded,
      withComparison: false,
    });
  }
  return rows;
}

function inputsOf(run: EvaluationRun): Result["inputs"] {
  const inputs: Result["inputs"] = { referrals: run.referrals.file };
  if (run.ae) inputs.ae = run.ae.file;
  if (run.admissions) inputs.admissions = run.admissions.file;
  if (run.comparison) inputs.comparison = run.comparison.file;
  return inputs;
}

/**
 * The whole evaluation: read → validate → index patients → window and count → eligibility →
 * aggregate → (statistics). Reads the extracts it is pointed at; prints nothing, exits nothing.
 * Throws `InputError` for bad input, after reading everything, with every problem found.
 */
export async function evaluate(run: EvaluationRun): Promise<Result> {
  const { settings } = run;
  const log = new ProblemLog(settings.skipInvalid);
  const engine = await selectEngine(run);
  const listedCohorts = run.cohorts ? new Set(run.cohorts.map((c) => c.cohort)) : undefined;
  const referrals = (await log.readingFile(() =>
    readReferrals(run.referrals, { dateFormat: settings.dateFormat, listedCohorts }, log),
  )) ?? { patients: new Map(), cohortsSeen: [], rows: 0 };
  const patients: ReferredPatient[] = [...referrals.patients.values()];
  const subjects = windowSubjects(patients, parseWindowLength(settings.window));
  const activity = await engine.read(run, subjects, log);
  log.throwIfAny();

  const resolved = dataCoverage(settings, activity, engine.name);
  const dataStart = dayOrNull(resolved.dataStart);
  const eligibility = applyEligibility(patients, subjects, {
    from: dayOrNull(settings.from),
    to: dayOrNull(settings.to),
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    dataStart,
    dataEnd: dayOrNull(resolved.dataEnd),
  });
  const cohorts = cohortOrder(run, referrals.cohortsSeen);
  return {
    tool: { ...TOOL },
    settings: resolved,
    inputs: inputsOf(run),
    rows: rowCounts(referrals.rows, activity, log, { subjects, referred: patients.length, eligibility }),
    attrition: eligibility.attrition,
    outcomes: activity.map((read) => outcomeResult(read, cohorts, eligibility, subjects, dataStart)),
  };
}
