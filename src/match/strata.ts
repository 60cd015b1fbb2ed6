import type { Population } from "../extracts/population-table.js";

/**
 * The exact strata (matching.md, "What is matched"): sex, the five-year age band at the case's index
 * date, the IMD quintile where the extract has deprivation deciles, and the practice (or PCN) with
 * `--match-exact practice`. A person whose decile or practice is empty is matched with others whose
 * is empty: unknown is a value of its own, never a wildcard.
 *
 * The age band depends on the index date, the rest does not: a *partition* is everything but the
 * band, fixed per person, and a case's stratum is its partition's people born in the five years
 * that give its band.
 */

/** `year(t) − birth_year`. */
export function ageAt(birthYear: number, indexYear: number): number {
  return indexYear - birthYear;
}

/** 0 for 0-4, 1 for 5-9, …: the band of a whole age. */
export function ageBand(age: number): number {
  return Math.floor(age / 5);
}

export function ageBandLabel(band: number): string {
  return `${band * 5}-${band * 5 + 4}`;
}

/** The birth years whose age at `indexYear` is in the band: `[first, last]`. */
export function birthYearsOfBand(band: number, indexYear: number): [number, number] {
  return [indexYear - band * 5 - 4, indexYear - band * 5];
}

/** Deciles 1-2 are quintile 1, …, 9-10 quintile 5; 0 (not given) stays 0. */
export function imdQuintile(decile: number): number {
  return Math.ceil(decile / 2);
}

/** A person's partition: their sex, IMD quintile and (with `exactPractice`) practice, as one number. */
export function partitionOf(population: Population, person: number, exactPractice: boolean): number {
  const quintile = population.has.imdDecile ? imdQuintile(population.imdDecile[person]!) : 0;
  const practice = exactPractice ? population.practice[person]! + 1 : 0;
  return (practice * 6 + quintile) * population.sexCodes.length + population.sex[person]!;
}
