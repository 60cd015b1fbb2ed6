import { Command, InvalidArgumentError, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import type { EvaluationRun } from "../config/run.js";
import type { Settings } from "../config/settings.js";
import type { InputFile } from "../io/output-target.js";
import { FORMAT_NAMES, type FormatName, rendererFor } from "../render/formats.js";
import type { PublishedResult } from "../result.js";
import type { Console } from "./console.js";
import { planOutputs } from "./outputs.js";
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

type UnitCosts = Partial<Record<keyof Settings["unitCosts"], number>>;

/** `--unit-cost ae=250.50`: an outcome and a price in pounds (a leading £ is allowed). */
function unitCost(text: string, previous: UnitCosts | undefined): UnitCosts {
  const match = /^(ae|admission)=£?(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match || Number(match[2]) <= 0) {
    throw new InvalidArgumentError("must be ae=GBP or admission=GBP, a price in pounds above 0 (like ae=250 or admission=1843.50).");
  }
  return { ...previous, [match[1]!]: Number(match[2]) };
}

interface EvaluateFlags extends Omit<RunFlags, "unitCosts"> {
  format?: FormatName;
  out: string[];
  quiet?: boolean;
  unitCost?: UnitCosts;
}

const EXTRACT_NAMES = { referrals: "the referrals extract", ae: "the A&E extract", admissions: "the admissions extract", comparison: "the comparison group" } as const;

/** What an evaluation reads: its extracts and the config file. */
function runInputs(run: EvaluationRun, config: string | undefined): InputFile[] {
  const extracts = (Object.keys(EXTRACT_NAMES) as (keyof typeof EXTRACT_NAMES)[]).flatMap((extract) => {
    const source = run[extract];
    return source ? [{ path: source.path, name: source.file, what: EXTRACT_NAMES[extract] }] : [];
  });
  return config === undefined ? extracts : [...extracts, { path: config, name: config, what: "the config file" }];
}

export function evaluateCommand(console: Console): Command {
  return new Command("evaluate")
    .description("Count each referred patient's A&E attendances and unplanned admissions before and after their first intervention, by cohort.")
    .option("--config <file>", "a JSON config file (paths in it are relative to it); flags override it")
    .option("--referrals <file>", "referrals extract (CSV or .parquet): patient_id, cohort, intervention_date [, consent, onward_referrals, age]")
    .option("--ae <file>", "A&E attendances extract (CSV or .parquet): patient_id, arrival_date [, attendance_category]")
    .option("--admissions <file>", "admitted patient care extract (CSV or .parquet): patient_id, admission_date, admission_method [, episode_order]")
    .option("--comparison <file>", "matched comparison group (CSV or .parquet): patient_id, cohort, index_date")
    .option("--from <date>", "first index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--to <date>", "last index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--data-start <date>", "first day every activity extract covers (default: each extract's own earliest event date; config coverage.<extract> per extract)")
    .option("--data-end <date>", "last day every activity extract covers (default: each extract's own latest event date; config coverage.<extract> per extract)")
    .option("--window <length>", "window either side of the index date: Nm calendar months or Nd days (default 6m)")
    .addOption(new Option("--index-day <rule>", "events on the index date: not counted, or counted in the pre or post window (default exclude)").choices(["exclude", "pre", "post"]))
    .option("--require-consent", "exclude patients whose index row has no consent")
    .option("--no-require-consent", "do not require consent (overrides the config file)")
    .option("--min-onward-referrals <n>", "exclude patients with fewer onward referrals, summed over their rows", wholeNumber)
    .option("--min-age <n>", "exclude patients younger than N at the index row, or of unknown age", wholeNumber)
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
    .option("--unit-cost <outcome=GBP>", "unit cost of ae or admission in pounds, to cost each window's activity (repeatable; no default)", unitCost)
    .option("--cost-source <text>", "where the unit costs come from, printed beside them (e.g. the National Cost Collection year)")
    .addOption(new Option("--format <format>", "output format (default table, or each --out file's extension)").choices(FORMAT_NAMES))
    .option(
      "--out <file>",
      "write to FILE instead of standard output, whole or not at all; repeatable; the format follows the extension (.txt .json .csv .attrition.csv .md .html) unless --format is given",
      collect,
      [],
    )
    .option("--quiet", "no progress display on standard error")
    .action(async (flags: EvaluateFlags) => {
      const { format, out, quiet, unitCost: unitCosts, ...runFlags } = flags;
      const outputs = planOutputs(format, out);
      // Loaded here, not at the top: the other commands need none of it.
      const [{ resolveRun }, { evaluate }, { writeFilesAtomic }, { checkOutputs }] = await Promise.all([
        import("../config/resolve-run.js"),
        import("../evaluate.js"),
        import("../io/atomic-write.js"),
        import("../io/output-target.js"),
      ]);
      const run = await resolveRun({ ...runFlags, unitCosts });
      // Every output is checked before an extract is read: none may land on an input, however spelled.
      await checkOutputs(out.map((path) => ({ path, name: path })), runInputs(run, runFlags.config));
      const progress = console.errIsTerminal && !quiet ? progressDisplay(console) : undefined;
      let result: PublishedResult;
      try {
        // Suppressed inside the library where the settings say so.
        result = await evaluate(run, { progress: progress?.listener });
      } finally {
        progress?.done();
      }
      // Everything is rendered before anything is written: a failure leaves no output behind.
      const renderers = await Promise.all(outputs.map(({ format }) => rendererFor(format)));
      const rendered = outputs.map(({ path }, i) => ({ path, content: renderers[i]!(result) }));
      const files = rendered.filter((output): output is { path: string; content: string } => output.path !== undefined);
      await writeFilesAtomic(files);
      for (const output of rendered) if (output.path === undefined) console.out(output.content);
    });
}
