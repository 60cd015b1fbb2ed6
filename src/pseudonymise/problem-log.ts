import type { DataError } from "../errors.js";

/** As `evaluate` does: the first problems in full, then only how many more there were. */
export const PROBLEMS_SHOWN = 20;

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

/** The problems found in a file's rows: every one counted, the first `PROBLEMS_SHOWN` kept whole. */
export class ProblemLog {
  readonly shown: DataError[] = [];
  /** Problems in all (a row can have more than one). */
  total = 0;
  /** Rows with at least one problem. */
  rows = 0;
  /** Rows per reason (`DataError.code`), in order of first appearance. */
  readonly rowsByCode = new Map<string, number>();
  readonly lines = new LineRanges();

  addRow(problems: readonly DataError[], line: number): void {
    if (problems.length === 0) return;
    this.rows++;
    this.lines.add(line);
    const codes = new Set<string>();
    for (const problem of problems) {
      this.total++;
      if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(problem);
      codes.add(problem.code);
    }
    for (const code of codes) this.rowsByCode.set(code, (this.rowsByCode.get(code) ?? 0) + 1);
  }
}
