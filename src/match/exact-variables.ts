import type { Population } from "../extracts/population-table.js";
import { ageAt, ageBand, ageBandLabel, imdQuintile } from "./strata.js";

/**
 * An exact-match variable (strata.ts) for the balance: a person's category at an index year, as a
 * whole number (tallied without a string per person), and the category's name for the rows.
 */
export interface ExactVariable {
  name: "sex" | "age_band" | "imd_quintile" | "practice";
  codeOf(person: number, indexYear: number): number;
  label(code: number): string;
  /** The category changes with the index year (the age band) or not. */
  byYear: boolean;
}

/** The code of "not given" (an empty decile or practice): listed last, as `unknown`. */
export const UNKNOWN = -(2 ** 31);

const orUnknown = (label: (code: number) => string) => (code: number) => (code === UNKNOWN ? "unknown" : label(code));

/** The variables matched exactly, in the order the balance lists them. */
export function exactVariables(population: Population, exactPractice: boolean): ExactVariable[] {
  const variables: ExactVariable[] = [
    { name: "sex", byYear: false, codeOf: (person) => population.sex[person]!, label: (code) => population.sexCodes[code]! },
    { name: "age_band", byYear: true, codeOf: (person, year) => ageBand(ageAt(population.birthYear[person]!, year)), label: ageBandLabel },
  ];
  if (population.has.imdDecile) {
    variables.push({
      name: "imd_quintile",
      byYear: false,
      codeOf: (person) => (population.imdDecile[person] === 0 ? UNKNOWN : imdQuintile(population.imdDecile[person]!)),
      label: orUnknown(String),
    });
  }
  if (exactPractice) {
    variables.push({
      name: "practice",
      byYear: false,
      codeOf: (person) => (population.practice[person]! < 0 ? UNKNOWN : population.practice[person]!),
      label: orUnknown((code) => population.practiceCodes[code]!),
    });
  }
  return variables;
}

/** How many of a group fall in each category (each with a whole-number weight). */
export class CategoryTally {
  n = 0;
  readonly counts = new Map<number, number>();
  add(code: number, weight = 1): void {
    this.n += weight;
    this.counts.set(code, (this.counts.get(code) ?? 0) + weight);
  }
}

/** Categories by code (sex codes as first seen, bands by age, quintiles by number), `unknown` last. */
export function categoryOrder(a: number, b: number): number {
  if (a === UNKNOWN || b === UNKNOWN) return a === b ? 0 : a === UNKNOWN ? 1 : -1;
  return a - b;
}
