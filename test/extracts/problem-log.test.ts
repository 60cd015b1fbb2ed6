import { describe, expect, it } from "vitest";
import { type DataError, InputError } from "../../src/errors.js";
import { FileProblemLog, ProblemList, ProblemLog } from "../../src/extracts/problem-log.js";

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

/** What a stopped run threw, or undefined if it went on. */
function thrownBy(stop: () => void): InputError | undefined {
  try {
    stop();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  return undefined;
}

describe("problem list: the first 20 problems shown, every one counted", () => {
  it("stops with the first 20 and the count of all 25", () => {
    const list = new ProblemList();
    list.add(aeProblems);
    list.add(admissionProblems);
    const error = thrownBy(() => list.throwIfAny());
    expect(error?.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      ...aeProblems.map((p) => `ae.csv:${p.line}`),
      "apc.csv:2",
      "apc.csv:3",
      "apc.csv:4",
      "apc.csv:5",
      "apc.csv:6",
    ]);
    expect(error?.total).toBe(25);
  });

  it("shows every problem given first, before the rest, even past 20, and counts them", () => {
    const list = new ProblemList();
    list.add([problem("ae.csv", 2)]);
    const first = Array.from({ length: 21 }, (_, i) => problem("limit.csv", i + 1));
    const error = thrownBy(() => list.throwIfAny(first));
    expect(error?.problems).toEqual(first);
    expect(error?.total).toBe(22);
  });

  it("lets the run go on when there is no problem", () => {
    expect(thrownBy(() => new ProblemList().throwIfAny())).toBeUndefined();
  });
});

describe("file problem log (pseudonymise --on-invalid)", () => {
  const nhs = (line: number, code: string): DataError => ({ code, file: "extract.csv", line, column: "nhs_number", message: code });

  /** Lines 2, 4 and 5 invalid; line 5 twice over the same reason and once over a date. */
  function logOf(dropInvalid: boolean): FileProblemLog {
    const log = new FileProblemLog(dropInvalid);
    log.invalidRow([nhs(2, "nhs_number_length")], 2);
    log.invalidRow([], 3);
    log.invalidRow([nhs(4, "nhs_number_check_digit")], 4);
    log.invalidRow([nhs(5, "nhs_number_length"), nhs(5, "nhs_number_length"), nhs(5, "invalid_date")], 5);
    return log;
  }

  it("counts rows, problems, rows per reason and lines as ranges", () => {
    const log = logOf(true);
    expect(log.rows).toBe(3);
    expect(log.total).toBe(5);
    expect([...log.rowsByCode]).toEqual([
      ["nhs_number_length", 2],
      ["nhs_number_check_digit", 1],
      ["invalid_date", 1],
    ]);
    expect(log.lines.toString()).toBe("2, 4-5");
  });

  it("drop: the rows are left out and the run goes on", () => {
    const log = logOf(true);
    expect(log.stopping).toBe(false);
    expect(thrownBy(() => log.throwIfAny())).toBeUndefined();
  });

  it("stop: nothing is written after the first invalid row, and the run stops with every problem", () => {
    const log = new FileProblemLog(false);
    log.invalidRow([], 2);
    expect(log.stopping).toBe(false);
    log.invalidRow([nhs(3, "nhs_number_length")], 3);
    expect(log.stopping).toBe(true);
    log.invalidRow([nhs(4, "invalid_date"), nhs(4, "nhs_number_length")], 4);
    const error = thrownBy(() => log.throwIfAny());
    expect(error?.problems.map((p) => `${p.line} ${p.code}`)).toEqual(["3 nhs_number_length", "4 invalid_date", "4 nhs_number_length"]);
    expect(error?.total).toBe(3);
  });
});
