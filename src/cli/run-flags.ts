import { type Command, InvalidArgumentError, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import type { EvaluationRun } from "../config/run.js";
import type { InputFile } from "../io/output-target.js";
import { MAX_RATIO } from "../match/match-cases.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES, outcomeOf } from "../outcomes/registry.js";

/**
 * The flags every command that reads a run's extracts shares (`evaluate`, `match`): the extracts, the
 * rules of evaluation.md and how the extracts are read, and matching's. Each command adds its own.
 */

export function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError("must be a whole number (0 or more).");
  return Number(text);
}

export function integer(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new InvalidArgumentError("must be a whole number.");
  return Number(text);
}

/** `--max-invalid 50` (a count of rows) or `2%` (a share of the extract's rows), kept as the setting's "N%". */
function maxInvalid(text: string): number | string {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (/^(\d+|\d*\.\d+)%$/.test(trimmed)) return trimmed;
  throw new InvalidArgumentError("must be a whole number of rows (like 50) or a share of an extract's rows (like 2%).");
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--age-bands 18,35,55,75`: whole numbers, each where a band starts (the settings check that they rise). */
function ageBands(text: string): number[] {
  const ages = text.split(",").map((age) => age.trim());
  if (ages.some((age) => !/^\d+$/.test(age) || Number(age) < 1)) throw new InvalidArgumentError("must be ages where each band after the first starts, comma-separated (like 18,35,55,75).");
  return ages.map(Number);
}

/** `--outcomes ae_attendances,emergency_bed_days`: the outcomes to report, in order. */
function outcomeList(text: string): string[] {
  return text.split(",").map((id) => id.trim()).filter((id) => id !== "");
}

/** `--caliper none`, as Commander holds it (a parser's null would become ""); `matchingFlags` makes it the setting's null. */
const NO_CALIPER = "none";

/** `--caliper 0.5`, or `none`: a distance above 0, or no caliper at all. */
function caliper(text: string): number | typeof NO_CALIPER {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === NO_CALIPER) return NO_CALIPER;
  const value = Number(trimmed);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) || !(value > 0)) throw new InvalidArgumentError("must be a distance above 0 (like 0.5), or none for no caliper.");
  return value;
}

/** `--match-exact practice` (repeatable, for what may join it): what else is matched exactly. */
function matchExact(text: string, previous: string[] | undefined): string[] {
  const value = text.trim().toLowerCase();
  if (value !== "practice") throw new InvalidArgumentError("must be practice (sex, the five-year age band and the IMD quintile are always matched exactly).");
  return [...new Set([...(previous ?? []), value])];
}

/** One flag per built-in activity extract (`--ae`, `--admissions`, `--outpatients`), from the registry. */
export function withExtractFlags(command: Command): Command {
  for (const extract of BUILT_IN_EXTRACTS) command.option(`--${extract.name} <file>`, extract.help);
  return command;
}

/** `--population` and how to match (matching.md). */
export function withMatchFlags(command: Command): Command {
  return command
    .option("--population <file>", "the ICB's registered population (CSV or .parquet): patient_id, sex, birth_year [, imd_decile, practice, ltc_count, registered_from, registered_to, died]")
    .option("--ratio <k>", `controls per case, 1 to ${MAX_RATIO} (default 1)`, wholeNumber)
    .option("--caliper <distance>", "the largest distance a control may be at, in the cases' own spread (default 1.0), or none", caliper)
    .option("--match-exact <variable>", "match the practice (or the PCN, where the population has only that) exactly too", matchExact);
}

/** The run's flags with `--caliper none` as the setting says it: null. */
export function matchingFlags(flags: RunFlags): RunFlags {
  return (flags.caliper as unknown) === NO_CALIPER ? { ...flags, caliper: null } : flags;
}

/**
 * The rules of evaluation.md, and how the extracts are read: from `--outcomes` to `--engine`. With
 * `figures` (`evaluate`, which reports outcome figures), how they are shown too: the month-by-month
 * series (`--months`) and the breakdowns (`--by`, `--age-bands`).
 */
export function withRuleFlags(command: Command, figures = false): Command {
  command
    .option(
      "--outcomes <ids>",
      `the outcomes to report, comma-separated, in order (${BUILT_IN_OUTCOMES.map((o) => o.id).join(", ")}, or a custom outcome's id; default: every outcome whose extract is given, but emergency_bed_days)`,
      outcomeList,
    )
    .option("--from <date>", "first index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--to <date>", "last index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--data-start <date>", "first day every activity extract covers (default: each extract's own earliest event date; config coverage.<extract> per extract)")
    .option("--data-end <date>", "last day every activity extract covers (default: each extract's own latest event date; config coverage.<extract> per extract)")
    .option("--window <length>", "window either side of the index date: Nm calendar months or Nd days (default 6m)");
  if (figures) {
    command.option(
      "--months <k>",
      "months either side of the index date in the month-by-month series, at least the window's (default: the window's); the series is then over the patients whose data cover them",
      wholeNumber,
    );
  }
  command
    .addOption(new Option("--index-day <rule>", "events on the index date: not counted, or counted in the pre or post window (default exclude)").choices(["exclude", "pre", "post"]))
    .option("--require-consent", "exclude patients whose index row has no consent")
    .option("--no-require-consent", "do not require consent (overrides the config file)")
    .option("--min-onward-referrals <n>", "exclude patients with fewer onward referrals, summed over their rows", wholeNumber)
    .option("--min-age <n>", "exclude patients younger than N at the index row, or of unknown age", wholeNumber);
  if (figures) {
    command
      .option("--by <column>", "break each outcome's rows down by a referral column of the index row (sex, imd_quintile, pcn…) or age_band, under each cohort and the Total; repeatable", collect)
      .option("--age-bands <ages>", "for --by age_band: where each band after the first starts, like 18,35,55,75 (0-17, 18-34, 35-54, 55-74, 75+)", ageBands);
  }
  return command
    .addOption(
      new Option("--date-format <format>", "how the extracts write dates: auto (default: each date column by its first date), iso YYYY-MM-DD or dmy D/M/YYYY; formats.<extract> in the config sets one extract's").choices(["auto", "iso", "dmy"]),
    )
    .addOption(new Option("--ae-coding <coding>", "A&E attendance category coding: ecds (default; excludes 4) or hes (excludes 2)").choices(["ecds", "hes"]))
    .option("--skip-invalid", "skip invalid rows (reported per file and reason) instead of stopping")
    .option(
      "--max-invalid <n>",
      "with --skip-invalid: the most invalid rows one extract may have, N rows or N% of its rows (default: more than 1% and more than 10 stop the run)",
      maxInvalid,
    )
    .addOption(
      new Option("--engine <engine>", "engine reading the activity extracts: stream (csv-parse), duckdb, or auto (default: DuckDB for Parquet or an activity extract over 64 MB)").choices(["stream", "duckdb", "auto"]),
    );
}

/** What messages call an activity extract: its outcome's words for it ("the A&E extract"). */
const extractWhat = (run: EvaluationRun, extract: string) => run.outcomes.map(outcomeOf).find((outcome) => outcome.extract.name === extract)?.extract.what ?? extract;

/** What a run reads: its extracts (the population where it matches) and the config file. */
export function runInputs(run: EvaluationRun, config: string | undefined, withPopulation = run.match === true): InputFile[] {
  const extracts = [
    { path: run.referrals.path, name: run.referrals.file, what: "the referrals extract" },
    ...Object.values(run.activity).map((source) => ({ path: source.path, name: source.file, what: extractWhat(run, source.extract) })),
    ...(run.comparison ? [{ path: run.comparison.path, name: run.comparison.file, what: "the comparison group" }] : []),
    ...(withPopulation && run.population ? [{ path: run.population.path, name: run.population.file, what: "the population extract" }] : []),
  ];
  return config === undefined ? extracts : [...extracts, { path: config, name: config, what: "the config file" }];
}
