import { Command, InvalidArgumentError, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import { InputError } from "../errors.js";
import { BUILT_IN_OUTCOMES } from "../outcomes/registry.js";
import { FORMAT_NAMES, type FormatName, PATIENTS_FORMAT } from "../render/formats.js";
import type { PatientTable } from "../patient-rows.js";
import type { PublishedResult } from "../result.js";
import type { Console } from "./console.js";
import { type OutputPlan, patientLevelWarning, planOutputs, renderOutputs } from "./outputs.js";
import { progressDisplay } from "./progress.js";
import { collect, integer, matchingFlags, runInputs, wholeNumber, withExtractFlags, withMatchFlags, withRuleFlags } from "./run-flags.js";

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

interface EvaluateFlags extends Omit<RunFlags, "unitCosts" | "costColumns"> {
  warehouseResult?: string;
  format?: FormatName;
  out: string[];
  quiet?: boolean;
  unitCost?: UnitCosts;
  costColumn?: Record<string, string>;
}

export function evaluateCommand(console: Console): Command {
  const command = new Command("evaluate")
    .description("Count each referred patient's hospital use (A&E, admissions, bed days, outpatients, and the ICB's own outcomes) before and after their first intervention, by cohort.")
    .option("--config <file>", "a JSON config file (paths in it are relative to it); flags override it")
    .option("--referrals <file>", "referrals extract (CSV or .parquet): patient_id, cohort, intervention_date [, consent, onward_referrals, age]");
  withExtractFlags(command)
    .option("--comparison <file>", "matched comparison group (CSV or .parquet): patient_id, cohort, index_date [, matched_to]")
    .option("--match", "match the comparison group from --population first (as prepost match does), then evaluate with it");
  return withRuleFlags(withMatchFlags(command), true)
    .option("--bootstrap <n>", "bootstrap replicates for the confidence intervals (default 2000, at most 100,000; 0 turns them off)", wholeNumber)
    .option("--seed <n>", "seed of the bootstrap's random numbers, and with --match of the cases' order (default 1)", integer)
    .option("--suppress", "small-number suppression as NHS England applies it to HES/ECDS: 1-7 shown as *, other counts rounded to 5")
    .option("--no-suppress", "no suppression (overrides the config file)")
    .option("--unit-cost <outcome=GBP>", `unit cost of an outcome (${COST_NAMES}, or its id) in pounds, to cost each window's activity (repeatable; no default)`, unitCost)
    .option("--cost-column <outcome=column>", "the extract's column giving each row's cost in pounds, instead of a unit cost (repeatable)", costColumn)
    .option("--cost-source <text>", "where the unit costs come from, printed beside them (e.g. the National Cost Collection year)")
    .addOption(new Option("--format <format>", "output format (default table, or each --out file's extension)").choices(FORMAT_NAMES))
    .option(
      "--out <file>",
      "write to FILE instead of standard output, whole or not at all; repeatable; the format follows the extension (.txt .json .csv .attrition.csv .match.csv .months.csv .patients.csv .md .html) unless --format is given",
      collect,
      [],
    )
    .option("--quiet", "no progress display on standard error")
    .option("--warehouse-result <file>", "instead of the extracts, the CSV the script of prepost sql returned in the warehouse (the config's tables): every output from its counts (docs/warehouse.md)")
    .action(async (flags: EvaluateFlags) => {
      const { format, out, quiet, unitCost: unitCosts, costColumn: costColumns, warehouseResult, ...runFlags } = flags;
      if (runFlags.population !== undefined && !runFlags.match) {
        throw new InputError([{ code: "usage", file: "--population", line: 0, column: "", message: "is read to match a comparison group: add --match (or run prepost match)" }]);
      }
      const outputs = planOutputs(format, out);
      if (warehouseResult !== undefined) {
        const { evaluateWarehouseResult } = await import("./warehouse-result.js");
        const result = await evaluateWarehouseResult(warehouseResult, { ...runFlags, unitCosts, costColumns }, out, outputs);
        await writeOutputs(console, outputs, { result });
        return;
      }
      // Loaded here, not at the top: the other commands need none of it.
      const [{ resolveRun }, { evaluate, evaluateWithPatients }, { checkOutputs }] = await Promise.all([
        import("../config/resolve-run.js"),
        import("../evaluate.js"),
        import("../io/output-target.js"),
      ]);
      const run = await resolveRun(matchingFlags({ ...runFlags, unitCosts, costColumns }));
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
      await writeOutputs(console, outputs, evaluated);
    });
}

/** Every output rendered before anything is written: a failure leaves no output behind. */
async function writeOutputs(console: Console, outputs: readonly OutputPlan[], evaluated: { result: PublishedResult; patients?: PatientTable }): Promise<void> {
  const { writeFilesAtomic } = await import("../io/atomic-write.js");
  const rendered = await renderOutputs(outputs, evaluated);
  const files = rendered.filter((output): output is { path: string; content: string } => output.path !== undefined);
  await writeFilesAtomic(files);
  for (const output of rendered) if (output.path === undefined) console.out(output.content);
  for (const { format, path } of outputs) if (format === PATIENTS_FORMAT) console.err(patientLevelWarning(path));
}
