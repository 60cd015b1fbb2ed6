import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type CliRun, runCli, workspace } from "../helpers.js";

/**
 * evaluation.md, "Real exports, read as they come" and "Every column a run relies on must be there":
 * each case is run through the CLI on both engines, which must agree to the byte (but for the engine
 * named in the settings), and either give the figures counted here by hand, or stop with exit 2 and
 * a message that names the problem.
 */

interface Engines {
  stream: CliRun;
  duckdb: CliRun;
  /** The stream engine's JSON, once both engines are seen to agree. */
  json(): Record<string, any>;
}

/** The output but for the engine it names (the JSON's settings.engine, the table's Engine line). */
const withoutEngine = (stdout: string) => stdout.replace(/"engine": "\w+"/, "").replace(/^Engine .*$/m, "");

/** Writes the files and a config naming them (plus `config`), and evaluates on both engines. */
async function evaluateBoth(files: Record<string, string | Uint8Array>, config: Record<string, unknown> = {}, flags: string[] = []): Promise<Engines> {
  const extracts = Object.fromEntries(Object.keys(files).map((name) => [name.replace(/\.(csv(\.gz)?|parquet)$/, ""), name]));
  const ws = await workspace({ ...files, "evaluation.json": JSON.stringify({ dataStart: "2020-01-01", dataEnd: "2022-12-31", bootstrap: 0, ...extracts, ...config }) });
  const args = ["evaluate", "--config", ws.path("evaluation.json"), "--format", "json", ...flags];
  const stream = await runCli([...args, "--engine", "stream"]);
  const duckdb = await runCli([...args, "--engine", "duckdb"]);
  expect({ ...duckdb, stdout: withoutEngine(duckdb.stdout) }).toEqual({ ...stream, stdout: withoutEngine(stream.stdout) });
  return {
    stream,
    duckdb,
    json: () => {
      expect(stream.stderr).toBe("");
      expect(stream.code).toBe(0);
      return JSON.parse(stream.stdout);
    },
  };
}

/** The run stopped: exit 2, nothing on standard output, and the message (on both engines alike). */
function refusal(run: Engines): string {
  expect(run.stream.code).toBe(2);
  expect(run.stream.stdout).toBe("");
  return run.stream.stderr;
}

const row = (result: Record<string, any>, outcome: string, cohort = "A") =>
  result.outcomes.find((o: any) => o.outcome === outcome).cohorts.find((c: any) => c.cohort === cohort);

const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,A,2021-06-20\n";
// p1: pre 2021-05-01, 2021-05-02; post 2021-07-01. p2: post 2021-07-10.
const ae = "patient_id,arrival_date\np1,2021-05-01\np1,2021-05-02\np1,2021-07-01\np2,2021-07-10\n";

describe("missing-value tokens: NULL, NA, N/A are missing in every column", () => {
  it("an A&E row for NULL (an untraced patient in SSMS) is invalid, never one patient called NULL", async () => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": `${ae}NULL,2021-05-03\nnull,2021-05-04\n` });
    expect(refusal(run)).toContain('ae.csv:6: patient_id: is a missing value: every row needs a patient identifier ("NULL")');
  });

  it("skipped with --skip-invalid, they are reported, and counted for nobody", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": `${ae}NULL,2021-05-03\nN/A,2021-05-04\n` }, { skipInvalid: true })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 2, post: 2 });
    expect(result.rows.accounts.ae_attendances.skipped).toBe(2);
    expect(result.rows.activityOfOthers).toBe(0);
  });

  it("a referral for NA is invalid; a NULL category is no category (counted), a NULL age is unknown", async () => {
    const run = await evaluateBoth({ "referrals.csv": `patient_id,cohort,intervention_date\nNA,A,2021-06-15\n`, "ae.csv": ae });
    expect(refusal(run)).toContain('referrals.csv:2: patient_id: is a missing value: every row needs a patient identifier ("NA")');
    const categories = "patient_id,arrival_date,attendance_category\np1,2021-05-01,NULL\np1,2021-05-02,4\np1,2021-07-01,na\n";
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": categories })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 1, post: 1 });
  });
});

describe("dates as exports write them", () => {
  it("a provider list in D/M/YYYY (BOM, CRLF) with an extract of SQL Server datetimes, in one run", async () => {
    const provider = "\uFEFFpatient_id,cohort,intervention_date\r\np1,A,15/6/2021\r\np2,A,20/06/2021\r\n";
    const sqlServer = "patient_id,arrival_date\np1,2021-05-01 00:00:00.000\np1,2021-05-02 13:45:10.000\np1,2021-07-01 00:00:00.000\np2,2021-07-10 08:00:00.000\n";
    const result = (await evaluateBoth({ "referrals.csv": provider, "ae.csv": sqlServer })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ patients: 2, pre: 2, post: 2 });
    expect(result.inputs.formats.referrals.dateFormats).toEqual({ intervention_date: "dmy" });
    expect(result.inputs.formats.ae.dateFormats).toEqual({ arrival_date: "iso" });
  });

  it("formats.<extract>.dateFormat forces a format: a value in the other is an error that says so", async () => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae }, { formats: { ae: { dateFormat: "dmy" } } });
    expect(refusal(run)).toContain('ae.csv:2: arrival_date: is written YYYY-MM-DD, but dates here are read D/M/YYYY ("2021-05-01")');
  });

  it("a US month/day date is refused, saying why", async () => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": "patient_id,arrival_date\np1,05/23/2021\n" });
    expect(refusal(run)).toContain("ae.csv:2: arrival_date: is not a date: month 23 does not exist (a US month/day order?");
  });
});

describe("encodings, delimiters, compression, and files that are not CSV text", () => {
  // "café" in Windows-1252: é is the single byte 0xE9; a curly apostrophe is 0x92.
  const windows1252 = Buffer.concat([Buffer.from("patient_id,cohort,intervention_date\np1,caf"), Buffer.from([0xe9, 0x92]), Buffer.from("s,2021-06-15\n")]);

  it("a file that is not UTF-8 stops the run at its first bad line, naming the setting", async () => {
    const run = await evaluateBoth({ "referrals.csv": windows1252, "ae.csv": ae });
    expect(refusal(run)).toContain('referrals.csv:2: is not UTF-8 text from this line on; if Excel saved it (Windows-1252), set "formats.referrals.encoding" to "windows-1252"');
  });

  it("read as windows-1252 when the config says so: café’s, not caf�", async () => {
    const result = (await evaluateBoth({ "referrals.csv": windows1252, "ae.csv": ae }, { formats: { referrals: { encoding: "windows-1252" } } })).json();
    expect(result.outcomes[0].cohorts[0]).toMatchObject({ cohort: "caf\u00e9\u2019s", patients: 1, pre: 2, post: 1 });
  });

  it("a semicolon file, and a tab-separated one, are read with the delimiter their header shows, and the output says so", async () => {
    const result = (
      await evaluateBoth({ "referrals.csv": referrals.replaceAll(",", ";"), "ae.csv": ae.replaceAll(",", "\t") })
    ).json();
    expect(row(result, "ae_attendances")).toMatchObject({ patients: 2, pre: 2, post: 2 });
    expect(result.inputs.formats.referrals).toMatchObject({ delimiter: ";", delimiterFromHeader: true });
    expect(result.inputs.formats.ae).toMatchObject({ delimiter: "\t", delimiterFromHeader: true });
  });

  it("formats.<extract>.delimiter is taken as given", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals.replaceAll(",", "|"), "ae.csv": ae }, { formats: { referrals: { delimiter: "|" } } })).json();
    expect(result.inputs.formats.referrals).toMatchObject({ delimiter: "|", delimiterFromHeader: false });
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 2, post: 2 });
  });

  it("a gzip-compressed extract is read as it is", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv.gz": gzipSync(ae) })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 2, post: 2 });
    expect(result.inputs.formats.ae.gzip).toBe(true);
  });

  it.each([
    ["an Excel workbook", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "is an Excel workbook (.xlsx) or a zip archive, not CSV text: save it as CSV"],
    ["an old Excel workbook", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "is an Excel 97-2003 workbook (.xls)"],
    ["UTF-16 text", Buffer.from("\uFEFFpatient_id", "utf16le"), "is UTF-16 text"],
  ])("%s is refused, saying how to save it as CSV", async (_what, bytes, message) => {
    const run = await evaluateBoth({ "referrals.csv": bytes, "ae.csv": ae });
    expect(refusal(run)).toContain(`referrals.csv: ${message}`);
  });
});

describe("every column a run relies on must be there", () => {
  const full = "patient_id,cohort,intervention_date,consent,onward_referrals,Age\np1,A,2021-06-15,yes,1,40\np2,A,2021-06-20,yes,1,70\n";

  it("a typo in a mapped optional column stops the run, naming it and the nearest header (never every patient 'age unknown')", async () => {
    const run = await evaluateBoth({ "referrals.csv": full, "ae.csv": ae }, { columns: { referrals: { age: "Age_at_Referral" } }, minAge: 18 });
    const message = refusal(run);
    expect(message).toContain("referrals.csv:1: Age_at_Referral: not found (columns.referrals.age maps age to it)");
    expect(message).toContain('did you mean "Age"?');
  });

  it("a mapped column must be there even when no rule needs it", async () => {
    const run = await evaluateBoth({ "referrals.csv": full, "ae.csv": ae }, { columns: { ae: { attendance_category: "AttendCat" } } });
    expect(refusal(run)).toContain("ae.csv:1: AttendCat: not found (columns.ae.attendance_category maps attendance_category to it)");
  });

  it("--require-consent with no consent column stops the run (it excluded all 420 patients)", async () => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae }, { requireConsent: true });
    expect(refusal(run)).toContain("referrals.csv:1: consent: not found, but --require-consent (requireConsent) needs it");
  });

  it.each([
    ["minOnwardReferrals", 1, "onward_referrals"],
    ["minAge", 18, "age"],
  ])("%s with no %s column stops the run", async (setting, value, column) => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae }, { [setting]: value });
    expect(refusal(run)).toContain(`referrals.csv:1: ${column}: not found, but`);
  });

  it("a config's list of categories needs the category column; the default list without one counts every attendance, and says so", async () => {
    const listed = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae }, { excludedAttendanceCategories: ["4"] });
    expect(refusal(listed)).toContain("ae.csv:1: attendance_category: not found, but the config's excludedAttendanceCategories needs it");
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae })).json();
    expect(result.inputs.columns.ae.attendance_category).toBeNull();
    const table = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": ae }, {}, ["--format", "table"]);
    expect(table.stream.stdout).toContain("the extract has no attendance category column, so every attendance is counted");
  });

  it("two columns of a name prepost reads (two Cohort columns) stop the run", async () => {
    const run = await evaluateBoth({ "referrals.csv": "patient_id,Cohort,intervention_date,cohort\np1,A,2021-06-15,B\n", "ae.csv": ae });
    expect(refusal(run)).toContain("referrals.csv:1: Cohort: appears 2 times in the header (columns 2 and 4)");
  });

  it("SUS+ names are taken where no column is mapped, and named in the output", async () => {
    const sus = "Der_Pseudo_NHS_Number,Arrival_Date,EC_AttendanceCategory\np1,2021-05-01,1\np1,2021-05-02,4\np1,2021-07-01,1\np2,2021-07-10,2\n";
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": sus })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 1, post: 2 });
    expect(result.inputs.columns.ae).toEqual({
      patient_id: { header: "Der_Pseudo_NHS_Number", by: "well_known_name" },
      // Arrival_Date is arrival_date itself: names are matched without regard to case.
      arrival_date: { header: "Arrival_Date", by: "default" },
      attendance_category: { header: "EC_AttendanceCategory", by: "well_known_name" },
    });
    const table = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": sus }, {}, ["--format", "table"]);
    expect(table.stream.stdout).toContain("ae.csv: read patient_id from Der_Pseudo_NHS_Number, attendance_category from EC_AttendanceCategory (their SUS+/HES export names");
  });

  it("a problem in a column taken by its export name names the file's own header", async () => {
    const sus = "Der_Pseudo_NHS_Number,Arrival_Date\np1,2021-05-01\np1,2021-02-30\n";
    expect(refusal(await evaluateBoth({ "referrals.csv": referrals, "ae.csv": sus }))).toContain('ae.csv:3: Arrival_Date: is not a day that exists ("2021-02-30")');
  });

  it("two export names that could each be the column are not chosen between", async () => {
    const hes = "PSEUDO_HESID,TOKEN_PERSON_ID,ARRIVALDATE\np1,t1,2021-05-01\n";
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": hes });
    expect(refusal(run)).toContain("ae.csv:1: patient_id: not found by its own name, and the header has PSEUDO_HESID and TOKEN_PERSON_ID");
  });
});

describe("an admissions extract that looks episode-level is warned of", () => {
  // p1's spell of 2021-05-01 is on three rows (episodes 1-3): 2 of the 5 rows repeat an earlier one.
  const episodes = "patient_id,admission_date,admission_method\np1,2021-05-01,21\np1,2021-05-01,21\np1,2021-05-01,21\np1,2021-07-01,21\np2,2021-07-10,21\nstranger,2021-07-10,21\nstranger,2021-07-10,21\n";

  it("without an episode order, over 1% of the patients' rows repeating a patient, date and method", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals, "admissions.csv": episodes })).json();
    expect(result.warnings).toEqual([expect.objectContaining({ code: "episode_level", extract: "admissions", rows: 5, repeated: 2 })]);
    expect(row(result, "unplanned_admissions")).toMatchObject({ pre: 3, post: 2 });
  });

  it("not where the rows are spells", async () => {
    const spells = "patient_id,admission_date,admission_method\np1,2021-05-01,21\np1,2021-05-01,22\np1,2021-07-01,21\n";
    expect((await evaluateBoth({ "referrals.csv": referrals, "admissions.csv": spells })).json().warnings).toEqual([]);
  });

  it("not where an episode order is read", async () => {
    const ordered = "patient_id,admission_date,admission_method,EPIORDER\np1,2021-05-01,21,1\np1,2021-05-01,21,2\np1,2021-05-01,21,3\n";
    const result = (await evaluateBoth({ "referrals.csv": referrals, "admissions.csv": ordered })).json();
    expect(result.warnings).toEqual([]);
    expect(row(result, "unplanned_admissions").pre).toBe(1);
  });
});

describe("--date-format", () => {
  it("takes auto, iso or dmy, for every extract that formats does not set", async () => {
    const provider = "patient_id,cohort,intervention_date\np1,A,15/06/2021\np2,A,20/06/2021\n";
    const dmyEverywhere = "patient_id,arrival_date\np1,01/05/2021\np1,02/05/2021\np1,01/07/2021\np2,10/07/2021\n";
    const result = (await evaluateBoth({ "referrals.csv": provider, "ae.csv": dmyEverywhere }, {}, ["--date-format", "dmy"])).json();
    expect(result.settings.dateFormat).toBe("dmy");
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 2, post: 2 });
    const forcedIso = await evaluateBoth({ "referrals.csv": provider, "ae.csv": ae }, { formats: { ae: { dateFormat: "iso" } } }, ["--date-format", "iso"]);
    expect(refusal(forcedIso)).toContain('referrals.csv:2: intervention_date: is written D/M/YYYY, but dates here are read YYYY-MM-DD ("15/06/2021")');
    expect((await evaluateBoth({ "referrals.csv": provider, "ae.csv": ae }, {}, ["--date-format", "auto"])).json().settings.dateFormat).toBe("auto");
  });
});

describe("Parquet extracts are read by the same rules", () => {
  it("export names, missing-value tokens and D/M/YYYY text dates, on both engines", async () => {
    const { convertCsvToParquet } = await import("../../src/io/csv-to-parquet.js");
    const sus = "Der_Pseudo_NHS_Number,Arrival_Date,EC_AttendanceCategory\np1,1/5/2021,NULL\np1,2/5/2021,4\np1,1/7/2021,1\np2,10/7/2021,na\n";
    const ws = await workspace({ "ae.csv": sus });
    await convertCsvToParquet(ws.path("ae.csv"), "ae", ws.path("ae.parquet"));
    const { readFile } = await import("node:fs/promises");
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.parquet": await readFile(ws.path("ae.parquet")) })).json();
    // p1: 1 May (category missing: counted), 2 May (4: not counted) before 15 June; 1 July after. p2: 10 July after.
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 1, post: 2 });
    expect(result.inputs.columns.ae.patient_id).toEqual({ header: "Der_Pseudo_NHS_Number", by: "well_known_name" });
    expect(result.inputs.formats.ae).toMatchObject({ kind: "parquet", dateFormats: { arrival_date: "dmy" } });
  });
});

describe("an A&E extract in HES coding is never read with the ECDS default in silence", () => {
  // HES AEATTENDCAT: 1 first, 2 planned follow-up, 3 unplanned follow-up.
  const hes = "PSEUDO_HESID,ARRIVALDATE,AEATTENDCAT\np1,2021-05-01,1\np1,2021-05-02,2\np1,2021-07-01,4\np2,2021-07-10,3\n";

  it("AEATTENDCAT with neither the coding nor the categories chosen stops the run, asking which", async () => {
    const run = await evaluateBoth({ "referrals.csv": referrals, "ae.csv": hes });
    expect(refusal(run)).toContain("ae.csv:1: AEATTENDCAT: is HES A&E's attendance category (2: a planned follow-up), but the run would read ECDS codes");
  });

  it("counted as HES once said so: the planned follow-up (2) is not counted", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": hes }, { aeCoding: "hes" })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 1, post: 2 });
  });

  it("a list of categories chosen is the user's word", async () => {
    const result = (await evaluateBoth({ "referrals.csv": referrals, "ae.csv": hes }, { excludedAttendanceCategories: ["2", "4"] })).json();
    expect(row(result, "ae_attendances")).toMatchObject({ pre: 1, post: 1 });
  });
});
