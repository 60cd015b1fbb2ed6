import { dirname, relative, resolve } from "node:path";
import { type DataError, InputError } from "../errors.js";
import type { ExtractName } from "../result.js";
import { type ConfigFile, issueToProblem, loadConfigFile } from "./config-file.js";
import { cohortKey } from "../extracts/cohort-names.js";
import type { ExtractFormat } from "../extracts/source.js";
import type { EvaluationRun, RunSettings } from "./run.js";
import {
  DEFAULT_EMERGENCY_ADMISSION_METHODS,
  DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES,
  type SettingsInput,
  settingsInput,
} from "./settings.js";

/** What the command line says: settings flags, the extracts' paths and the config file. */
export interface RunFlags extends SettingsInput {
  config?: string;
  referrals?: string;
  ae?: string;
  admissions?: string;
  comparison?: string;
}

const EXTRACTS: readonly ExtractName[] = ["referrals", "ae", "admissions", "comparison"];

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

function usageError(message: string, file = "prepost evaluate"): InputError {
  return new InputError([{ code: "usage", file, line: 0, column: "", message }]);
}

/** Flags are checked with the same schema as the config file; a problem names the flag. */
function validateFlags(flags: RunFlags): SettingsInput {
  const { config: _config, referrals: _r, ae: _a, admissions: _ad, comparison: _c, ...settings } = flags;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const parsed = settingsInput.safeParse(defined);
  if (parsed.success) return parsed.data;
  const problems: DataError[] = parsed.error.issues.flatMap((issue) =>
    issueToProblem(issue, "").map((problem) => ({
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
  const merged = { ...defaults, ...config, ...flags };
  const settings: RunSettings = {
    ...merged,
    excludedAttendanceCategories: merged.excludedAttendanceCategories ?? [...DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES[merged.aeCoding]],
    emergencyAdmissionMethods: merged.emergencyAdmissionMethods ?? [...DEFAULT_EMERGENCY_ADMISSION_METHODS],
    // Flags add to the config's unit costs (one outcome's flag overrides that outcome only).
    unitCosts: { ae: flags.unitCosts?.ae ?? config.unitCosts?.ae ?? null, admission: flags.unitCosts?.admission ?? config.unitCosts?.admission ?? null },
  };
  if (settings.from !== null && settings.to !== null && settings.from > settings.to) {
    throw usageError(`the study period is empty: --from ${settings.from} is after --to ${settings.to}`);
  }
  if (settings.dataStart !== null && settings.dataEnd !== null && settings.dataStart > settings.dataEnd) {
    throw usageError(`the data coverage is empty: --data-start ${settings.dataStart} is after --data-end ${settings.dataEnd}`);
  }
  if (settings.costSource !== null && settings.unitCosts.ae === null && settings.unitCosts.admission === null) {
    throw usageError("--cost-source names the source of unit costs, but no --unit-cost was given");
  }
  return settings;
}

/** An extract's `formats` entry over the run's settings; a delimiter is always a character. */
function formatOf(config: ConfigFile, extract: ExtractName, settings: RunSettings): ExtractFormat {
  const given = config.formats?.[extract];
  const delimiter = given?.delimiter === "tab" ? "\t" : given?.delimiter;
  return { dateFormat: given?.dateFormat ?? settings.dateFormat, delimiter, encoding: given?.encoding ?? "utf-8" };
}

/** Each activity extract's given coverage: its `coverage` entry, else `dataStart`/`dataEnd` (for all). */
function coverageOf(config: ConfigFile, settings: RunSettings): EvaluationRun["coverage"] {
  const coverage: NonNullable<EvaluationRun["coverage"]> = {};
  for (const extract of ["ae", "admissions"] as const) {
    const given = config.coverage?.[extract];
    coverage[extract] = { start: given?.start ?? settings.dataStart, end: given?.end ?? settings.dataEnd };
  }
  return coverage;
}

function sourcesFrom(config: ConfigFile, configDir: string | undefined, flags: RunFlags, settings: RunSettings) {
  const cwd = process.cwd();
  return Object.fromEntries(
    EXTRACTS.flatMap((extract) => {
      const fromFlag = flags[extract];
      const fromConfig = config[extract];
      if (fromFlag === undefined && fromConfig === undefined) return [];
      // Flags are relative to where prepost runs; config paths to the config file.
      const path = fromFlag !== undefined ? resolve(cwd, fromFlag) : resolve(configDir ?? cwd, fromConfig!);
      const file = fromFlag ?? relative(cwd, path);
      return [[extract, { extract, path, file, columns: config.columns?.[extract] ?? {}, format: formatOf(config, extract, settings) }]];
    }),
  );
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

/** Turns the command line (and the config file it names) into the library's input. */
export async function resolveRun(flags: RunFlags): Promise<EvaluationRun> {
  const flagSettings = validateFlags(flags);
  const config: ConfigFile = flags.config ? await loadConfigFile(flags.config) : {};
  const configDir = flags.config ? dirname(resolve(flags.config)) : undefined;
  const { $schema: _s, referrals: _r, ae: _a, admissions: _ad, comparison: _c, columns: _col, cohorts: _co, formats: _f, coverage: _cv, ...configSettings } =
    config;
  const settings = mergeSettings(configSettings, flagSettings);
  const sources = sourcesFrom(config, configDir, flags, settings);
  if (!sources.referrals) throw usageError("no referrals extract: give --referrals FILE (or `referrals` in the config file)");
  if (!sources.ae && !sources.admissions) {
    throw usageError("no activity extract: give --ae FILE and/or --admissions FILE (or `ae`/`admissions` in the config file)");
  }
  return {
    settings,
    referrals: sources.referrals,
    ae: sources.ae,
    admissions: sources.admissions,
    comparison: sources.comparison,
    cohorts: cohortLabels(config, flags.config ?? ""),
    coverage: coverageOf(config, settings),
  };
}
