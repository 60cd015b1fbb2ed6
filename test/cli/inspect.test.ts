import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { csv, runCli, workspace, runBuiltCli } from "../helpers.js";

const prepost = runBuiltCli;


/** A provider's referrals (semicolons, D/M/YYYY) and SUS+-named ICB extracts (the A&E one with a BOM and CRLF). */
const EXTRACTS = {
  "referrals.csv": csv`
    patient_id;cohort;intervention_date;consent
    p1;COHORT 1;01/03/2021;yes
    p2;COHORT 1;15/03/2021;yes
    p3;COHORT 2;01/04/2021;no
  `,
  "ae.csv":
    "\uFEFFDer_Pseudo_NHS_Number,Arrival_Date,EC_AttendanceCategory\r\n" +
    "zz,2020-01-01,1\r\n" +
    "p1,2021-01-10 08:00:00.000,1\r\n" +
    "p1,2021-02-01,4\r\n" +
    "p1,2021-05-01,1\r\n" +
    "p2,2021-03-20,1\r\n" +
    "p3,2021-02-01,1\r\n" +
    "zz,2021-12-31,1\r\n",
  "admissions.csv": csv`
    Der_Pseudo_NHS_Number,Admission_Date,Admission_Method
    zz,2020-01-01,21
    p1,2021-06-01,21
    p2,2021-01-01,11
    p3,2021-03-01,22
    zz,2021-12-31,21
  `,
};

describe("prepost inspect", () => {
  it("prints what each file holds, and no identifier or event date", async () => {
    const ws = await workspace(EXTRACTS);
    const run = await runCli(["inspect", ws.path("referrals.csv"), ws.path("ae.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("looks like a referrals extract");
    expect(run.stdout).toContain("semicolon-delimited (as the header shows), LF line ends");
    expect(run.stdout).toContain("UTF-8 with a byte-order mark, comma-delimited, CRLF line ends");
    expect(run.stdout).toMatch(/intervention_date\s+date D\/M\/YYYY, 2021-03 to 2021-04/);
    expect(run.stdout).toMatch(/patient_id\s+Der_Pseudo_NHS_Number \(a well-known export name\)/);
    expect(run.stdout).toContain('"COHORT 1" 2, "COHORT 2" 1');
    expect(run.stdout).toContain("--min-age is not possible: no age column");
    for (const value of ["p1", "p2", "p3", "zz", "2021-01-10", "01/03/2021", "2021-12-31"]) expect(run.stdout).not.toContain(value);
  });

  it("gives the same findings as JSON for scripts", async () => {
    const ws = await workspace(EXTRACTS);
    const run = await runCli(["inspect", ws.path("admissions.csv"), "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.tool.name).toBe("prepost");
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ readable: true, rows: 5, extract: { looksLike: "admissions", complete: true } });
    expect(report.files[0].columns.map((c: { kind: string }) => c.kind)).toEqual(["identifier", "date", "code"]);
  });

  it("reports a workbook as bad input, exit 2, after inspecting the other files", async () => {
    const ws = await workspace({ ...EXTRACTS, "book.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
    const run = await runCli(["inspect", ws.path("book.xlsx"), ws.path("ae.csv")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("looks like an A&E attendances extract");
    expect(run.stderr).toMatch(/^prepost: .*book\.xlsx: is an Excel workbook \(\.xlsx\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a missing file as bad input", async () => {
    const ws = await workspace({});
    const run = await runCli(["inspect", ws.path("nope.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope.csv: cannot read: no such file");
  });
});

describe("prepost inspect --write-config", () => {
  it("refuses to overwrite a file, exit 2, leaving it as it was", async () => {
    const ws = await workspace({ ...EXTRACTS, "evaluation.json": "{}" });
    const run = await runCli(["inspect", ws.path("ae.csv"), "--write-config", ws.path("evaluation.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("evaluation.json: exists: prepost never overwrites it");
    expect(await ws.read("evaluation.json")).toBe("{}");
  });

  it("refuses to write onto an inspected file", async () => {
    const ws = await workspace(EXTRACTS);
    const run = await runCli(["inspect", ws.path("ae.csv"), "--write-config", ws.path("ae.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is one of the inspected files");
    expect(await ws.read("ae.csv")).toBe(EXTRACTS["ae.csv"]);
  });

  it("writes no config when a file could not be inspected", async () => {
    const ws = await workspace({ ...EXTRACTS, "book.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04]) });
    const run = await runCli(["inspect", ws.path("ae.csv"), ws.path("book.xlsx"), "--write-config", ws.path("evaluation.json")]);
    expect(run.code).toBe(2);
    await expect(readFile(ws.path("evaluation.json"))).rejects.toThrow();
  });

  it("writes a config that prepost evaluate runs, end to end", async () => {
    const ws = await workspace(EXTRACTS);
    const inspect = await prepost(["inspect", "referrals.csv", "ae.csv", "admissions.csv", "--write-config", "evaluation.json"], ws.dir);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain("wrote evaluation.json, a starting config");
    expect(JSON.parse(await ws.read("evaluation.json"))).toEqual({
      referrals: "referrals.csv",
      ae: "ae.csv",
      admissions: "admissions.csv",
      columns: {
        ae: { patient_id: "Der_Pseudo_NHS_Number", attendance_category: "EC_AttendanceCategory" },
        admissions: { patient_id: "Der_Pseudo_NHS_Number" },
      },
      formats: { referrals: { dateFormat: "dmy", delimiter: ";" } },
    });
    const run = await prepost(["evaluate", "--config", "evaluation.json", "--format", "json", "--bootstrap", "0"], ws.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const figures = (id: string) => result.outcomes.find((o: { outcome: string }) => o.outcome === id);
    // A&E: p1 before (10 Jan; the category-4 row of 1 Feb is a planned follow-up) and after (1 May),
    // p2 after (20 Mar), p3 before (1 Feb). Admissions: p1 after (21), p3 before (22); p2's is elective.
    expect(figures("ae_attendances").total).toMatchObject({ patients: 3, pre: 2, post: 2 });
    expect(figures("ae_attendances").cohorts.map((c: { pre: number; post: number }) => [c.pre, c.post])).toEqual([[1, 2], [1, 0]]);
    expect(figures("unplanned_admissions").total).toMatchObject({ patients: 3, pre: 1, post: 1 });
  });
});

describe("prepost inspect --help", () => {
  it("lists its flags", async () => {
    const ws = await workspace({});
    const help = await prepost(["inspect", "--help"], ws.dir);
    expect(help.code).toBe(0);
    for (const flag of ["--format", "--write-config"]) expect(help.stdout).toContain(flag);
  });
});

describe("inspect never prints a control character or a bidi override as it is", () => {
  it("shows them as their codes", async () => {
    const ws = await workspace({ "ae.csv": "patient_id,arrival_date,\u202Eetis\u001b[31m\np1,2021-05-01,x\n" });
    const run = await runCli(["inspect", ws.path("ae.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u202E\u001b]/);
    expect(run.stdout).toContain("\\u202Eetis\\u001B[31m");
  });
});
