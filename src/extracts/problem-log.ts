import { type DataError, InputError } from "../errors.js";
import type { ExtractName, SkippedRows } from "../result.js";
import { isOverSkipLimit, type MaxInvalid, tooManyInvalid } from "./skip-limit.js";

const PROBLEMS_SHOWN = 20;
const SKIPPED_LINES_KEPT = 5;

/** What a log holds, as plain data: how a log kept in a worker thread comes back (`absorb`). */
export interface ProblemRecord {
  shown: DataError[];
  total: number;
  skipped: SkippedRows[];
}

const skipKey = (file: string, column: string, reason: string) => `${file}\u0000${column}\u0000${reason}`;

/**
 * Problems as every command keeps and shows them: each one counted, the first 20 kept whole, so that
 * a file of a million bad rows costs twenty messages and a number. `ProblemLog` (evaluate) and
 * `FileProblemLog` (pseudonymise) both keep theirs in one, and stop a run with it.
 */
export class ProblemList {
  readonly #shown: DataError[] = [];
  #total = 0;

  get shown(): readonly DataError[] {
    return this.#shown;
  }

  get total(): number {
    return this.#total;
  }

  add(problems: readonly DataError[]): void {
    this.absorb({ shown: problems, total: problems.length });
  }

  /** Takes in what another list showed and counted, as if its problems had come after this one's. */
  absorb(other: { shown: readonly DataError[]; total: number }): void {
    this.#total += other.total;
    for (const problem of other.shown) if (this.#shown.length < PROBLEMS_SHOWN) this.#shown.push(problem);
  }

  /**
   * Stops the run if there is any problem. Those in `first` are each shown, before the rest (they
   * say why there are so many of the rest), and counted with them.
   */
  throwIfAny(first: readonly DataError[] = []): void {
    if (this.#total + first.length === 0) return;
    const shown = [...first, ...this.#shown].slice(0, Math.max(PROBLEMS_SHOWN, first.length));
    throw new InputError(shown, this.#total + first.length);
  }
}

/**
 * The one place that decides what an invalid row does: by default every problem is kept (the first
 * 20 shown, all counted) and the run stops once the files have been read; with `--skip-invalid` the
 * row is skipped and counted per file and reason, for the output's account of every row, unless an
 * extract has more invalid rows than skipping allows (`--max-invalid`, see skip-limit.ts): then the
 * run stops all the same.
 */
export class ProblemLog {
  private readonly problems = new ProblemList();
  private readonly skipped = new Map<string, SkippedRows>();
  private readonly rowsRead = new Map<ExtractName, { file: string; rows: number }>();

  constructor(
    private readonly skipInvalid = false,
    private readonly maxInvalid: MaxInvalid = null,
  ) {}

  invalidRow(extract: ExtractName, problems: readonly DataError[]): void {
    const first = problems[0];
    if (!first) return;
    if (this.skipInvalid) {
      this.skip(extract, first);
      return;
    }
    this.problems.add(problems);
  }

  private skip(extract: ExtractName, problem: DataError): void {
    const key = skipKey(problem.file, problem.column, problem.message);
    let entry = this.skipped.get(key);
    if (!entry) {
      entry = { file: problem.file, extract, column: problem.column, reason: problem.message, rows: 0, lines: [] };
      this.skipped.set(key, entry);
    }
    entry.rows++;
    if (entry.lines.length < SKIPPED_LINES_KEPT) entry.lines.push(problem.line);
  }

  /**
   * A problem with a whole file (unreadable, a missing column, malformed CSV): it cannot be skipped,
   * but the other files are still read so that the report is complete.
   */
  async readingFile<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.problems.add(error.problems);
      return undefined;
    }
  }

  /** Rows skipped in one extract. */
  skippedIn(extract: ExtractName): number {
    let rows = 0;
    for (const entry of this.skipped.values()) if (entry.extract === extract) rows += entry.rows;
    return rows;
  }

  skippedRows(): SkippedRows[] {
    return [...this.skipped.values()];
  }

  record(): ProblemRecord {
    return { shown: [...this.problems.shown], total: this.problems.total, skipped: this.skippedRows() };
  }

  /**
   * Takes in what another log found after everything this one holds, ending exactly as if this log
   * had seen those problems itself: the same problems shown, the same counts and lines kept.
   */
  absorb(other: ProblemRecord): void {
    this.problems.absorb(other);
    for (const entry of other.skipped) {
      const key = skipKey(entry.file, entry.column, entry.reason);
      const mine = this.skipped.get(key);
      if (!mine) {
        this.skipped.set(key, { ...entry, lines: [...entry.lines] });
        continue;
      }
      mine.rows += entry.rows;
      for (const line of entry.lines) if (mine.lines.length < SKIPPED_LINES_KEPT) mine.lines.push(line);
    }
  }

  /** An extract has been read whole: its rows read, for the limit on skipping. */
  extractRead(extract: ExtractName, file: string, rows: number): void {
    this.rowsRead.set(extract, { file, rows });
  }

  /** Extracts with more invalid rows than skipping allows: one problem each, saying what to check. */
  private overSkipLimit(): DataError[] {
    if (!this.skipInvalid) return [];
    const problems: DataError[] = [];
    for (const [extract, { file, rows }] of this.rowsRead) {
      const skipped = this.skippedRows().filter((entry) => entry.extract === extract);
      const invalid = skipped.reduce((sum, entry) => sum + entry.rows, 0);
      if (invalid > 0 && isOverSkipLimit(invalid, rows, this.maxInvalid)) problems.push(tooManyInvalid(extract, file, rows, skipped, this.maxInvalid));
    }
    return problems;
  }

  /** Stops the run if any row was invalid and not skipped, or an extract had too many to skip. */
  throwIfAny(): void {
    this.problems.throwIfAny(this.overSkipLimit());
  }
}


/**
 * Line numbers as ranges ("4, 9-12"): consecutive lines share one range, so memory grows with the
 * number of separate runs of bad rows, not with the length of the file.
 */
export class LineRanges {
  readonly #ranges: [number, number][] = [];

  add(line: number): void {
    const last = this.#ranges.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else this.#ranges.push([line, line]);
  }

  toString(): string {
    return this.#ranges.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`)).join(", ");
  }
}

/**
 * The invalid rows of the one file a command reads (`prepost pseudonymise`). Its problems are kept
 * and shown as evaluate's are, whether the rows are dropped or stop the run, since a dropped row is
 * still worth a look; and the rows are counted per reason (`DataError.code`) with their lines, for
 * the line that says what was left out. Unlike evaluate, which reads every file before it stops, a
 * stopped run here writes no row after the first invalid one but reads on to find every problem.
 */
export class FileProblemLog {
  private readonly problems = new ProblemList();
  #rows = 0;
  /** Rows per reason, in order of first appearance. */
  readonly rowsByCode = new Map<string, number>();
  readonly lines = new LineRanges();

  constructor(private readonly dropInvalid: boolean) {}

  get shown(): readonly DataError[] {
    return this.problems.shown;
  }

  /** Problems in all (a row can have more than one). */
  get total(): number {
    return this.problems.total;
  }

  /** Rows with at least one problem. */
  get rows(): number {
    return this.#rows;
  }

  invalidRow(problems: readonly DataError[], line: number): void {
    if (problems.length === 0) return;
    this.#rows++;
    this.lines.add(line);
    this.problems.add(problems);
    for (const code of new Set(problems.map((problem) => problem.code))) this.rowsByCode.set(code, (this.rowsByCode.get(code) ?? 0) + 1);
  }

  /** True once a row was invalid and the run is to stop: no later row may be written. */
  get stopping(): boolean {
    return !this.dropInvalid && this.#rows > 0;
  }

  /** Stops the run if any row was invalid, unless such rows are dropped. */
  throwIfAny(): void {
    if (!this.dropInvalid) this.problems.throwIfAny();
  }
}
