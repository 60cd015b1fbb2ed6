import { formatInputError, InputError } from "../../src/errors.js";
import { POPULATION_EXTRACT, type PopulationRead, readPopulation } from "../../src/extracts/population.js";
import { ProblemLog } from "../../src/extracts/problem-log.js";
import type { ExtractSource } from "../../src/extracts/source.js";
import { fileIn, tempFolder } from "../helpers/temp-files.js";

export interface PopulationOptions {
  columns?: Record<string, string>;
  needed?: Record<string, string>;
  dateFormat?: ExtractSource["format"]["dateFormat"];
  skipInvalid?: boolean;
}

/** Reads an inline population extract as a run would: its problems thrown as the CLI prints them. */
export async function readPopulationText(text: string, options: PopulationOptions = {}): Promise<PopulationRead> {
  const path = await fileIn(await tempFolder(), "population.csv", text);
  const source: ExtractSource = {
    extract: POPULATION_EXTRACT,
    path,
    file: "population.csv",
    columns: options.columns ?? {},
    format: { dateFormat: options.dateFormat ?? "auto", delimiter: undefined, encoding: "utf-8" },
    needed: options.needed ?? {},
  };
  const log = new ProblemLog(options.skipInvalid ?? false);
  const read = await log.readingFile(() => readPopulation(source, log));
  log.throwIfAny();
  return read!;
}

/** The problems a reading stops with, as printed (`file:line: column: what is wrong (value)`). */
export async function populationProblems(text: string, options: PopulationOptions = {}): Promise<string> {
  try {
    await readPopulationText(text, options);
  } catch (error) {
    if (error instanceof InputError) return formatInputError(error);
    throw error;
  }
  throw new Error("the population extract was read without a problem");
}
