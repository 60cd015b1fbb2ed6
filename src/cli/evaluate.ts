import { Command, InvalidArgumentError, Option } from "commander";
import { type RunFlags, resolveRun } from "../config/resolve-run.js";
import { evaluate } from "../evaluate.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { renderJson } from "../render/json.js";
import { renderTable } from "../render/table.js";
import type { Result } from "../result.js";
import type { Console } from "./console.js";

const RENDERERS: Record<string, (result: Result) => string> = { table: renderTable, json: renderJson };

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError("must be a whole number (0 or more).");
  return Number(text);
}

function integer(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new InvalidArgumentError("must be a whole number.");
  return Number(text);
}

interface EvaluateFlags extends RunFlags {
  format: string;
  out?: string;
}

export function evaluateCommand(console: Console): Command {
  return new Command("evaluate")
    .description("Count each referred patient's A&E attendances and unplanned admissions before and after their first intervention, by cohort.")
    .option("--config <file>", "a JSON config file (paths in it are relative to it); flags override it")
    .option("--referrals <file>", "referrals extract (CSV or .parquet): patient_id, cohort, intervention_date [, consent, onward_referrals, age]")
    .option("--ae <file>", "A&E attendances extract (CSV or .parquet): patient_id, arrival_date [, attendance_category]")
    .option("--admissions <file>", "admitted patient care extract (CSV or .parquet): patient_id, admission_date, admission_method [, episode_order]")
    .option("--from <date>", "first index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--to <date>", "last index date in the study period (YYYY-MM-DD, inclusive)")
    .option("--data-start <date>", "first day the activity extracts cover (default: the earliest event date found)")
    .option("--data-end <date>", "last day the activity extracts cover (default: the latest event date found)")
    .option("--window <length>", "window either side of the index date: Nm calendar months or Nd days (default 6m)")
    .addOption(new Option("--index-day <rule>", "events on the index date: not counted, or counted in the pre or post window (default exclude)").choices(["exclude", "pre", "post"]))
    .option("--require-consent", "exclude patients whose index row has no consent")
    .option("--no-require-consent", "do not require consent (overrides the config file)")
    .option("--min-onward-referrals <n>", "exclude patients with fewer onward referrals, summed over their rows", wholeNumber)
    .option("--min-age <n>", "exclude patients younger than N at the index row, or of unknown age", wholeNumber)
    .addOption(new Option("--date-format <format>", "how the extracts write dates: iso YYYY-MM-DD or dmy DD/MM/YYYY (default iso)").choices(["iso", "dmy"]))
    .addOption(new Option("--ae-coding <coding>", "A&E attendance category coding: ecds (default; excludes 4) or hes (excludes 2)").choices(["ecds", "hes"]))
    .option("--skip-invalid", "skip invalid rows (reported per file and reason) instead of stopping")
    .addOption(
      new Option("--engine <engine>", "engine reading the activity extracts: stream (csv-parse), duckdb, or auto (default: DuckDB for Parquet or an activity extract over 64 MB)").choices(["stream", "duckdb", "auto"]),
    )
    .option("--bootstrap <n>", "bootstrap replicates for the confidence intervals (default 2000; 0 turns them off)", wholeNumber)
    .option("--seed <n>", "seed of the bootstrap's random numbers (default 1)", integer)
    .addOption(new Option("--format <format>", "output format").choices(Object.keys(RENDERERS)).default("table"))
    .option("--out <file>", "write the output to a file (whole or not at all) instead of standard output")
    .action(async (flags: EvaluateFlags) => {
      const { format, out, ...runFlags } = flags;
      const result = await evaluate(await resolveRun(runFlags));
      const text = RENDERERS[format]!(result);
      if (out) await writeFileAtomic(out, text);
      else console.out(text);
    });
}
