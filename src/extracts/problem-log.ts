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
 * The one place that decides what an invalid row does: by default every problem is kept (the first
 * 20 shown, all counted) and the run stops once the files have been read; with `--skip-invalid` the
 * row is skipped and counted per file and reason, for the output's account of every row, unless an
 * extract has more invalid rows than skipping allows (`--max-invalid`, see skip-limit.ts): then the
 * run stops all the same.
 */
export class ProblemLog {
  private readonly shown: DataError[] = [];
  private total = 0;
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
    for (const problem of problems) {
      this.total++;
      if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(problem);
    }
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
      for (const problem of error.problems) {
        this.total++;
        if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(problem);
      }
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
    return { shown: [...this.shown], total: this.total, skipped: this.skippedRows() };
  }

  /**
   * Takes in what another log found after everything this one holds, ending exactly as if this log
   * had seen those problems itself: the same problems shown, the same counts and lines kept.
   */
  absorb(other: ProblemRecord): void {
    this.total += other.total;
    for (const problem of other.shown) if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(problem);
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
    const overLimit = this.overSkipLimit();
    if (this.total + overLimit.length === 0) return;
    // The limit's problems come first: they say why there are so many of the rest.
    const shown = [...overLimit, ...this.shown].slice(0, Math.max(PROBLEMS_SHOWN, overLimit.length));
    throw new InputError(shown, this.total + overLimit.length);
  }
}

