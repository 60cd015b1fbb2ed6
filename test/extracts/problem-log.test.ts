import { describe, expect, it } from "vitest";
import type { DataError } from "../../src/errors.js";
import { ProblemLog } from "../../src/extracts/problem-log.js";

const problem = (file: string, line: number, column = "arrival_date", message = "is not a date"): DataError => ({
  code: "invalid_value",
  file,
  line,
  column,
  message,
});

/** Feeds problems to a log, one invalid row each, as the row readers do. */
function sees(log: ProblemLog, extract: "ae" | "admissions", problems: DataError[]): ProblemLog {
  for (const p of problems) log.invalidRow(extract, [p]);
  return log;
}

const aeProblems = Array.from({ length: 15 }, (_, i) => problem("ae.csv", i + 2));
const admissionProblems = Array.from({ length: 10 }, (_, i) => problem("apc.csv", i + 2, "admission_date"));

/** A log kept in a worker thread comes back as a record; absorbing it must change nothing that is reported. */
describe("problem log: absorbing another log's record ends as if it had seen those problems itself", () => {
  it("keeps the first 20 problems across both logs, and counts them all", () => {
    const direct = sees(sees(new ProblemLog(false), "ae", aeProblems), "admissions", admissionProblems);
    const merged = sees(new ProblemLog(false), "ae", aeProblems);
    merged.absorb(sees(new ProblemLog(false), "admissions", admissionProblems).record());
    expect(merged.record()).toEqual(direct.record());
    expect(merged.record().shown).toHaveLength(20);
    expect(merged.record().total).toBe(25);
    expect(() => merged.throwIfAny()).toThrow();
  });

  it("under --skip-invalid, adds to an entry of the same file, column and reason, keeping its first five lines", () => {
    // The same file given as both extracts: its skipped rows share entries, as when read in one thread.
    const first = [problem("both.csv", 2), problem("both.csv", 3), problem("both.csv", 4, "patient_id", "is empty")];
    const second = [problem("both.csv", 5), problem("both.csv", 6), problem("both.csv", 7), problem("both.csv", 8)];
    const direct = sees(sees(new ProblemLog(true), "ae", first), "admissions", second);
    const merged = sees(new ProblemLog(true), "ae", first);
    merged.absorb(sees(new ProblemLog(true), "admissions", second).record());
    expect(merged.skippedRows()).toEqual(direct.skippedRows());
    expect(merged.skippedRows()[0]).toMatchObject({ extract: "ae", rows: 6, lines: [2, 3, 5, 6, 7] });
    expect(merged.skippedIn("ae")).toBe(7);
    expect(() => merged.throwIfAny()).not.toThrow();
  });
});
