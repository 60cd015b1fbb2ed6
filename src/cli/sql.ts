import { Command, Option } from "commander";
import type { RunFlags } from "../config/resolve-run.js";
import { InputError } from "../errors.js";
import { DIALECTS, type DialectName } from "../warehouse/dialect.js";
import type { Console } from "./console.js";

interface SqlFlags {
  config?: string;
  dialect: DialectName;
  selftest?: boolean;
  out?: string;
}

const usage = (message: string) => new InputError([{ code: "usage", file: "prepost sql", line: 0, column: "", message }]);

/** `prepost sql --config C --dialect D [--selftest] [--out FILE]`: the evaluation as one SQL script, to run where the data lives. */
export function sqlCommand(console: Console): Command {
  return new Command("sql")
    .description("Print the evaluation as one SQL script for a warehouse (DuckDB, PostgreSQL, T-SQL for SQL Server and Synapse, Spark SQL for Databricks): it returns counts only, which prepost evaluate --warehouse-result turns into every output.")
    .option("--config <file>", "the JSON config, whose \"tables\" name each extract's table (its columns mapped as in \"columns\")")
    .addOption(new Option("--dialect <dialect>", "the warehouse's SQL").choices(DIALECTS).makeOptionMandatory())
    .option("--selftest", "instead, a script that builds the spec's tiny test extracts in temporary tables, evaluates them, and returns one row per check, PASS or FAIL (no --config needed)")
    .option("--out <file>", "write the script to FILE (whole or not at all) instead of standard output")
    .action(async (flags: SqlFlags) => {
      let script: string;
      if (flags.selftest) {
        const { selftestScript } = await import("../warehouse/selftest.js");
        script = selftestScript(flags.dialect);
      } else {
        if (flags.config === undefined) throw usage('give --config FILE (its "tables" name the warehouse\'s tables), or --selftest');
        const [{ resolveRun }, { scriptForRun }] = await Promise.all([import("../config/resolve-run.js"), import("../warehouse/script-for-run.js")]);
        const run = await resolveRun({ config: flags.config } as RunFlags, "tables");
        script = scriptForRun(run, flags.dialect, flags.config);
      }
      if (flags.out === undefined) {
        console.out(script);
        return;
      }
      const [{ writeFileAtomic }, { checkOutputs }] = await Promise.all([import("../io/atomic-write.js"), import("../io/output-target.js")]);
      // The script never lands on the config it was made from, however spelled.
      await checkOutputs([{ path: flags.out, name: flags.out }], flags.config === undefined ? [] : [{ path: flags.config, name: flags.config, what: "the config file" }]);
      await writeFileAtomic(flags.out, script);
    });
}
