import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { csv, runCli, workspace } from "../helpers.js";

const goodReferrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;
const goodAe = csv`
  patient_id,arrival_date
  p1,2021-05-01
`;

/** Runs evaluate on the given files with --out, and checks that the output file was not touched. */
async function failingRun(files: { referrals?: string; ae?: string }, extra: string[] = []) {
  const ws = await workspace({ "referrals.csv": files.referrals ?? goodReferrals, "ae.csv": files.ae ?? goodAe });
  await writeFile(ws.path("out.json"), "previous output\n");
  const run = await runCli([
    "evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"),
    "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--format", "json", "--out", ws.path("out.json"), ...extra,
  ]);
  return { ...run, output: await ws.read("out.json"), ws };
}

describe("bad input: every problem names file:line and column, exits 2, writes nothing", () => {
  it("reports an impossible date with its line, column and value", async () => {
    const run = await failingRun({ ae: "patient_id,arrival_date\np1,2021-05-01\np1,2021-02-30\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.csv:3: arrival_date: is not a day that exists \("2021-02-30"\)/);
    expect(run.output).toBe("previous output\n");
    expect(run.stdout).toBe("");
  });

  it("reports a date in the other format rather than guessing, naming the line that decided the column's", async () => {
    const run = await failingRun({ ae: "patient_id,arrival_date\np1,2021-05-01\np1,01/05/2021\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'ae.csv:3: arrival_date: is written D/M/YYYY, but dates here are read YYYY-MM-DD (this column\'s format, decided by its first date, on line 2) ("01/05/2021")',
    );
  });

  it("names the columns found when a required column is missing", async () => {
    const run = await failingRun({ ae: "patient_id,arrival\np1,2021-05-01\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.csv:1: arrival_date: required column not found; the columns found are: patient_id, arrival/);
  });

  it("reports values that are not whole numbers, and empty identifiers", async () => {
    const referrals = csv`
      patient_id,cohort,intervention_date,onward_referrals,age
      p1,A,2021-06-15,one,40
      p2,A,2021-06-15,1,-3
      p3,A,2021-06-15,1.5,40
      ,A,2021-06-15,1,40
    `;
    const run = await failingRun({ referrals });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('referrals.csv:2: onward_referrals: is not a whole number (0 or more) ("one")');
    expect(run.stderr).toContain('referrals.csv:3: age: is not a whole number (0 or more) ("-3")');
    expect(run.stderr).toContain('referrals.csv:4: onward_referrals');
    expect(run.stderr).toContain("referrals.csv:5: patient_id: is empty");
  });

  it("reports a row with the wrong number of fields (an unquoted comma shifts the columns)", async () => {
    const run = await failingRun({ referrals: "patient_id,cohort,intervention_date\np1,Carers, West,2021-06-15\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("referrals.csv:2: the row has 4 fields but the header has 3");
  });

  it("reports malformed CSV with the line", async () => {
    const run = await failingRun({ ae: 'patient_id,arrival_date\np1,2021-05-01\n"p1,2021-05-02\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.csv:\d+: malformed CSV/);
  });

  it("counts lines as a person does, after a quoted field with new lines", async () => {
    const referrals = 'patient_id,cohort,intervention_date\r\np1,"two\r\nlines",2021-06-15\r\np2,A,2021-13-01\r\n';
    const run = await failingRun({ referrals });
    expect(run.stderr).toContain("referrals.csv:4: intervention_date");
  });

  it("shows the first 20 problems and the total", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `p${i},2021-99-01`).join("\n");
    const run = await failingRun({ ae: `patient_id,arrival_date\n${rows}\n` });
    expect(run.code).toBe(2);
    expect(run.stderr.match(/ae\.csv:\d+: arrival_date/g)).toHaveLength(20);
    expect(run.stderr).toContain("25 problems in all");
  });

  it("says so for a file that does not exist", async () => {
    const ws = await workspace({});
    const run = await runCli(["evaluate", "--referrals", ws.path("nope.csv"), "--ae", ws.path("ae.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope.csv: cannot read: no such file");
  });

  it("reports an empty file", async () => {
    const run = await failingRun({ ae: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ae.csv:1: the file is empty");
  });

  it("never prints an NHS number in full", async () => {
    const run = await failingRun({ ae: "patient_id,arrival_date\n9992345675,2021-02-30\n", referrals: "patient_id,cohort,intervention_date\n999 234 5675,A,\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/9992345675|999 234 5675/);
  });

  it("never prints a stack trace for a user's mistake", async () => {
    const run = await failingRun({ ae: "patient_id,arrival_date\np1,bad\n" });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("bad input: --skip-invalid skips such rows and reports them per file and reason", () => {
  it("skips invalid rows, counts the rest and reports what was skipped", async () => {
    const ae = "patient_id,arrival_date\np1,2021-05-01\np1,2021-02-30\np1,2021-02-31\n,2021-05-01\np1,2021-07-01\n";
    const run = await failingRun({ ae }, ["--skip-invalid"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.output);
    expect(result.outcomes[0].total).toMatchObject({ pre: 1, post: 1 });
    expect(result.rows.skipped).toEqual([
      expect.objectContaining({ extract: "ae", column: "arrival_date", rows: 2, lines: [3, 4] }),
      expect.objectContaining({ extract: "ae", column: "patient_id", rows: 1, lines: [5] }),
    ]);
    expect(result.rows.accounts.ae_attendances).toMatchObject({ read: 5, skipped: 3, counted: 2 });
    expect(result.settings.skipInvalid).toBe(true);
  });
});

describe("bad input: flags and config", () => {
  it.each([
    [["--window", "6x"], "--window: must be a whole number of months or days"],
    [["--from", "2021-02-30"], "--from: must be a real date written YYYY-MM-DD"],
    [["--data-end", "31/12/2022"], "--data-end: must be a real date written YYYY-MM-DD"],
    [["--min-age", "adult"], "--min-age"],
    [["--index-day", "both"], "--index-day"],
    [["--from", "2022-01-01", "--to", "2021-01-01"], "--from 2022-01-01 is after --to 2021-01-01"],
  ])("%j is refused", async (flags, message) => {
    const run = await failingRun({}, flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.output).toBe("previous output\n");
  });

  it("needs a referrals extract and an activity extract, saying which flag or key gives them", async () => {
    const ws = await workspace({ "r.csv": goodReferrals });
    expect((await runCli(["evaluate", "--ae", ws.path("r.csv")])).stderr).toBe(
      'prepost: no referrals extract: give --referrals FILE (or "referrals" in the config file)\n',
    );
    expect((await runCli(["evaluate", "--referrals", ws.path("r.csv")])).stderr).toBe(
      'prepost: no activity extract: give --ae FILE, --admissions FILE and/or --outpatients FILE (or "ae", "admissions", "outpatients" or "customOutcomes" in the config file)\n',
    );
  });

  it.each([
    [["--from", "2022-01-01", "--to", "2021-01-01"], '--from 2022-01-01 is after --to 2021-01-01; give a --from on or before the --to (config keys "from" and "to")'],
    [["--data-start", "2022-12-31", "--data-end", "2020-01-01"], '--data-start 2022-12-31 is after --data-end 2020-01-01; give a --data-start on or before the --data-end (config keys "dataStart" and "dataEnd")'],
    [["--cost-source", "NCC 2023/24"], 'add --unit-cost ae=GBP (or admission=, bed_day=, outpatient=; config key "unitCosts"), or leave --cost-source out'],
  ])("prints a usage error %j with one prepost: and the flag or key that fixes it", async (flags, fix) => {
    const ws = await workspace({ "r.csv": goodReferrals, "ae.csv": goodAe });
    // --data-start/--data-end given once each: failingRun's own pair would be overridden by the later ones.
    const run = await runCli(["evaluate", "--referrals", ws.path("r.csv"), "--ae", ws.path("ae.csv"), ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prepost: [^\n]+\n$/);
    expect(run.stderr).not.toMatch(/prepost: prepost|prepost evaluate:/);
    expect(run.stderr).toContain(fix);
  });

  it("names an unknown config key, however deep", async () => {
    const ws = await workspace({
      "c.json": JSON.stringify({ referals: "r.csv", minAge: "18", columns: { ae: { arrival: "X" } } }),
    });
    const run = await runCli(["evaluate", "--config", ws.path("c.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("c.json: referals: is not a key prepost knows");
    expect(run.stderr).toContain("c.json: columns.ae.arrival: is not a key prepost knows");
    expect(run.stderr).toMatch(/c\.json: minAge: .*number/i);
  });

  it("names the nearest known keys for a mistyped one, from the keys known at its place", async () => {
    const ws = await workspace({
      "c.json": JSON.stringify({
        referals: "r.csv",
        columns: { ae: { arrival: "X", xyzzy: "Y" } },
        formats: { ae: { encodng: "windows-1252" } },
        cohorts: [{ cohort: "A", lable: "Alpha" }],
        qqqqqqqqqq: 1,
      }),
    });
    const lines = (await runCli(["evaluate", "--config", ws.path("c.json")])).stderr.split("\n");
    const file = ws.path("c.json");
    expect(lines).toContain(`prepost: ${file}: referals: is not a key prepost knows; did you mean "referrals"?`);
    expect(lines).toContain(`prepost: ${file}: columns.ae.arrival: is not a key prepost knows; did you mean "arrival_date"?`);
    // Nothing near: an A&E extract's mapping has three columns, and the message lists them.
    expect(lines).toContain(
      `prepost: ${file}: columns.ae.xyzzy: is not a key prepost knows; the keys here are "patient_id", "arrival_date" and "attendance_category"`,
    );
    expect(lines).toContain(`prepost: ${file}: formats.ae.encodng: is not a key prepost knows; did you mean "encoding"?`);
    expect(lines).toContain(`prepost: ${file}: cohorts.0.lable: is not a key prepost knows; did you mean "label"?`);
    expect(lines).toContain(`prepost: ${file}: qqqqqqqqqq: is not a key prepost knows; \`prepost schema\` prints every key`);
  });

  it("says which values a setting allows, and the nearest to the one given", async () => {
    const ws = await workspace({ "c.json": JSON.stringify({ aeCoding: "HES", indexDay: "both", formats: { ae: { delimiter: "x" } } }) });
    const lines = (await runCli(["evaluate", "--config", ws.path("c.json")])).stderr.split("\n");
    const file = ws.path("c.json");
    expect(lines).toContain(`prepost: ${file}: aeCoding: "HES" is not allowed: must be "ecds" or "hes"; did you mean "hes"?`);
    expect(lines).toContain(`prepost: ${file}: indexDay: "both" is not allowed: must be "exclude", "pre" or "post"`);
    expect(lines).toContain(`prepost: ${file}: formats.ae.delimiter: "x" is not allowed: must be ",", ";", "\\t", "|" or "tab"`);
  });

  it("points at the line of a config file that is not JSON", async () => {
    const ws = await workspace({ "c.json": '{\n  "from": "2021-01-01",\n}\n' });
    const run = await runCli(["evaluate", "--config", ws.path("c.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/c\.json:3: column \d+: not valid JSON/);
  });

  it("refuses a cohort the config does not list, naming it", async () => {
    const ws = await workspace({
      "r.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,Z,2021-06-15\n",
      "ae.csv": goodAe,
      "c.json": JSON.stringify({ referrals: "r.csv", ae: "ae.csv", cohorts: [{ cohort: "A", label: "Alpha" }] }),
    });
    const run = await runCli(["evaluate", "--config", ws.path("c.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('r.csv:3: cohort: is not one of the cohorts the config lists (1 row, the first here)');
    expect(run.stderr).toContain('the config lists "A"; did you mean "A"? ("Z")');
  });
});

describe("a flag Commander refuses is said as every other message is", () => {
  it("begins with prepost: , once", async () => {
    const run = await runCli(["evaluate", "--referrals", "r.csv", "--ae", "ae.csv", "--date-format", "us"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prepost: option '--date-format <format>' argument 'us' is invalid\. Allowed choices are auto, iso, dmy\./);
    expect(run.stderr).not.toContain("error:");
  });
});
