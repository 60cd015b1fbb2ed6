import { type DataError, InputError } from "../errors.js";
import type { ExtractName, SkippedRows } from "../result.js";

const PROBLEMS_SHOWN = 20;
const SKIPPED_LINES_KEPT = 5;

/**
 * The one place that decides what an invalid row does: by default every problem is kept (the first
 * 20 shown, all counted) and the run stops once the files have been read; with `--skip-invalid` the
 * row is skipped and counted per file and reason, for the output's account of every row.
 */
export class ProblemLog {
  private readonly shown: DataError[] = [];
  private total = 0;
  private readonly skipped = new Map<string, SkippedRows>();

  constructor(private readonly skipInvalid: boolean) {}

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
    const key = `${problem.file}\u0000${problem.column}\u0000${problem.message}`;
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

  /** Stops the run if any row was invalid and not skipped. */
  throwIfAny(): void {
    if (this.total > 0) throw new InputError(this.shown, this.total);
  }
}

