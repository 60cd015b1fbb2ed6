import { Command, InvalidArgumentError } from "commander";
import { lstat, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { outputError, unwritable } from "../io/write-failure.js";
import { FILES } from "../synth/extract-columns.js";
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

/**
 * The folder synth writes into, checked before anything is made: it is a folder (or can be made
 * one), and holds none of the files it would write, unless `--force` says they may be replaced.
 */
async function prepareFolder(outDir: string, files: readonly string[], force: boolean): Promise<void> {
  const notMade = "nothing was written";
  try {
    const info = await stat(outDir);
    if (!info.isDirectory()) {
      throw unwritable(outDir, "exists and is a file, not a folder: synth writes its extracts into a folder (give a folder's name)", "output_exists");
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw outputError(outDir, error, notMade);
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw outputError(outDir, error, notMade);
  }
  const present: string[] = [];
  for (const file of files) if (await lstat(join(outDir, file)).then(() => true, () => false)) present.push(file);
  if (present.length > 0 && !force) {
    throw unwritable(outDir, `already holds ${present.join(", ")}: synth never overwrites a file unless given --force`, "output_exists");
  }
}

interface PopulationFlags {
  out: string;
  patients: number;
  activityRows: number;
  aeShare: number;
  outpatientRows: number;
  gpRows: number;
  population?: number;
  seed: number;
  force?: boolean;
}

const forceOption = ["--force", "replace the files of the same names in the --out folder (without it, synth refuses to overwrite a file)"] as const;

/** `prepost synth west-kent | population`: synthetic extracts, the same bytes for the same seed. */
export function synthCommand(console: Console): Command {
  // Subcommands are configured here: the program configures only the commands it is given.
  const leaf = (name: string): Command =>
    new Command(name).configureOutput({ writeOut: console.out, writeErr: console.err }).exitOverride().showHelpAfterError("(run with --help for usage)");
  const seedOption = ["--seed <n>", `seed of the pseudo-random numbers, 0 to ${MAX_SEED}`, wholeNumber(0, MAX_SEED), DEFAULT_SEED] as const;

  const westKent = leaf("west-kent")
    .description("write the West Kent example: extracts whose evaluation gives the published report's counts exactly")
    .requiredOption("--out <dir>", "directory to write referrals.csv, ae.csv, admissions.csv, comparison.csv, outpatients.csv, gp-appointments.csv, population.csv, evaluation.json, published.json")
    .option(...seedOption)
    .option(...forceOption)
    .action(async (options: { out: string; seed: number; force?: boolean }) => {
      await prepareFolder(options.out, Object.values(FILES), options.force === true);
      report(console, options.out, await writeWestKent(options.out, options.seed));
    });

  const population = leaf("population")
    .description("write extracts of any size for benchmarks, with the columns of real ECDS, SUS and primary-care exports, streamed in bounded memory")
    .requiredOption("--patients <n>", "referred patients", wholeNumber(1))
    .requiredOption("--activity-rows <n>", "rows of ae.csv and admissions.csv together", wholeNumber(0))
    .option("--ae-share <fraction>", "share of the activity rows in ae.csv, 0 to 1 (1: A&E only, no admissions.csv; 0: no ae.csv)", fraction, DEFAULT_AE_SHARE)
    .option("--outpatient-rows <n>", "rows of outpatients.csv (SUS+ outpatient appointments); 0 writes none", wholeNumber(0), 0)
    .option("--gp-rows <n>", "rows of gp-appointments.csv (a primary-care extract, for a custom outcome); 0 writes none", wholeNumber(0), 0)
    .option("--population <n>", "people in population.csv (the registered population, for prepost match): the patients and the residents the activity belongs to; none without it", wholeNumber(2))
    .requiredOption("--out <dir>", "directory to write referrals.csv, ae.csv, admissions.csv, outpatients.csv, gp-appointments.csv, evaluation.json")
    .option(...seedOption)
    .option(...forceOption)
    .action(async (options: PopulationFlags) => {
      const files = [
        FILES.referrals,
        ...(options.aeShare > 0 ? [FILES.ae] : []),
        ...(options.aeShare < 1 ? [FILES.admissions] : []),
        ...(options.outpatientRows > 0 ? [FILES.outpatients] : []),
        ...(options.gpRows > 0 ? [FILES.gpAppointments] : []),
        ...(options.population !== undefined ? [FILES.population] : []),
        FILES.config,
      ];
      if (options.population !== undefined && options.population <= options.patients) {
        const message = `must be more than --patients (${options.patients}): the population holds the patients and the residents`;
        throw new InputError([{ code: "usage", file: "--population", line: 0, column: "", message }]);
      }
      await prepareFolder(options.out, files, options.force === true);
      report(console, options.out, await writePopulation(options.out, options));
    });

  return new Command("synth").description("write synthetic extracts (the West Kent example, or a population for benchmarks)").addCommand(westKent).addCommand(population);
}
