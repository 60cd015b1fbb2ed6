import type { ListedCohort } from "../config/run.js";
import type { CohortLabel } from "../core/aggregate.js";
import type { DataError } from "../errors.js";
import { isNhsNumber } from "../text/mask-identifiers.js";
import { didYouMean } from "../text/nearest.js";

/**
 * Cohort values are compared without regard to case or runs of white space (evaluation.md, the
 * config file): "Cohort  one" and "COHORT ONE" are one cohort.
 */
export function cohortKey(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

interface Unlisted {
  value: string;
  line: number;
  rows: number;
}

/**
 * The cohorts of a run and every spelling that names one. With a config list, a value names the
 * listed cohort it is, or one of its `aliases`, and the output uses the listed name; a value that
 * names none is noted, to be reported once the file is read. Without a list, the first spelling
 * seen names the cohort and later spellings merge into it.
 */
export class CohortNames {
  private readonly byKey = new Map<string, string>();
  private readonly order: CohortLabel[] = [];
  private readonly unlisted = new Map<string, Unlisted>();
  /** The first value seen that is an NHS number, and its line. */
  private nhsNumber: { value: string; line: number } | undefined;

  constructor(private readonly listed?: readonly ListedCohort[]) {
    for (const { cohort, label, aliases } of listed ?? []) {
      this.order.push({ cohort, label });
      for (const spelling of [cohort, ...aliases]) this.byKey.set(cohortKey(spelling), cohort);
    }
  }

  /** The cohort a (valid) referral row names, at `line`. */
  ofReferral(value: string, line: number): string {
    const key = cohortKey(value);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    if (!this.nhsNumber && isNhsNumber(value)) this.nhsNumber = { value, line };
    if (!this.listed) {
      this.byKey.set(key, value);
      this.order.push({ cohort: value, label: value });
      return value;
    }
    const noted = this.unlisted.get(key);
    if (noted) noted.rows++;
    else this.unlisted.set(key, { value, line, rows: 1 });
    return value;
  }

  /** The cohort a value names, if any (a comparison row's cohort must name one). */
  find(value: string): string | undefined {
    return this.byKey.get(cohortKey(value));
  }

  /** The cohorts in order: as the config lists them, else as first seen. */
  cohorts(): CohortLabel[] {
    return [...this.order];
  }

  names(): string[] {
    return this.order.map((c) => c.cohort);
  }

  /**
   * A cohort value that is an NHS number (ten digits passing the Modulus 11 check) means the cohort
   * column holds the NHS numbers: columns swapped in the export, or the mapping pointing at the wrong
   * one. Cohort names are printed in every output, so the run stops (masked, they would still make one
   * cohort per patient, a result that means nothing).
   */
  nhsNumberProblem(file: string, column: string): DataError[] {
    if (!this.nhsNumber) return [];
    return [
      {
        code: "cohort_is_nhs_number",
        file,
        line: this.nhsNumber.line,
        column,
        value: this.nhsNumber.value,
        message:
          "is an NHS number (ten digits with a valid Modulus 11 check digit), not a cohort: are the columns swapped, or does the config map the cohort to the wrong column? " +
          "Nothing was written, as cohorts are named in every output",
      },
    ];
  }

  /** One problem per value found in the data that the config does not list, at its first line. */
  unlistedProblems(file: string, column: string): DataError[] {
    const listed = this.names();
    return [...this.unlisted.values()].map(({ value, line, rows }) => ({
      code: "unlisted_cohort",
      file,
      line,
      column,
      value,
      message:
        `is not one of the cohorts the config lists (${rows} row${rows === 1 ? "" : "s"}, the first here): add it to \`cohorts\` in the config, ` +
        `or to the \`aliases\` of the cohort it is; the config lists ${listed.map((name) => JSON.stringify(name)).join(", ")}${didYouMean(value, listed)}`,
    }));
  }
}
