import { dirname, isAbsolute, join, resolve } from "node:path";
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

/** A problem with the run as asked for, not with one file or flag: the message says what to give instead. */
function usageError(message: string, file = ""): InputError {
  return new InputError([{ code: "usage", file, line: 0, column: "", message }]);
}

/** Flags are checked with the same schema as the config file; a problem names the flag. */
function validateFlags(flags: RunFlags): SettingsInput {
  const { config: _config, referrals: _r, ae: _a, admissions: _ad, comparison: _c, ...settings } = flags;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
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
  const merged = { ...defaults, ...config, ...flags };
  const settings: RunSettings = {
    ...merged,
    excludedAttendanceCategories: merged.excludedAttendanceCategories ?? [...DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES[merged.aeCoding]],
    emergencyAdmissionMethods: merged.emergencyAdmissionMethods ?? [...DEFAULT_EMERGENCY_ADMISSION_METHODS],
    // Flags add to the config's unit costs (one outcome's flag overrides that outcome only).
    unitCosts: { ae: flags.unitCosts?.ae ?? config.unitCosts?.ae ?? null, admission: flags.unitCosts?.admission ?? config.unitCosts?.admission ?? null },
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
  if (settings.costSource !== null && settings.unitCosts.ae === null && settings.unitCosts.admission === null) {
    throw usageError(
      '--cost-source names the source of unit costs, but no unit cost was given: add --unit-cost ae=GBP and/or --unit-cost admission=GBP (config key "unitCosts"), or leave --cost-source out',
    );
  }
  return settings;
}

/** An extract's `formats` entry over the run's settings; a delimiter is always a character. */
function formatOf(config: ConfigFile, extract: ExtractName, settings: RunSettings): ExtractFormat {
  const given = config.formats?.[extract];
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
function coverageOf(config: ConfigFile, flags: SettingsInput): EvaluationRun["coverage"] {
  const coverage: NonNullable<EvaluationRun["coverage"]> = {};
  for (const extract of ["ae", "admissions"] as const) {
    const given = config.coverage?.[extract];
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

function sourcesFrom(config: ConfigFile, configFlag: string | undefined, flags: RunFlags, settings: RunSettings) {
  const categoriesListed = config.excludedAttendanceCategories !== undefined || flags.excludedAttendanceCategories !== undefined;
  const cwd = process.cwd();
  const configDir = configFlag === undefined ? cwd : dirname(resolve(cwd, configFlag));
  return Object.fromEntries(
    EXTRACTS.flatMap((extract) => {
      const fromFlag = flags[extract];
      const fromConfig = config[extract];
      if (fromFlag === undefined && fromConfig === undefined) return [];
      // Flags are relative to where prepost runs, and shown as typed; config paths are relative to the config file.
      const path = fromFlag !== undefined ? resolve(cwd, fromFlag) : resolve(configDir, fromConfig!);
      const file = fromFlag ?? shownConfigPath(fromConfig!, configFlag ?? "", cwd);
      return [[extract, { extract, path, file, columns: config.columns?.[extract] ?? {}, format: formatOf(config, extract, settings), needed: neededColumns(extract, settings, categoriesListed) }]];
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
  const { $schema: _s, referrals: _r, ae: _a, admissions: _ad, comparison: _c, columns: _col, cohorts: _co, formats: _f, coverage: _cv, ...configSettings } =
    config;
  const settings = mergeSettings(configSettings, flagSettings);
  const sources = sourcesFrom(config, flags.config, flags, settings);
  if (!sources.referrals) throw usageError('no referrals extract: give --referrals FILE (or "referrals" in the config file)');
  if (!sources.ae && !sources.admissions) {
    throw usageError('no activity extract: give --ae FILE and/or --admissions FILE (or "ae" and/or "admissions" in the config file)');
  }
  return {
    settings,
    referrals: sources.referrals,
    ae: sources.ae,
    admissions: sources.admissions,
    comparison: sources.comparison,
    cohorts: cohortLabels(config, flags.config ?? ""),
    coverage: coverageOf(config, flagSettings),
    chosen: {
      aeCoding: config.aeCoding !== undefined || flagSettings.aeCoding !== undefined,
      excludedAttendanceCategories: config.excludedAttendanceCategories !== undefined || flagSettings.excludedAttendanceCategories !== undefined,
    },
  };
}
