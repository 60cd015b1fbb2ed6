import type { EvaluationRun, RunSettings } from "../config/run.js";
import type { DataError } from "../errors.js";
import type { ExtractReading } from "../extracts/reading-report.js";
import type { Settings } from "../config/settings.js";
import type { SqlWords } from "../io/sql-words.js";

/**
 * What an outcome is, said once (outcomes.md): which extract it counts, which of that extract's
 * columns its rule reads, what makes a row countable (in TypeScript, and its SQL twin beside it),
 * and what one countable row adds. Every layer (config, flags, engines, result, accounts,
 * suppression, costs, renderers) loops over the run's outcomes and asks them; none names one.
 */

/** One column of an activity extract, by the spec's name. */
export interface OutcomeColumn {
  name: string;
  required: boolean;
  /** How the row reader reads it: text (trimmed), a date (the outcome checks it), or a number (a cost). */
  kind: "text" | "date" | "number";
  /** The names SUS+ and HES exports give it, looked for where the column is neither found by its own name nor mapped. */
  wellKnown?: readonly string[];
  /** Compared without regard to case: the SQL twin leaves a non-ASCII value to the row reader, where JavaScript's and DuckDB's upper case could differ. */
  caseless?: boolean;
}

/** An activity extract: the config key and flag it is given by, and its event date. */
export interface ActivityExtract {
  /** The config key (`ae`), the flag (`--ae`) and the key of `columns`, `formats` and `coverage`. */
  name: string;
  /** What messages call it ("the A&E extract"). */
  what: string;
  /** The spec's name of the column whose date places a row in the windows. */
  dateColumn: string;
  /** Its SUS+ and HES export names. */
  dateWellKnown?: readonly string[];
  /** For the flag's help: the columns it is read from. */
  help: string;
  /**
   * An extract that may have a row per episode rather than per spell: without its `orderColumn`,
   * rows repeating a patient, date and `sameColumn` are counted (spell-repeats.ts) and warned of.
   */
  episodes?: { orderColumn: string; sameColumn: string };
}

/**
 * A row as a rule sees it: each column the extract reads, by its spec name, as trimmed text ("" where
 * empty or a missing-value token); undefined for an optional column the extract does not have.
 */
export type RowValues = Readonly<Record<string, string | undefined>>;

/** A row that breaks a rule across its fields (a discharge before its admission): the column and why. */
export interface RowProblem {
  column: string;
  message: string;
}

/** An outcome's countability rule under the run's settings, with its SQL twin beside it. */
export interface CountingRule {
  /** Why a valid row cannot count for anyone, or undefined where it counts (the missing-date test comes after, for every outcome). */
  notCountable(row: RowValues): string | undefined;
  /**
   * The same rule in SQL: `WHEN` conditions in the order `notCountable` tests them, each with its
   * reason, over `column(name)`, the SQL text of a column (trimmed; a missing-value token as it is
   * written, see `missingAsEmptySql`), undefined for an optional column the extract does not have,
   * in the SQL `words` say (the DuckDB engine's, or a warehouse dialect's: src/warehouse).
   */
  notCountableSql(column: (name: string) => string | undefined, words: SqlWords): { reason: string; when: string }[];
}

export interface Outcome {
  /** The id of the JSON output and of `outcomes` in the config (`ae_attendances`). */
  id: string;
  label: string;
  extract: ActivityExtract;
  /** The columns of its extract the outcome reads, beyond `patient_id` and the extract's date column. */
  columns: readonly OutcomeColumn[];
  /** Why a valid row may not count, in the order its rule tests them (the account's `notCountable` keys, with `missing_date` after). */
  reasons: readonly string[];
  /** A reason in words, for the row accounts ("attendance category not counted (4)"). */
  describe(reason: string, settings: Settings): string;
  /** The short name of `--unit-cost NAME=GBP` (the id is accepted too). */
  costName: string;
  /** What one countable row adds in its window: 1, or the nights of its spell in each window (emergency bed days). */
  adds: "one" | "nights";
  /** Reported without being listed in `outcomes` whenever its extract is given. */
  byDefault: boolean;
  /** Its fixed random stream (statistics.md): not its position among a run's outcomes, so that leaving one out moves no other interval. */
  streamIndex: number;
  rule(settings: RunSettings): CountingRule;
  /**
   * A rule across the row's fields, given the days of its date columns (a number, or undefined where
   * empty or a HES placeholder): a row that breaks it is invalid for every outcome of the extract.
   */
  checkRow?(days: Readonly<Record<string, number | undefined>>): RowProblem | undefined;
  /** `checkRow` in SQL, over `day(name)`, a date column's date (NULL where empty or a placeholder): the column it names and when the row breaks it. */
  checkRowSql?(day: (name: string) => string): { column: string; when: string };
  /**
   * The optional columns of its extract that a setting makes necessary, with the setting's name: a
   * rule with no column behind it would count every row, in silence. `listed` says which of the
   * lists the user gave (rather than left to their defaults).
   */
  neededColumns?(settings: RunSettings, listed: { excludedAttendanceCategories: boolean }): Record<string, string>;
  /** The outcome's assumptions in words (the categories not counted, say), given which columns its extract had; none if it has none to state. */
  assumption?(settings: Settings, columns: ExtractReading["columns"] | undefined): string;
  /** What the extract's header shows that the settings leave open (HES's A&E codes with no coding chosen): a problem that stops the run. */
  checkReading?(reading: ExtractReading, file: string, chosen: EvaluationRun["chosen"]): DataError | undefined;
}
