import { Command, InvalidArgumentError } from "commander";
import { join } from "node:path";
import { DEFAULT_AE_SHARE, writePopulation } from "../synth/population.js";
import { DEFAULT_SEED } from "../synth/west-kent.js";
import { type WrittenFile, writeWestKent } from "../synth/west-kent-files.js";
import type { Console } from "./console.js";

const MAX_SEED = 0xffffffff;

function wholeNumber(minimum: number, maximum = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < minimum || value > maximum) {
      throw new InvalidArgumentError(`must be a whole number from ${minimum} to ${maximum}`);
    }
    return value;
  };
}

/** A fraction from 0 to 1, written as a plain decimal (`0.6`, `1`, `.25`). */
function fraction(text: string): number {
  const value = Number(text.trim());
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) || value > 1) throw new InvalidArgumentError("must be a fraction from 0 to 1 (like 0.6; 1 for A&E only)");
  return value;
}

function report(console: Console, outDir: string, written: WrittenFile[]): void {
  for (const { file, rows } of written) {
    const count = rows > 0 ? ` (${rows.toLocaleString("en-GB")} rows)` : "";
    console.out(`wrote ${join(outDir, file)}${count}\n`);
  }
}

/** `prepost synth west-kent | population`: synthetic extracts, the same bytes for the same seed. */
export function synthCommand(console: Console): Command {
  // Subcommands are configured here: the program configures only the commands it is given.
  const leaf = (name: string): Command =>
    new Command(name).configureOutput({ writeOut: console.out, writeErr: console.err }).exitOverride().showHelpAfterError("(run with --help for usage)");
  const seedOption = ["--seed <n>", `seed of the pseudo-random numbers, 0 to ${MAX_SEED}`, wholeNumber(0, MAX_SEED), DEFAULT_SEED] as const;

  const westKent = leaf("west-kent")
    .description("write the West Kent example: extracts whose evaluation gives the published report's counts exactly")
    .requiredOption("--out <dir>", "directory to write referrals.csv, ae.csv, admissions.csv, comparison.csv, evaluation.json, published.json")
    .option(...seedOption)
    .action(async (options: { out: string; seed: number }) => report(console, options.out, await writeWestKent(options.out, options.seed)));

  const population = leaf("population")
    .description("write extracts of any size for benchmarks, with the columns of real ECDS and SUS exports, streamed in bounded memory")
    .requiredOption("--patients <n>", "referred patients", wholeNumber(1))
    .requiredOption("--activity-rows <n>", "rows of ae.csv and admissions.csv together", wholeNumber(0))
    .option("--ae-share <fraction>", "share of the activity rows in ae.csv, 0 to 1 (1: A&E only, no admissions.csv; 0: no ae.csv)", fraction, DEFAULT_AE_SHARE)
    .requiredOption("--out <dir>", "directory to write referrals.csv, ae.csv, admissions.csv, evaluation.json")
    .option(...seedOption)
    .action(async (options: { out: string; patients: number; activityRows: number; aeShare: number; seed: number }) =>
      report(console, options.out, await writePopulation(options.out, options)),
    );

  return new Command("synth").description("write synthetic extracts (the West Kent example, or a population for benchmarks)").addCommand(westKent).addCommand(population);
}
