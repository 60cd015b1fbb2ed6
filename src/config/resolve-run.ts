import { dirname, isAbsolute, join, resolve } from "node:path";
import { type DataError, InputError } from "../errors.js";
import type { ExtractName } from "../result.js";
import { COST_COLUMN } from "../extracts/activity-rows.js";
import { BUILT_IN_EXTRACTS, outcomeOf, type RunOutcome } from "../outcomes/registry.js";
import { DEFAULT_ATTENDED_CODES } from "../outcomes/outpatient-attendances.js";
import type { Outcome } from "../outcomes/outcome.js";
import { chooseOutcomes, costKeyProblems, customOutcomes, outcomeNamed } from "./choose-outcomes.js";
import { type ConfigFile, type CustomOutcomeConfig, issueToProblem, loadConfigFile } from "./config-file.js";
import { cohortKey } from "../extracts/cohort-names.js";
import type { ExtractFormat, ExtractSource } from "../extracts/source.js";
import type { EvaluationRun, RunSettings } from "./run.js";
import {
  DEFAULT_EMERGENCY_ADMISSION_METHODS,
  DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES,
  type SettingsInput,
  settingsInput,
} from "./settings.js";

/** What the command line says: settings flags, the extracts' paths (`ae`, `admissions`, `outpatients`…) and the config file. */
export interface RunFlags extends SettingsInput {
  config?: string;
  referrals?: string;
  comparison?: string;
  population?: string;
  /** `evaluate --match`: match the comparison group from the population, then evaluate with it. */
  match?: boolean;
  [extract: string]: unknown;
}

/** The extracts a flag or a top-level config key gives, in reading order: referrals, the activity extracts, the comparison group, the population. */
const EXTRACTS: readonly ExtractName[] = ["referrals", ...BUILT_IN_EXTRACTS.map((extract) => extract.name), "comparison", "population"];

/** Flags that are neither settings nor extracts. */
const NOT_SETTING_FLAGS = new Set(["config", "match"]);

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** A problem with the run as asked for, not with one file or flag: the message says what to give instead. */
function usageError(message: string, file = ""): InputError {
  return new InputError([{ code: "usage", file, line: 0, column: "", message }]);
}

/** Flags are checked with the same schema as the config file; a problem names the flag. */
function validateFlags(flags: RunFlags): SettingsInput {
  const defined = Object.fromEntries(Object.entries(flags).filter(([key, value]) => value !== undefined && !NOT_SETTING_FLAGS.has(key) && !EXTRACTS.includes(key)));
  const parsed = settingsInput.safeParse(defined);
  if (parsed.success) return parsed.data;
  const problems: DataError[] = parsed.error.issues.flatMap((issue) =>
    issueToProblem(issue, "", settingsInput).map((problem) => ({
      ...problem,
      file: flagName(problem.column),
      column: "",
      value: String(defined[problem.column] ?? ""),
    })),
  );
  throw new InputError(problems);
}

const defaults = {
  from: null,
  to: null,
  window: "6m",
  indexDay: "exclude",
  dataStart: null,
  dataEnd: null,
  requireConsent: false,
  minOnwardReferrals: null,
  minAge: null,
  dateFormat: "auto",
  aeCoding: "ecds",
  skipInvalid: false,
  maxInvalid: null,
  bootstrap: 2000,
  seed: 1,
  suppress: false,
  costSource: null,
  engine: "auto",
} as const;

/** defaults ← config file ← flags, merged once into settings with every field decided. */
export function mergeSettings(config: SettingsInput, flags: SettingsInput): RunSettings {
  const { outcomes: _outcomes, ...merged } = { ...defaults, ...config, ...flags };
  const settings: RunSettings = {
    ...merged,
    excludedAttendanceCategories: merged.excludedAttendanceCategories ?? [...DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES[merged.aeCoding]],
    emergencyAdmissionMethods: merged.emergencyAdmissionMethods ?? [...DEFAULT_EMERGENCY_ADMISSION_METHODS],
    attendedCodes: merged.attendedCodes ?? [...DEFAULT_ATTENDED_CODES],
    // Flags add to the config's unit costs and cost columns (one outcome's flag overrides that outcome only);
    // keyed as given here, by the outcome's id once the run's outcomes are known (`costsByOutcome`).
    unitCosts: { ...config.unitCosts, ...flags.unitCosts },
    costColumns: { ...config.costColumns, ...flags.costColumns },
  };
  if (settings.from !== null && settings.to !== null && settings.from > settings.to) {
    throw usageError(
      `the study period is empty: --from ${settings.from} is after --to ${settings.to}; give a --from on or before the --to (config keys "from" and "to")`,
    );
  }
  if (settings.dataStart !== null && settings.dataEnd !== null && settings.dataStart > settings.dataEnd) {
    throw usageError(
      `the data coverage is empty: --data-start ${settings.dataStart} is after --data-end ${settings.dataEnd}; give a --data-start on or before the --data-end (config keys "dataStart" and "dataEnd")`,
    );
  }
  if (settings.costSource !== null && Object.keys(settings.unitCosts).length === 0 && Object.keys(settings.costColumns).length === 0) {
    throw usageError(
      '--cost-source names the source of unit costs, but no unit cost was given: add --unit-cost ae=GBP (or admission=, bed_day=, outpatient=; config key "unitCosts"), or leave --cost-source out',
    );
  }
  return settings;
}

/** An extract's `formats` entry over the run's settings; a delimiter is always a character. */
function formatOf(config: ConfigFile, extract: ExtractName, settings: RunSettings): ExtractFormat {
  const given = config.formats?.[extract] ?? config.customOutcomes?.find((custom) => custom.id === extract)?.format;
  const delimiter = given?.delimiter === "tab" ? "\t" : given?.delimiter;
  return { dateFormat: given?.dateFormat ?? settings.dateFormat, delimiter, encoding: given?.encoding ?? "utf-8" };
}

/**
 * The optional columns a setting's rule needs, per extract (evaluation.md, "Every column a run relies
 * on must be there"): without them the rule would exclude everyone, or nobody, in silence.
 */
function neededColumns(extract: ExtractName, settings: RunSettings, categoriesListed: boolean): Record<string, string> {
  if (extract === "referrals") {
    return {
      ...(settings.requireConsent ? { consent: "--require-consent (requireConsent)" } : {}),
      ...(settings.minOnwardReferrals !== null ? { onward_referrals: "--min-onward-referrals (minOnwardReferrals)" } : {}),
      ...(settings.minAge !== null ? { age: "--min-age (minAge)" } : {}),
    };
  }
  if (extract === "population" && settings.matchExact?.includes("practice")) return { practice: "--match-exact practice (matchExact)" };
  if (extract === "ae" && categoriesListed && settings.excludedAttendanceCategories.length > 0) {
    return { attendance_category: "the config's excludedAttendanceCategories" };
  }
  return {};
}

/**
 * Each activity extract's given coverage, bound by bound: a flag (`--data-start`, for all extracts)
 * overrides the config as every flag does; in the config, `coverage.<extract>` is more particular
 * than `dataStart`/`dataEnd`.
 */
function coverageOf(config: ConfigFile, flags: SettingsInput, activity: readonly string[]): EvaluationRun["coverage"] {
  const coverage: NonNullable<EvaluationRun["coverage"]> = {};
  for (const extract of activity) {
    const given = config.coverage?.[extract] ?? config.customOutcomes?.find((custom) => custom.id === extract)?.coverage;
    coverage[extract] = {
      start: flags.dataStart ?? given?.start ?? config.dataStart ?? null,
      end: flags.dataEnd ?? given?.end ?? config.dataEnd ?? null,
    };
  }
  return coverage;
}

/**
 * A config file's extract path as outputs and messages show it: as written in the config where it
 * is absolute or the config file is in the current folder; else joined to the config file's folder
 * as the user typed it (`--config study/evaluation.json` with `"referrals.csv"` shows
 * `study/referrals.csv`). So it opens from where prepost ran, and it is absolute only where the
 * user wrote an absolute path (in the config, or in --config), never because of where prepost ran.
 */
function shownConfigPath(written: string, configFlag: string, cwd: string): string {
  if (isAbsolute(written) || resolve(cwd, dirname(configFlag)) === cwd) return written;
  return join(dirname(configFlag), written);
}

/** A custom outcome's columns: its mapping, and the column `countWhere` reads, under its own header. */
function customColumns(custom: CustomOutcomeConfig): Record<string, string | undefined> {
  return { ...custom.columns, ...(custom.countWhere ? { [custom.countWhere.column]: custom.countWhere.column } : {}) };
}

function sourcesFrom(config: ConfigFile, configFlag: string | undefined, flags: RunFlags, settings: RunSettings): Record<string, ExtractSource> {
  const categoriesListed = config.excludedAttendanceCategories !== undefined || flags.excludedAttendanceCategories !== undefined;
  const cwd = process.cwd();
  const configDir = configFlag === undefined ? cwd : dirname(resolve(cwd, configFlag));
  const given = [
    ...EXTRACTS.map((extract) => ({ extract, fromFlag: flags[extract] as string | undefined, fromConfig: config[extract] as string | undefined, columns: config.columns?.[extract] })),
    ...(config.customOutcomes ?? []).map((custom) => ({ extract: custom.id, fromFlag: undefined, fromConfig: custom.extract, columns: customColumns(custom) })),
  ];
  return Object.fromEntries(
    given.flatMap(({ extract, fromFlag, fromConfig, columns }) => {
      if (fromFlag === undefined && fromConfig === undefined) return [];
      // Flags are relative to where prepost runs, and shown as typed; config paths are relative to the config file.
      const path = fromFlag !== undefined ? resolve(cwd, fromFlag) : resolve(configDir, fromConfig!);
      const file = fromFlag ?? shownConfigPath(fromConfig!, configFlag ?? "", cwd);
      const source: ExtractSource = { extract, path, file, columns: columns ?? {}, format: formatOf(config, extract, settings), needed: neededColumns(extract, settings, categoriesListed) };
      return [[extract, source]];
    }),
  );
}

/**
 * Unit costs and cost columns keyed by the run's outcomes' ids (a key may be an id or a short name),
 * each cost column added to its extract's columns; an outcome may have one or the other, and an
 * outcome that counts nights no cost column (a spell's cost is not its nights').
 */
function costsByOutcome(settings: RunSettings, outcomes: readonly Outcome[], activity: Record<string, ExtractSource>, config: ConfigFile, where: string): RunSettings {
  const custom = outcomes.filter((outcome) => config.customOutcomes?.some((c) => c.id === outcome.id));
  const customCost = Object.fromEntries((config.customOutcomes ?? []).flatMap((c) => (c.costColumn ? [[c.id, c.costColumn]] : [])));
  const problems = [
    ...costKeyProblems(Object.keys(settings.unitCosts), custom, { file: where, key: where === "--unit-cost" ? "" : "unitCosts" }),
    ...costKeyProblems(Object.keys(settings.costColumns), custom, { file: where, key: where === "--unit-cost" ? "" : "costColumns" }),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const unitCosts: Record<string, number | null> = {};
  const costColumns: Record<string, string> = {};
  for (const outcome of outcomes) {
    const keys = [outcome.costName, outcome.id];
    const unit = keys.map((key) => settings.unitCosts[key]).find((value) => value != null) ?? null;
    const column = customCost[outcome.id] ?? keys.map((key) => settings.costColumns[key]).find((value) => value !== undefined);
    unitCosts[outcome.costName] = unit;
    if (column === undefined) continue;
    if (unit !== null) throw usageError(`${outcome.id} has both a unit cost and a cost column: give one (a unit cost prices each unit, a cost column gives each row's own)`, where);
    if (outcome.adds === "nights") throw usageError(`${outcome.id} counts nights, not rows: a cost column gives a row's cost, so it cannot price a bed day; give --unit-cost ${outcome.costName}=GBP instead`, where);
    costColumns[outcome.id] = column;
    const source = activity[outcome.extract.name]!;
    activity[outcome.extract.name] = { ...source, columns: { ...source.columns, [COST_COLUMN]: column } };
  }
  return { ...settings, unitCosts, costColumns };
}

/**
 * The config's cohorts. Cohort values are compared without regard to case or runs of white space,
 * so two listed cohorts (or aliases of two cohorts) that compare equal would be one: an error.
 */
function cohortLabels(config: ConfigFile, file: string) {
  if (!config.cohorts) return undefined;
  const named = new Map<string, { key: string; spelling: string; cohort: number }>();
  const problems: DataError[] = [];
  config.cohorts.forEach(({ cohort, aliases }, i) => {
    const spellings = [{ spelling: cohort, key: `cohorts.${i}.cohort` }, ...(aliases ?? []).map((alias, j) => ({ spelling: alias, key: `cohorts.${i}.aliases.${j}` }))];
    for (const { spelling, key } of spellings) {
      const normal = cohortKey(spelling);
      const first = named.get(normal);
      if (!first) named.set(normal, { key, spelling, cohort: i });
      else if (first.cohort !== i) {
        const how = first.spelling === spelling ? "" : " (cohorts are compared without regard to case or runs of white space)";
        problems.push({
          code: "duplicate_cohort",
          file,
          line: 0,
          column: key,
          value: spelling,
          message: `names the same cohort as ${first.key} (${JSON.stringify(first.spelling)})${how}`,
        });
      }
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return config.cohorts.map(({ cohort, label, aliases }) => ({ cohort, label: label ?? cohort, aliases: aliases ?? [] }));
}

/** Config keys that are not settings: the extracts (`EXTRACTS`) and these. */
const NOT_SETTINGS = new Set(["$schema", "customOutcomes", "columns", "cohorts", "formats", "coverage"]);

/** `--match` needs a population to match from, and makes the comparison group: it cannot be given one too. */
function checkMatchSources(flags: RunFlags, population: ExtractSource | undefined): void {
  if (!population) throw usageError('--match finds the comparison group in the registered population: give --population FILE (or "population" in the config file)');
  if (flags.comparison !== undefined) throw usageError("--match makes the comparison group from the population, and --comparison gives one: give one or the other");
}

/** Turns the command line (and the config file it names) into the library's input. */
export async function resolveRun(flags: RunFlags): Promise<EvaluationRun> {
  const flagSettings = validateFlags(flags);
  const config: ConfigFile = flags.config ? await loadConfigFile(flags.config) : {};
  const configSettings = Object.fromEntries(Object.entries(config).filter(([key]) => !NOT_SETTINGS.has(key) && !EXTRACTS.includes(key))) as SettingsInput;
  const custom = customOutcomes(config.customOutcomes ?? [], flags.config ?? "");
  const merged = mergeSettings(configSettings, flagSettings);
  const sources = sourcesFrom(config, flags.config, flags, merged);
  if (!sources.referrals) throw usageError('no referrals extract: give --referrals FILE (or "referrals" in the config file)');
  const { referrals, comparison, population, ...activity } = sources;
  if (flags.match) checkMatchSources(flags, population);
  if (Object.keys(activity).length === 0) {
    throw usageError('no activity extract: give --ae FILE, --admissions FILE and/or --outpatients FILE (or "ae", "admissions", "outpatients" or "customOutcomes" in the config file)');
  }
  const listed = flagSettings.outcomes ?? config.outcomes;
  const outcomes: RunOutcome[] = chooseOutcomes(listed, custom, activity, flagSettings.outcomes ? "--outcomes" : (flags.config ?? ""));
  // Only the extracts of the outcomes reported are read.
  const read = Object.fromEntries(Object.entries(activity).filter(([name]) => outcomes.some((chosen) => outcomeOf(chosen).extract.name === name)));
  const costWhere = flagSettings.unitCosts || flagSettings.costColumns ? "--unit-cost" : (flags.config ?? "");
  const settings = costsByOutcome(merged, outcomes.map(outcomeOf), read, config, costWhere);
  return {
    settings,
    referrals: referrals!,
    // A flag overrides the config: with --match the comparison group is the one matching makes.
    ...(comparison && !flags.match ? { comparison } : {}),
    ...(population ? { population } : {}),
    ...(flags.match ? { match: true } : {}),
    activity: read,
    outcomes,
    cohorts: cohortLabels(config, flags.config ?? ""),
    coverage: coverageOf(config, flagSettings, Object.keys(read)),
    chosen: {
      aeCoding: config.aeCoding !== undefined || flagSettings.aeCoding !== undefined,
      excludedAttendanceCategories: config.excludedAttendanceCategories !== undefined || flagSettings.excludedAttendanceCategories !== undefined,
    },
  };
}
