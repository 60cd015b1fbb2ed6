import { describe, expect, it } from "vitest";
import { inspectFile } from "../../src/inspect/inspect-file.js";
import type { ColumnReport, FileReport, InspectedFile } from "../../src/inspect/report.js";
import { csv, workspace } from "../helpers.js";

async function inspect(name: string, content: string | Uint8Array): Promise<FileReport> {
  const ws = await workspace({ [name]: content });
  return inspectFile(ws.path(name), name);
}

async function inspected(name: string, content: string | Uint8Array): Promise<InspectedFile> {
  const report = await inspect(name, content);
  if (!report.readable) throw new Error(`not readable: ${report.problem.message}`);
  return report;
}

const column = (report: InspectedFile, name: string): ColumnReport => report.columns.find((c) => c.name === name)!;
const noMissing = { empty: 0, NULL: 0, NA: 0, "N/A": 0 };

describe("a SUS+ A&E export, with a byte-order mark and CRLF line ends", () => {
  const text =
    "\uFEFFDer_Pseudo_NHS_Number,Arrival_Date,EC_AttendanceCategory\r\n" +
    "a1f3,2021-03-04 10:22:00.000,1\r\n" +
    "b2e4,2021-03-09,1\r\n" +
    "a1f3,2021-05-06,4\r\n" +
    "NULL,2021-05-07,1\r\n" +
    "c3d5,2021-06-30,2\r\n" +
    "a1f3,2021-07-01,1\r\n";

  it("says how the text is written and how many rows it has", async () => {
    const report = await inspected("ae.csv", text);
    expect(report.text).toEqual({ container: "csv", encoding: "utf-8", bom: true, notUtf8Line: null, delimiter: ",", delimiterFromHeader: false, lineEnds: "CRLF" });
    expect(report.rows).toBe(6);
    expect(report.header).toEqual({ line: 1, names: ["Der_Pseudo_NHS_Number", "Arrival_Date", "EC_AttendanceCategory"] });
  });

  it("says that the row of a NULL patient will be an invalid row", async () => {
    const report = await inspected("ae.csv", text);
    expect(report.problems.filter((problem) => problem.code === "missing_required_value")).toEqual([
      expect.objectContaining({ column: "Der_Pseudo_NHS_Number", count: 1, message: expect.stringContaining("1 row with no patient_id (1 NULL)") }),
    ]);
  });

  it("counts the identifier's values but lists none of them", async () => {
    const id = column(await inspected("ae.csv", text), "Der_Pseudo_NHS_Number");
    expect(id).toEqual({ name: "Der_Pseudo_NHS_Number", position: 1, kind: "identifier", filled: 5, missing: { ...noMissing, NULL: 1 }, distinct: 3, nhsNumberLike: 0 });
  });

  it("gives the date column's format and its months, not its days", async () => {
    const date = column(await inspected("ae.csv", text), "Arrival_Date");
    expect(date.kind).toBe("date");
    expect(date.date).toEqual({ format: "iso", iso: 6, dmy: 0, withTime: 1, earliestMonth: "2021-03", latestMonth: "2021-07", hesMissing: 0, notFitting: 0 });
  });

  it("lists the category codes with their rows, most frequent first", async () => {
    const category = column(await inspected("ae.csv", text), "EC_AttendanceCategory");
    expect(category.kind).toBe("code");
    expect(category.values).toEqual([{ value: "1", rows: 4 }, { value: "2", rows: 1 }, { value: "4", rows: 1 }]);
    expect(category.wholeNumbers).toEqual({ min: 1, max: 4 });
  });

  it("looks like an A&E extract, its columns found by name or by their SUS+ names", async () => {
    const report = await inspected("ae.csv", text);
    expect(report.extract).toEqual({
      looksLike: "ae",
      complete: true,
      columns: [
        { column: "patient_id", required: true, header: "Der_Pseudo_NHS_Number", by: "well_known" },
        { column: "arrival_date", required: true, header: "Arrival_Date", by: "default" },
        { column: "attendance_category", required: false, header: "EC_AttendanceCategory", by: "well_known" },
      ],
    });
    expect(report.rules.map((rule) => [rule.rule, rule.possible])).toEqual([["excludedAttendanceCategories", true]]);
    // The NULL patient's row is the one problem: a run counts it as invalid.
    expect(report.problems.map((problem) => [problem.code, problem.column, problem.count])).toEqual([["missing_required_value", "Der_Pseudo_NHS_Number", 1]]);
  });

  it("never holds an identifier value or a day of anyone's attendance", async () => {
    const json = JSON.stringify(await inspected("ae.csv", text));
    for (const value of ["a1f3", "b2e4", "c3d5", "2021-03-04", "2021-07-01", "10:22"]) expect(json).not.toContain(value);
  });
});

describe("a semicolon-delimited referrals file", () => {
  const text = csv`
    patient_id;cohort;intervention_date;consent;onward_referrals
    p-01;COHORT 1;2021-01-04;yes;1
    p-02;COHORT 1;2021-02-11;no;0
    p-03;COHORT 2;2021-02-15;yes;2
    p-04;COHORT 2;2021-03-01;yes;
  `;

  it("is read with the header's delimiter, and says so", async () => {
    const report = await inspected("referrals.csv", text);
    expect(report.text.delimiter).toBe(";");
    expect(report.text.delimiterFromHeader).toBe(true);
    expect(report.text.lineEnds).toBe("LF");
    expect(report.header.names).toEqual(["patient_id", "cohort", "intervention_date", "consent", "onward_referrals"]);
    expect(report.rows).toBe(4);
  });

  it("lists the cohorts and consent answers, and the range of onward referrals", async () => {
    const report = await inspected("referrals.csv", text);
    expect(column(report, "cohort").values).toEqual([{ value: "COHORT 1", rows: 2 }, { value: "COHORT 2", rows: 2 }]);
    expect(column(report, "consent").values).toEqual([{ value: "yes", rows: 3 }, { value: "no", rows: 1 }]);
    const onward = column(report, "onward_referrals");
    expect(onward.kind).toBe("number");
    expect(onward.wholeNumbers).toEqual({ min: 0, max: 2 });
    expect(onward.missing).toEqual({ ...noMissing, empty: 1 });
  });

  it("says which rules its columns allow: consent and onward referrals, not age", async () => {
    const report = await inspected("referrals.csv", text);
    expect(report.extract.looksLike).toBe("referrals");
    expect(report.rules.map((rule) => [rule.rule, rule.possible])).toEqual([
      ["requireConsent", true],
      ["minOnwardReferrals", true],
      ["minAge", false],
    ]);
  });
});

describe("a provider's file with D/M/YYYY dates", () => {
  const text = csv`
    patient_id,cohort,intervention_date,age
    P1,Carers,04/01/2021,67
    P2,Carers,4/2/2021,45
    P3,Frailty,13/02/2021 09:30,81
    P4,Frailty,02/14/2021,70
  `;

  it("reads the format, the time of day, and a US month/day order on line 5", async () => {
    const report = await inspected("provider.csv", text);
    expect(column(report, "intervention_date").date).toEqual({
      format: "dmy", iso: 0, dmy: 4, withTime: 1, earliestMonth: "2021-01", latestMonth: "2021-02", hesMissing: 0, notFitting: 1,
    });
    expect(report.problems).toEqual([
      { code: "us_date_order", line: 5, column: "intervention_date", count: 1, message: "1 value with a second part over 12: a US month/day order? dates are read D/M/YYYY" },
    ]);
  });

  it("gives age as a range of whole numbers", async () => {
    const age = column(await inspected("provider.csv", text), "age");
    expect(age.kind).toBe("number");
    expect(age.wholeNumbers).toEqual({ min: 45, max: 81 });
    expect(age.values).toBeUndefined();
  });
});

describe("a date column mixing formats", () => {
  it("reports the other format and the day that does not exist, each at its first line", async () => {
    const report = await inspected("mixed.csv", "patient_id,cohort,intervention_date\na,X,2021-01-05\nb,X,5/1/2021\nc,X,2021-02-30\n");
    expect(column(report, "intervention_date").date?.format).toBe("mixed");
    expect(report.problems.map((p) => [p.code, p.line, p.count])).toEqual([
      ["mixed_date_formats", 3, 1],
      ["invalid_date", 4, 1],
    ]);
  });
});

describe("files that are not CSV text, or not UTF-8", () => {
  it("says an .xlsx is a workbook and how to save it as CSV", async () => {
    const report = await inspect("book.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(report.readable).toBe(false);
    if (report.readable) return;
    expect(report.problem.code).toBe("not_text");
    expect(report.problem.message).toMatch(/^is an Excel workbook \(\.xlsx\).*save it as CSV/);
  });

  it("reads a Windows-1252 file as such, naming the first line that is not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from("patient_id,cohort,intervention_date\nq1,"),
      Buffer.from([0x43, 0x61, 0x66, 0xe9]), // "Café" in Windows-1252
      Buffer.from(" club,2021-01-04\nq2,"),
      Buffer.from([0x43, 0x61, 0x66, 0xe9]),
      Buffer.from(" club,2021-01-05\nq3,Walking,2021-01-06\n"),
    ]);
    const report = await inspected("cafe.csv", bytes);
    expect(report.text.encoding).toBe("windows-1252");
    expect(report.text.notUtf8Line).toBe(2);
    expect(column(report, "cohort").values).toEqual([{ value: "Café club", rows: 2 }, { value: "Walking", rows: 1 }]);
    expect(report.problems.map((p) => [p.code, p.line])).toEqual([["not_utf8", 2]]);
  });
});

describe("a HES admissions extract with NULLs and placeholders", () => {
  const text = csv`
    PSEUDO_HESID,ADMIDATE,ADMIMETH,EPIORDER
    h1,2021-01-01,21,1
    h1,2021-01-01,21,2
    h2,NULL,NA,1
    h3,1800-01-01,N/A,01
    null,2021-02-01,,1
  `;

  it("counts each way of writing a missing value", async () => {
    const report = await inspected("apc.csv", text);
    expect(column(report, "PSEUDO_HESID").missing).toEqual({ ...noMissing, NULL: 1 });
    expect(column(report, "ADMIDATE").missing).toEqual({ ...noMissing, NULL: 1 });
    expect(column(report, "ADMIMETH").missing).toEqual({ empty: 1, NULL: 0, NA: 1, "N/A": 1 });
    expect(column(report, "ADMIMETH").values).toEqual([{ value: "21", rows: 2 }]);
  });

  it("takes HES's 1800-01-01 as a missing date, not as the earliest", async () => {
    const date = column(await inspected("apc.csv", text), "ADMIDATE").date!;
    expect(date.hesMissing).toBe(1);
    expect([date.earliestMonth, date.latestMonth]).toEqual(["2021-01", "2021-02"]);
  });

  it("finds every column by its HES name, episode order included", async () => {
    const report = await inspected("apc.csv", text);
    expect(report.extract.columns.map((c) => [c.column, c.header, c.by])).toEqual([
      ["patient_id", "PSEUDO_HESID", "well_known"],
      ["admission_date", "ADMIDATE", "well_known"],
      ["admission_method", "ADMIMETH", "well_known"],
      ["episode_order", "EPIORDER", "well_known"],
      // The columns emergency bed days read, which this extract does not have.
      ["discharge_date", null, null],
      ["spell_id", null, null],
    ]);
    expect(report.rules).toEqual([{ rule: "episodes", possible: true, note: "episode-level rows: only first episodes (EPIORDER = 1) count" }]);
    // A NULL patient and a NULL admission date make invalid rows; a NULL method is only not an emergency.
    expect(report.problems.map((problem) => [problem.code, problem.column, problem.count])).toEqual([
      ["missing_required_value", "PSEUDO_HESID", 1],
      ["missing_required_value", "ADMIDATE", 1],
    ]);
  });
});

describe("problems visible in the header and the rows", () => {
  it("reports a column named twice (without regard to case) and a row of another length", async () => {
    const report = await inspected("dup.csv", "patient_id,arrival_date,Arrival_Date,note\nz1,2021-01-01,2021-01-02,x\nz2,2021-01-03\n");
    expect(report.problems).toEqual([
      { code: "duplicate_column", line: 1, column: "arrival_date", count: 1, message: "appears 2 times in the header (columns 2, 3): a run that reads it stops" },
      { code: "ragged_rows", line: 3, column: "", count: 1, message: "1 row has another number of fields than the header's 4 (a delimiter inside an unquoted field, or the wrong delimiter?)" },
    ]);
  });

  it("warns of an admissions extract without episode_order whose rows repeat", async () => {
    const report = await inspected("apc.csv", "patient_id,admission_date,admission_method\nx1,2021-04-01,21\nx1,2021-04-01,21\nx2,2021-06-01,11\n");
    expect(report.problems.map((p) => [p.code, p.count])).toEqual([["episode_level", 1]]);
    expect(report.rules[0]).toMatchObject({ rule: "episodes", possible: false });
  });

  it("names a missing required column, with the nearest header names", async () => {
    const report = await inspected("ae.csv", "patient_id,arrival,attendance_category\nx,2021-01-01,1\n");
    expect(report.extract.looksLike).toBe("ae");
    expect(report.extract.complete).toBe(false);
    const problem = report.problems.find((p) => p.code === "missing_column")!;
    expect(problem.column).toBe("arrival_date");
    expect(problem.message).toContain("the nearest header names: arrival");
  });

  it("flags values that look like NHS numbers, and keeps them out of the report", async () => {
    const report = await inspected("raw.csv", "ref,cohort,intervention_date\n5550001234,A,2021-01-01\n555 000 1235,A,2021-01-02\n");
    expect(column(report, "ref")).toMatchObject({ kind: "identifier", nhsNumberLike: 2 });
    expect(report.problems.map((p) => [p.code, p.column, p.count])).toContainEqual(["nhs_number_like", "ref", 2]);
    expect(JSON.stringify(report)).not.toMatch(/555.?000.?123/);
  });
});

describe("columns found as a run finds them", () => {
  it("two export names that could each be the patient: neither is taken, as evaluate takes neither", async () => {
    const report = await inspected("ae.csv", "PSEUDO_HESID,TOKEN_PERSON_ID,ARRIVALDATE\nh1,t1,2021-01-01\n");
    expect(report.extract.columns.find((column) => column.column === "patient_id")).toMatchObject({ header: null, by: null });
  });
});
