import { resolve } from "node:path";
import { Command } from "commander";
import type { Console } from "./console.js";

interface ConvertFlags {
  in: string;
  out: string;
}

/** `prepost convert --in X.csv --out X.parquet`: an extract as Parquet, read by every command as the CSV was. */
export function convertCommand(console: Console): Command {
  return new Command("convert")
    .description("Write a CSV extract as Parquet (every column as text, values trimmed), for faster evaluations of large extracts.")
    .requiredOption("--in <file>", "the CSV extract")
    .requiredOption("--out <file>", "the Parquet file to write (whole or not at all)")
    .action(async (flags: ConvertFlags) => {
      const { convertCsvToParquet } = await import("../io/csv-to-parquet.js");
      const { checkOutput } = await import("../io/output-target.js");
      await checkOutput({ path: flags.out, name: flags.out }, [{ path: flags.in, name: flags.in, what: "the CSV extract being converted" }]);
      const { rows } = await convertCsvToParquet(resolve(flags.in), flags.in, resolve(flags.out), flags.out);
      console.out(`wrote ${flags.out} (${rows.toLocaleString("en-GB")} rows)\n`);
    });
}
