import { Command, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import { InputError } from "../errors.js";
import { FORMAT_NAMES, type FormatName, PATIENTS_FORMAT, rendererFor } from "../render/formats.js";
import type { Console } from "./console.js";
import { planOutputs } from "./outputs.js";
import { progressDisplay } from "./progress.js";
import { collect, integer, matchingFlags, runInputs, withExtractFlags, withMatchFlags, withRuleFlags } from "./run-flags.js";

interface MatchFlags extends RunFlags {
  format?: FormatName;
  out: string[];
  quiet?: boolean;
}

function usage(message: string): InputError {
  return new InputError([{ code: "usage", file: "--out", line: 0, column: "", message }]);
}

/**
 * `prepost match`: the comparison group of matching.md, written as a comparison extract (the first
 * `--out`, whatever its extension), and its report, printed in `--format` or written to the further
 * `--out` files as `evaluate` writes its outputs; every file whole, or none.
 */
export function matchCommand(console: Console): Command {
  const command = new Command("match")
    .description(
      "Find a comparison group in the registered population (matching.md): for each referred patient the evaluation includes, the people never referred who looked most alike at the same date, recent hospital use included. Writes them as a comparison extract and prints the match report.",
    )
    .option("--config <file>", "a JSON config file (paths in it are relative to it); flags override it")
    .option("--referrals <file>", "referrals extract (CSV or .parquet): patient_id, cohort, intervention_date [, consent, onward_referrals, age]");
  withExtractFlags(command);
  return withRuleFlags(withMatchFlags(command))
    .option("--seed <n>", "seed of the random order the cases are matched in (default 1)", integer)
    .addOption(new Option("--format <format>", "the report's format (default table, or each further --out file's extension)").choices(FORMAT_NAMES))
    .option(
      "--out <file>",
      "the comparison extract to write (patient_id, cohort, index_date, matched_to), whatever its extension; repeat it to write the report too, in the format of each further file's extension",
      collect,
      [],
    )
    .option("--quiet", "no progress display on standard error")
    .action(async (flags: MatchFlags) => {
      const { format, out, quiet, ...runFlags } = flags;
      const [comparisonPath, ...reportPaths] = out;
      if (comparisonPath === undefined) throw usage("is needed: give --out comparison.csv, the comparison extract to write (then evaluate --comparison reads it)");
      if (reportPaths.includes(comparisonPath)) throw usage(`${comparisonPath} is given twice; give each output file once`);
      const outputs = planOutputs(format, reportPaths).map(({ format: name, path }) => {
        // The report has no patients' rows: the per-patient table is evaluate's.
        if (name === PATIENTS_FORMAT) throw usage(`${path ?? "--format patients-csv"}: the per-patient table is written by prepost evaluate, not by match (the comparison extract is the first --out)`);
        return { format: name, path };
      });
      const [{ resolveRun }, { matchComparison }, { forPublication }, { comparisonCsv }, { writeFilesAtomic }, { checkOutputs }] = await Promise.all([
        import("../config/resolve-run.js"),
        import("../match-comparison.js"),
        import("../disclosure/suppress.js"),
        import("../extracts/write-comparison.js"),
        import("../io/atomic-write.js"),
        import("../io/output-target.js"),
      ]);
      const run = await resolveRun(matchingFlags(runFlags));
      // Every output is checked before an extract is read: none may land on an input, however spelled.
      await checkOutputs(out.map((path) => ({ path, name: path })), runInputs(run, runFlags.config, true));
      const progress = console.errIsTerminal && !quiet ? progressDisplay(console) : undefined;
      let matched: Awaited<ReturnType<typeof matchComparison>>;
      try {
        matched = await matchComparison(run, { progress: progress?.listener });
      } finally {
        progress?.done();
      }
      // The report is published as any result is (suppressed where the settings say); the extract is patient-level data for the ICB's own next step.
      const report = forPublication(matched.result);
      const renderers = await Promise.all(outputs.map(({ format: name }) => rendererFor(name)));
      const rendered = outputs.map(({ path }, i) => ({ path, content: renderers[i]!(report) }));
      const files = rendered.filter((output): output is { path: string; content: string } => output.path !== undefined);
      await writeFilesAtomic([{ path: comparisonPath, content: comparisonCsv(matched.controls) }, ...files]);
      for (const output of rendered) if (output.path === undefined) console.out(output.content);
    });
}
