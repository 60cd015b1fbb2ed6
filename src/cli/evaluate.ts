import { Command, InvalidArgumentError, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import type { EvaluationRun } from "../config/run.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES, outcomeOf } from "../outcomes/registry.js";
import type { InputFile } from "../io/output-target.js";
import { FORMAT_NAMES, type FormatName, PATIENTS_FORMAT } from "../render/formats.js";
import type { PatientTable } from "../patient-rows.js";
import type { PublishedResult } from "../result.js";
import type { Console } from "./console.js";
import { patientLevelWarning, planOutputs, renderOutputs } from "./outputs.js";
import { progressDisplay } from "./progress.js";

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError("must be a whole number (0 or more).");
  return Number(text);
}

function integer(text: string): number {
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

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--age-bands 18,35,55,75`: whole numbers, each where a band starts (the settings check that they rise). */
function ageBands(text: string): number[] {
  const ages = text.split(",").map((age) => age.trim());
  if (ages.some((age) => !/^\d+$/.test(age) || Number(age) < 1)) throw new InvalidArgumentError("must be ages where each band after the first starts, comma-separated (like 18,35,55,75).");
  return ages.map(Number);
}

type UnitCosts = Record<string, number>;

const COST_NAMES = BUILT_IN_OUTCOMES.map((outcome) => outcome.costName).join(", ");

/** `--unit-cost ae=250.50`: an outcome (short name or id) and a price in pounds (a leading £ is allowed); the name is checked against the run's outcomes. */
function unitCost(text: string, previous: UnitCosts | undefined): UnitCosts {
  const match = /^([a-z][a-z0-9_]*)=£?(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match || Number(match[2]) <= 0) {
    throw new InvalidArgumentError(`must be OUTCOME=GBP (${COST_NAMES}, or an outcome's id), a price in pounds above 0 (like ae=250 or bed_day=345).`);
  }
  return { ...previous, [match[1]!]: Number(match[2]) };
}

/** `--cost-column admission=Tariff_Total_Payment`: an outcome and the extract's column giving each row's cost. */
function costColumn(text: string, previous: Record<string, string> | undefined): Record<string, string> {
  const match = /^([a-z][a-z0-9_]*)=(.+)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`must be OUTCOME=COLUMN (like admission=Tariff_Total_Payment).`);
  return { ...previous, [match[1]!]: match[2]!.trim() };
}

/** `--outcomes ae_attendances,emergency_bed_days`: the outcomes to report, in order. */
function outcomeList(text: string): string[] {
  return text.split(",").map((id) => id.trim()).filter((id) => id !== "");
}

interface EvaluateFlags extends Omit<RunFlags, "unitCosts" | "costColumns"> {
  format?: FormatName;
  out: string[];
  quiet?: boolean;
  unitCost?: UnitCosts;
  costColumn?: Record<string, string>;
}

/** What messages call an activity extract: its outcome's words for it ("the A&E extract"). */
const extractWhat = (run: EvaluationRun, extract: string) => run.outcomes.map(outcomeOf).find((outcome) => outcome.extract.name === extract)?.extract.what ?? extract;

/** What an evaluation reads: its extracts and the config file. */
function runInputs(run: EvaluationRun, config: string | undefined): InputFile[] {
  const extracts = [
    { path: run.referrals.path, name: run.referrals.file, what: "the referrals extract" },
    ...Object.values(run.activity).map((source) => ({ path: source.path, name: source.file, what: extractWhat(run, source.extract) })),
    ...(run.comparison ? [{ path: run.comparison.path, name: run.comparison.file, what: "the comparison group" }] : []),
  ];
  return config === undefined ? extracts : [...extracts, { path: config, name: config, what: "the config file" }];
}

/** One flag per built-in activity extract (`--ae`, `--admissions`, `--outpatients`), from the registry. */
function withExtractFlags(command: Command): Command {
  for (const extract of BUILT_IN_EXTRACTS) command.option(`--${extract.name} <file>`, extract.help);
  return command;
}

export function evaluateCommand(console: Console): Command {
  const command = new Command("evaluate")
    .description("Count each referred patient's hospital use (A&E, admissions, bed days, outpatients, and the ICB's own outcomes) before and after their first intervention, by cohort.")
    .option("--config <file>", "a JSON config file (paths in it are relative to it); flags override it")
    .option("--referrals <file>", "referrals extract (CSV or .parquet): patient_id, cohort, intervention_date [, consent, onward_referrals, age]");
  return withExtractFlags(command)
    .option("--comparison <file>", "matched comparison group (CSV or .parquet): patient_id, cohort, index_date")
    .option(
      "--outcomes <ids>",
      `the outcomes to report, comma-separated, in order (${BUILT_IN_OUTCOMES.map((o) => o.id).join(", ")}, or a custom outcome's id; default: every outcome whose extract is given, but emergency_bed_days)`,
      outcomeList,
    )
    .option("--from <date>", "first index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--to <date>", "last index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--data-start <date>", "first day every activity extract covers (default: each extract's own earliest event date; config coverage.<extract> per extract)")
    .option("--data-end <date>", "last day every activity extract covers (default: each extract's own latest event date; config coverage.<extract> per extract)")
    .option("--window <length>", "window either side of the index date: Nm calendar months or Nd days (default 6m)")
    .option("--months <k>", "months either side of the index date in the month-by-month series, at least the window's (default: the window's); the series is then over the patients whose data cover them", wholeNumber)
    .addOption(new Option("--index-day <rule>", "events on the index date: not counted, or counted in the pre or post window (default exclude)").choices(["exclude", "pre", "post"]))
    .option("--require-consent", "exclude patients whose index row has no consent")
    .option("--no-require-consent", "do not require consent (overrides the config file)")
    .option("--min-onward-referrals <n>", "exclude patients with fewer onward referrals, summed over their rows", wholeNumber)
    .option("--min-age <n>", "exclude patients younger than N at the index row, or of unknown age", wholeNumber)
    .option("--by <column>", "break each outcome's rows down by a referral column of the index row (sex, imd_quintile, pcn…) or age_band, under each cohort and the Total; repeatable", collect)
    .option("--age-bands <ages>", "for --by age_band: where each band after the first starts, like 18,35,55,75 (0-17, 18-34, 35-54, 55-74, 75+)", ageBands)
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
    )
    .option("--bootstrap <n>", "bootstrap replicates for the confidence intervals (default 2000, at most 100,000; 0 turns them off)", wholeNumber)
    .option("--seed <n>", "seed of the bootstrap's random numbers (default 1)", integer)
    .option("--suppress", "small-number suppression as NHS England applies it to HES/ECDS: 1-7 shown as *, other counts rounded to 5")
    .option("--no-suppress", "no suppression (overrides the config file)")
    .option("--unit-cost <outcome=GBP>", `unit cost of an outcome (${COST_NAMES}, or its id) in pounds, to cost each window's activity (repeatable; no default)`, unitCost)
    .option("--cost-column <outcome=column>", "the extract's column giving each row's cost in pounds, instead of a unit cost (repeatable)", costColumn)
    .option("--cost-source <text>", "where the unit costs come from, printed beside them (e.g. the National Cost Collection year)")
    .addOption(new Option("--format <format>", "output format (default table, or each --out file's extension)").choices(FORMAT_NAMES))
    .option(
      "--out <file>",
      "write to FILE instead of standard output, whole or not at all; repeatable; the format follows the extension (.txt .json .csv .attrition.csv .months.csv .patients.csv .md .html) unless --format is given",
      collect,
      [],
    )
    .option("--quiet", "no progress display on standard error")
    .action(async (flags: EvaluateFlags) => {
      const { format, out, quiet, unitCost: unitCosts, costColumn: costColumns, ...runFlags } = flags;
      const outputs = planOutputs(format, out);
      // Loaded here, not at the top: the other commands need none of it.
      const [{ resolveRun }, { evaluate, evaluateWithPatients }, { writeFilesAtomic }, { checkOutputs }] = await Promise.all([
        import("../config/resolve-run.js"),
        import("../evaluate.js"),
        import("../io/atomic-write.js"),
        import("../io/output-target.js"),
      ]);
      const run = await resolveRun({ ...runFlags, unitCosts, costColumns });
      // Every output is checked before an extract is read: none may land on an input, however spelled.
      await checkOutputs(out.map((path) => ({ path, name: path })), runInputs(run, runFlags.config as string | undefined));
      const progress = console.errIsTerminal && !quiet ? progressDisplay(console) : undefined;
      const patientLevel = outputs.some(({ format }) => format === PATIENTS_FORMAT);
      let evaluated: { result: PublishedResult; patients?: PatientTable };
      try {
        // Suppressed inside the library where the settings say so; the per-patient table refused there under --suppress.
        const options = { progress: progress?.listener };
        evaluated = patientLevel ? await evaluateWithPatients(run, options) : { result: await evaluate(run, options) };
      } finally {
        progress?.done();
      }
      // Everything is rendered before anything is written: a failure leaves no output behind.
      const rendered = await renderOutputs(outputs, evaluated);
      const files = rendered.filter((output): output is { path: string; content: string } => output.path !== undefined);
      await writeFilesAtomic(files);
      for (const output of rendered) if (output.path === undefined) console.out(output.content);
      for (const { format, path } of outputs) if (format === PATIENTS_FORMAT) console.err(patientLevelWarning(path));
    });
}
