/**
 * What every run records of itself, whichever command made it (`evaluate`, `match`): the extracts it
 * read and how, the settings block with the data coverage decided, and the eligibility rules those
 * settings make. One place, so that a matched comparison group is chosen under exactly the rules
 * its evaluation then applies, and a warehouse's result (src/warehouse) is recorded as a local run is.
 */
import type { EvaluationRun } from "./config/run.js";
import type { Settings } from "./config/settings.js";
import type { Day } from "./core/day.js";
import type { EligibilityCriteria } from "./core/eligibility.js";
import type { CoverageSettings } from "./data-coverage.js";
import type { ActivityRead } from "./engines/stream.js";
import { parseIsoSetting } from "./extracts/dates.js";
import type { ExtractReading } from "./extracts/reading-report.js";
import type { ExtractSource } from "./extracts/source.js";
import { DEFAULT_CALIPER, DEFAULT_RATIO } from "./match/match-cases.js";
import type { ExtractName, Result, RunWarning } from "./result.js";
import { episodeLevelMessage, isLikelyEpisodeLevel } from "./core/spell-repeats.js";

/**
 * Every extract of the run, in the order of `inputs`: the referrals, the activity extracts, the
 * comparison group, and the population where the run matches (`withPopulation`).
 */
export function extractsOf(run: EvaluationRun, withPopulation = run.match === true): [ExtractName, ExtractSource][] {
  return [
    ["referrals", run.referrals],
    ...Object.entries(run.activity),
    ...(run.comparison ? [["comparison", run.comparison] as [string, ExtractSource]] : []),
    ...(withPopulation && run.population ? [["population", run.population] as [string, ExtractSource]] : []),
  ];
}

/** The matching settings as decided (matching.md): given, or the defaults. */
export function matchSettingsOf(run: EvaluationRun): Required<Pick<Settings, "ratio" | "caliper" | "matchExact">> {
  const { ratio, caliper, matchExact } = run.settings;
  return { ratio: ratio ?? DEFAULT_RATIO, caliper: caliper === undefined ? DEFAULT_CALIPER : caliper, matchExact: matchExact ?? [] };
}

/** The settings block, in the spec's order, with the data coverage decided (rule 2.5); a run that matches adds how. */
export function decidedSettings(run: EvaluationRun, coverage: CoverageSettings, engine: Settings["engine"], matched = run.match === true): Settings {
  const { settings } = run;
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
    ...(matched ? matchSettingsOf(run) : {}),
  };
}

const dayOrNull = (iso: string | null): Day | null => (iso === null ? null : parseIsoSetting(iso)!);

/** Rule 2's criteria under the decided settings; `invalidReferralRows` are the patients a skipped row named. */
export function eligibilityCriteria(settings: Settings, invalidReferralRows: ReadonlySet<string>): EligibilityCriteria {
  return {
    from: dayOrNull(settings.from),
    to: dayOrNull(settings.to),
    requireConsent: settings.requireConsent,
    minOnwardReferrals: settings.minOnwardReferrals,
    minAge: settings.minAge,
    dataStart: dayOrNull(settings.dataStart),
    dataEnd: dayOrNull(settings.dataEnd),
    invalidReferralRows,
  };
}

/** `inputs`: the files first, as the user named them; then how each was read. */
export function inputsOf(extracts: readonly [ExtractName, ExtractSource][], readings: Partial<Record<ExtractName, ExtractReading>>): Result["inputs"] {
  const files = Object.fromEntries(extracts.map(([extract, source]) => [extract, source.file]));
  const inputs: Result["inputs"] = { ...files, columns: {}, formats: {} };
  for (const [extract] of extracts) {
    const reading = readings[extract];
    if (!reading) continue;
    const { columns, ...format } = reading;
    inputs.columns[extract] = columns;
    inputs.formats[extract] = format;
  }
  return inputs;
}

/** What the extracts show that an analyst must look at, though no rule is broken. */
export function runWarnings(activity: readonly Pick<ActivityRead, "extract" | "file" | "repeats">[]): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const read of activity) {
    if (!read.repeats || !isLikelyEpisodeLevel(read.repeats)) continue;
    const { rows, repeated } = read.repeats;
    warnings.push({ code: "episode_level", extract: read.extract, file: read.file, rows, repeated, message: episodeLevelMessage(read.file, repeated, rows) });
  }
  return warnings;
}
