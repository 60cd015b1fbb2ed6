import { dirname, isAbsolute, join, resolve } from "node:path";
import { type DataError, InputError } from "../errors.js";
import type { ExtractName } from "../result.js";
import { COST_COLUMN } from "../extracts/activity-rows.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES, outcomeOf, type RunOutcome } from "../outcomes/registry.js";
import { DEFAULT_ATTENDED_CODES } from "../outcomes/outpatient-attendances.js";
import type { Outcome } from "../outcomes/outcome.js";
import { chooseOutcomes, costKeyProblems, customOutcomes, nameSameOutcome, outcomeNamed } from "./choose-outcomes.js";
import { type ConfigFile, type CustomOutcomeConfig, issueToProblem, loadConfigFile } from "./config-file.js";
import { tablesFrom } from "./warehouse-tables.js";
import { cohortKey } from "../extracts/cohort-names.js";
import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import { didYouMean } from "../text/nearest.js";
import { windowMonths } from "../core/months.js";
import { AGE_BAND } from "../core/breakdowns.js";
import { parseWindowLength } from "../core/windows.js";
import { type ExtractFormat, type ExtractSource, mappingOf } from "../extracts/source.js";
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
  by: [] as string[],
  ageBands: null,
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

/** Cost keys that name an outcome a flag prices: the flags price it, whatever the config said. */
function costKeysOfFlags(flags: SettingsInput): string[] {
  return [...Object.keys(flags.unitCosts ?? {}), ...Object.keys(flags.costColumns ?? {})];
}

/** The config's costs (unit costs or cost columns) of the outcomes no flag prices. */
function notPricedByFlags<T>(given: Record<string, T> | undefined, flags: SettingsInput): Record<string, T> {
  const flagged = costKeysOfFlags(flags);
  return Object.fromEntries(Object.entries(given ?? {}).filter(([key]) => !flagged.some((flag) => nameSameOutcome(key, flag))));
}

/** defaults ← config file ← flags, merged once into settings with every field decided. */
export function mergeSettings(config: SettingsInput, flags: SettingsInput): RunSettings {
  const { outcomes: _outcomes, ...merged } = { ...defaults, ...config, ...flags };
  const window = windowMonths(parseWindowLength(merged.window));
  const settings: RunSettings = {
    ...merged,
    months: merged.months ?? window,
    excludedAttendanceCategories: merged.excludedAttendanceCategories ?? [...DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES[merged.aeCoding]],
    emergencyAdmissionMethods: merged.emergencyAdmissionMethods ?? [...DEFAULT_EMERGENCY_ADMISSION_METHODS],
    attendedCodes: merged.attendedCodes ?? [...DEFAULT_ATTENDED_CODES],
    // Flags add to the config's unit costs and cost columns; a flag pricing an outcome overrides whatever the
    // config said of that outcome only (by either of its names, a unit cost or a cost column alike). Keyed as
    // given here, by the outcome's id once the run's outcomes are known (`costsByOutcome`).
    unitCosts: { ...notPricedByFlags(config.unitCosts, flags), ...flags.unitCosts },
    costColumns: { ...notPricedByFlags(config.costColumns, flags), ...flags.costColumns },
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
  if (settings.months < window) {
    const what = merged.window.endsWith("d") ? `the window's ${window} blocks of 30 days (${merged.window})` : `the window (${merged.window})`;
    throw usageError(
      `--months ${settings.months} is less than ${what}: the month-by-month series covers at least the pre and post windows; give --months ${window} or more (config key "months"), or leave it out`,
    );
  }
  refuseBadBreakdowns(settings);
  if (settings.costSource !== null && Object.keys(settings.unitCosts).length === 0 && Object.keys(settings.costColumns).length === 0) {
    throw usageError(
      '--cost-source names the source of unit costs, but no unit cost was given: add --unit-cost ae=GBP (or admission=, bed_day=, outpatient=; config key "unitCosts"), or leave --cost-source out',
    );
  }
  return settings;
}

/** The columns that make a row what it is, never a breakdown of one: a patient, their cohort (the rows themselves), their date. */
const NOT_BREAKDOWNS = ["patient_id", "cohort", "intervention_date"];

/** statistics.md, breakdowns: each column once, not one that is a patient or the row itself, and age bands with age_band. */
function refuseBadBreakdowns(settings: RunSettings): void {
  const twice = settings.by.find((column, i) => settings.by.indexOf(column) !== i);
  if (twice !== undefined) throw usageError(`--by ${twice} is given twice; give each column once (config key "by")`);
  const refused = settings.by.find((column) => NOT_BREAKDOWNS.includes(column));
  if (refused !== undefined) {
    const why = refused === "cohort" ? "the rows are the cohorts already" : refused === "patient_id" ? "a row per patient would be patient-level data (see --format patients-csv)" : "a row per day would be near patient-level";
    throw usageError(`--by ${refused} cannot break the rows down: ${why}; break them down by sex, age_band, imd_quintile, pcn or another column of the referrals (config key "by")`);
  }
  const bands = settings.ageBands;
  if (settings.by.includes(AGE_BAND) && bands === null) {
    throw usageError(`--by ${AGE_BAND} needs the bands: give --age-bands 18,35,55,75 (where each band after the first starts; config key "ageBands")`);
  }
  if (bands !== null && !settings.by.includes(AGE_BAND)) {
    throw usageError(`--age-bands gives the bands of ${AGE_BAND}, but no --by names it: add --by ${AGE_BAND} (config key "by"), or leave --age-bands out`);
  }
  if (bands !== null && bands.some((age, i) => i > 0 && age <= bands[i - 1]!)) {
    throw usageError(`--age-bands ${bands.join(",")} must rise: each band starts after the one before (like 18,35,55,75; config key "ageBands")`);
  }
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
      ...Object.fromEntries(settings.by.map((column) => (column === AGE_BAND ? ["age", `--by ${AGE_BAND} (by)`] : [column, `--by ${column} (by)`]))),
      ...(settings.requireConsent ? { consent: "--require-consent (requireConsent)" } : {}),
      ...(settings.minOnwardReferrals !== null ? { onward_referrals: "--min-onward-referrals (minOnwardReferrals)" } : {}),
      ...(settings.minAge !== null ? { age: "--min-age (minAge)" } : {}),
    };
  }
  if (extract === "population" && settings.matchExact?.includes("practice")) return { practice: "--match-exact practice (matchExact)" };
  // An activity extract: what its built-in outcomes' settings need (a custom outcome's columns are all required).
  const listed = { excludedAttendanceCategories: categoriesListed };
  return Object.assign({}, ...BUILT_IN_OUTCOMES.filter((outcome) => outcome.extract.name === extract).map((outcome) => outcome.neededColumns?.(settings, listed) ?? {}));
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
export function customColumns(custom: CustomOutcomeConfig): Record<string, string | undefined> {
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
  // Optional in the schema only for the warehouse, which names a table instead (tables.<id>).
  const withoutFile = (config.customOutcomes ?? []).findIndex((custom) => custom.extract === undefined);
  if (withoutFile >= 0) throw new InputError([{ code: "invalid_setting", file: configFlag ?? "", line: 0, column: `customOutcomes.${withoutFile}.extract`, message: "is missing: give the custom outcome's extract file" }]);
  return Object.fromEntries(
    given.flatMap(({ extract, fromFlag, fromConfig, columns }) => {
      if (fromFlag === undefined && fromConfig === undefined) return [];
      // Flags are relative to where prepost runs, and shown as typed; config paths are relative to the config file.
      const path = fromFlag !== undefined ? resolve(cwd, fromFlag) : resolve(configDir, fromConfig!);
      const file = fromFlag ?? shownConfigPath(fromConfig!, configFlag ?? "", cwd);
      const source: ExtractSource = { extract, path, file, ...mappingOf(columns), format: formatOf(config, extract, settings), needed: neededColumns(extract, settings, categoriesListed) };
      return [[extract, source]];
    }),
  );
}

/**
 * Unit costs and cost columns keyed by the run's outcomes' ids (a key may be an id or a short name),
 * each cost column added to its extract's columns; an outcome may have one or the other, and an
 * outcome that counts nights no cost column (a spell's cost is not its nights').
 */
function costsByOutcome(settings: RunSettings, outcomes: readonly Outcome[], activity: Record<string, ExtractSource>, config: ConfigFile, flagged: readonly string[], where: string): RunSettings {
  const custom = outcomes.filter((outcome) => config.customOutcomes?.some((c) => c.id === outcome.id));
  // A custom outcome's own cost column is the config's: a flag pricing the outcome overrides it too.
  const customCost = Object.fromEntries((config.customOutcomes ?? []).flatMap((c) => (c.costColumn && !flagged.includes(c.id) ? [[c.id, c.costColumn]] : [])));
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
const NOT_SETTINGS = new Set(["$schema", "customOutcomes", "columns", "cohorts", "formats", "coverage", "tables"]);

/**
 * Where a run's extracts are: files (flags and the config's paths), or tables in a warehouse (the
 * config's `tables`, for `prepost sql` and `evaluate --warehouse-result`, see warehouse-tables.ts).
 */
export type ExtractPlace = "files" | "tables";

/**
 * A referral column the config maps beyond the spec's is read only for a breakdown: one that no
 * `by` names is a mistyped key, an error that names it, as any unknown key is.
 */
function refuseUnreadMappings(config: ConfigFile, by: readonly string[], file: string): void {
  const known = REFERRAL_COLUMNS.map((column) => column.name as string);
  const unread = Object.keys(config.columns?.referrals ?? {}).filter((key) => !known.includes(key) && !by.includes(key));
  if (unread.length === 0) return;
  throw new InputError(
    unread.map((key) => ({
      code: "unknown_key",
      file,
      line: 0,
      column: `columns.referrals.${key}`,
      message: `is not a referral column prepost reads${didYouMean(key, known) || `; a column to break the rows down by is named in "by" too (--by ${key})`}`,
    })),
  );
}

/** `--match` needs a population to match from, and makes the comparison group: it cannot be given one too. */
function checkMatchSources(flags: RunFlags, population: ExtractSource | undefined): void {
  if (!population) throw usageError('--match finds the comparison group in the registered population: give --population FILE (or "population" in the config file)');
  if (flags.comparison !== undefined) throw usageError("--match makes the comparison group from the population, and --comparison gives one: give one or the other");
}

/** Turns the command line (and the config file it names) into the library's input. */
export async function resolveRun(flags: RunFlags, place: ExtractPlace = "files"): Promise<EvaluationRun> {
  const flagSettings = validateFlags(flags);
  const config: ConfigFile = flags.config ? await loadConfigFile(flags.config) : {};
  const configSettings = Object.fromEntries(Object.entries(config).filter(([key]) => !NOT_SETTINGS.has(key) && !EXTRACTS.includes(key))) as SettingsInput;
  const custom = customOutcomes(config.customOutcomes ?? [], flags.config ?? "");
  const merged = mergeSettings(configSettings, flagSettings);
  // A mapping the config's own `by` reads is not a mistake, even where a --by flag replaces the list.
  refuseUnreadMappings(config, [...(config.by ?? []), ...merged.by], flags.config ?? "");
  const sources =
    place === "files"
      ? sourcesFrom(config, flags.config, flags, merged)
      : tablesFrom(config, flags.config ?? "", (extract) => formatOf(config, extract, merged), (extract) => neededColumns(extract, merged, config.excludedAttendanceCategories !== undefined));
  if (!sources.referrals) {
    throw usageError(place === "files" ? 'no referrals extract: give --referrals FILE (or "referrals" in the config file)' : 'no referrals table: give "tables": { "referrals": "schema.table", … } in the config file');
  }
  const { referrals, comparison, population, ...activity } = sources;
  if (flags.match) checkMatchSources(flags, population);
  if (Object.keys(activity).length === 0) {
    const keys = BUILT_IN_EXTRACTS.map((extract) => `"${extract.name}"`);
    if (place === "tables") throw usageError(`no activity table: give "tables": { ${keys[0]}: "schema.table", … } (or ${[...keys.slice(1), "a custom outcome's id"].join(", ")}) in the config file`);
    const flags = BUILT_IN_EXTRACTS.map((extract) => `--${extract.name} FILE`);
    throw usageError(`no activity extract: give ${flags.slice(0, -1).join(", ")} and/or ${flags.at(-1)} (or ${keys.join(", ")} or "customOutcomes" in the config file)`);
  }
  const listed = flagSettings.outcomes ?? config.outcomes;
  const outcomes: RunOutcome[] = chooseOutcomes(listed, custom, activity, flagSettings.outcomes ? "--outcomes" : (flags.config ?? ""));
  // Only the extracts of the outcomes reported are read.
  const read = Object.fromEntries(Object.entries(activity).filter(([name]) => outcomes.some((chosen) => outcomeOf(chosen).extract.name === name)));
  const costWhere = flagSettings.unitCosts || flagSettings.costColumns ? "--unit-cost" : (flags.config ?? "");
  const settings = costsByOutcome(merged, outcomes.map(outcomeOf), read, config, costKeysOfFlags(flagSettings), costWhere);
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
