import { describe, expect, it } from "vitest";
import { csv, runCli, workspace } from "../helpers.js";

// Every NHS number here is from the never-issued 999 range. 9992345675 and 9990000018 have valid
// Modulus 11 check digits (worked in test/text/mask-identifiers.test.ts); 9992345676 does not.
const NUMBER = "9992345675";
const SPELLINGS = [
  "9992345675",
  "999 234 5675",
  "999  234  5675",
  "999-234-5675",
  "999.234.5675",
  "999_234_5675",
  "999/234/5675",
  "(999) 234 5675",
  "999\u00A0234\u00A05675",
  "999\u2009234\u20095675",
  "\uFF19\uFF19\uFF19\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF15",
  "\u0669\u0669\u0669\u0662\u0663\u0664\u0665\u0666\u0667\u0665",
  "99 92 34 56 75",
];

/** The digits of the text, whatever their form, in order: a number printed whole shows up in them. */
function digitsOf(text: string): string {
  return [...text.normalize("NFKC")]
    .map((character) => (/[\u0660-\u0669]/.test(character) ? String(character.charCodeAt(0) - 0x660) : character))
    .filter((character) => /[0-9]/.test(character))
    .join("");
}

function expectNoWholeNumber(text: string, number = NUMBER) {
  expect(digitsOf(text)).not.toContain(number);
}

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
  p2,A,2021-06-20
`;
const ae = csv`
  patient_id,arrival_date
  p1,2021-05-01
`;

async function evaluate(files: Record<string, string>, extra: string[] = []) {
  const ws = await workspace(files);
  const names = Object.keys(files);
  const extract = (name: string) => names.find((file) => file.startsWith(name) && file.endsWith(".csv"))!;
  const run = await runCli([
    "evaluate", "--referrals", ws.path(extract("referrals")), "--ae", ws.path(extract("ae")),
    "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--bootstrap", "0", ...extra,
  ]);
  return { ...run, ws };
}

describe("an NHS number in a message is masked, in every spelling", () => {
  it.each(SPELLINGS)("in a date error: %j", async (spelling) => {
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": `patient_id,arrival_date\np1,"${spelling}"\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.csv:2: arrival_date: .*\("[^"]*\*{8}/);
    expectNoWholeNumber(run.stderr);
    expect(run.stdout).toBe("");
  });

  it.each(SPELLINGS)("in the columns of a header: %j", async (spelling) => {
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": `patient_id,"${spelling}"\np1,2021-05-01\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ae.csv:1: arrival_date: required column not found; the file seems to have no header row");
    expectNoWholeNumber(run.stderr);
  });

  it("in a skipped row's reason under --skip-invalid, in every format", async () => {
    const ws = await workspace({ "referrals.csv": referrals, "ae.csv": `patient_id,arrival_date\np1,2021-05-01\np2,${NUMBER}\n` });
    const outs = ["r.txt", "r.json", "r.csv", "r.attrition.csv", "r.md", "r.html"];
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31",
      "--bootstrap", "0", "--skip-invalid", ...outs.flatMap((out) => ["--out", ws.path(out)]),
    ]);
    expect(run.code).toBe(0);
    expectNoWholeNumber(run.stderr + run.stdout);
    for (const out of outs) expectNoWholeNumber(await ws.read(out));
  });
});

describe("a message quotes a value as a short excerpt, never whole", () => {
  it("a field of nearly 1 MB (under the limit on fields) is cut to 40 characters with its size", async () => {
    const field = `${NUMBER} ${"x".repeat(1000 * 1000)}`;
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": `patient_id,arrival_date\np1,${field}\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.csv:2: arrival_date: is not a date .* \("\*{8}75 x{29}…", 977 KB\)\n$/);
    expect(run.stderr.length).toBeLessThan(400);
  });
});

describe("a file with no header row: its first line (a person's data) is never echoed", () => {
  it("says so, and how many fields the line has", async () => {
    const headerless = csv`
      p1,Jane Smith,04/03/1958,ME14 1XX
      p2,John Smith,05/06/1960,ME15 2YY
    `;
    const run = await evaluate({ "referrals.csv": headerless, "ae.csv": ae });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "referrals.csv:1: patient_id: required column not found; the file seems to have no header row: its first line, of 4 fields, looks like data (not shown); add a header row naming the columns",
    );
    for (const shown of ["Jane", "1958", "ME14", "p1"]) expect(run.stderr).not.toContain(shown);
  });

  it("a real header is named, each name cut to 40 characters", async () => {
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": `patient_id,${"n".repeat(60)}\np1,2021-05-01\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the columns found are: patient_id, ${"n".repeat(40)}…`);
    expect(run.stderr).not.toContain("n".repeat(41));
  });
});

describe("a cohort value that is an NHS number (a column swap) stops the run", () => {
  it.each(SPELLINGS)("%j: exit 2, masked, nothing written", async (spelling) => {
    const swapped = `patient_id,cohort,intervention_date\np1,"${spelling}",2021-06-15\n`;
    const run = await evaluate({ "referrals.csv": swapped, "ae.csv": ae }, ["--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/referrals\.csv:2: cohort: is an NHS number \(ten digits with a valid Modulus 11 check digit\), not a cohort/);
    expect(run.stdout).toBe("");
    expectNoWholeNumber(run.stderr);
  });
});

describe("what could be an NHS number is masked in every output format", () => {
  // 999 234 5676 fails the check digit, so the run goes on; written 3-3-4, it is masked all the same.
  const almost = "999 234 5676";
  const cohortRefs = `patient_id,cohort,intervention_date\np1,"${almost}",2021-06-15\np2,A,2021-06-20\n`;
  const formats = ["table", "json", "csv", "attrition-csv", "markdown", "html"];

  it.each(formats)("a cohort value, and a file name, in --format %s", async (format) => {
    const run = await evaluate({ "referrals.csv": cohortRefs, "ae 999 234 5676.csv": ae }, ["--format", format]);
    expect(run.code).toBe(0);
    expectNoWholeNumber(run.stdout + run.stderr, "9992345676");
    // Markdown escapes the *s, so that they stay stars.
    if (format !== "attrition-csv") expect(run.stdout).toContain(format === "markdown" ? "\\*".repeat(8) + "76" : "********76");
  });

  it.each(["table", "json"])("a label the config gives a cohort, in --format %s", async (format) => {
    const config = JSON.stringify({ cohorts: [{ cohort: "A", label: `Referred by ${NUMBER}` }] });
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": ae, "c.json": config }, ["--format", format]);
    const rerun = await runCli([
      "evaluate", "--config", run.ws.path("c.json"), "--referrals", run.ws.path("referrals.csv"), "--ae", run.ws.path("ae.csv"),
      "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--bootstrap", "0", "--format", format,
    ]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain("Referred by ********75");
    expectNoWholeNumber(rerun.stdout);
  });
});

describe("controls and bidi overrides in a label never reach the terminal raw", () => {
  const hostile = "A\u202Egnp.exe\u001B[31m";
  const hostileRefs = `patient_id,cohort,intervention_date\np1,"${hostile}",2021-06-15\n`;
  const RAW = /[\u001B\u202A-\u202E\u2066-\u2069\u0080-\u009F]/;

  it.each([
    ["table", "A\\u202Egnp.exe\\u001B[31m"],
    ["markdown", "A\\u202Egnp.exe\\u001B\\[31m"],
    ["csv", "A\\u202Egnp.exe\\u001B[31m"],
    ["html", "A\\u202Egnp.exe\\u001B[31m"],
    ["json", "A\\u202egnp.exe\\u001b[31m"],
  ])("--format %s shows %s", async (format, shown) => {
    const run = await evaluate({ "referrals.csv": hostileRefs, "ae.csv": ae }, ["--format", format]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stdout).toContain(shown);
  });

  it("the JSON still reads back as the cohort it was", async () => {
    const run = await evaluate({ "referrals.csv": hostileRefs, "ae.csv": ae }, ["--format", "json"]);
    expect(JSON.parse(run.stdout).outcomes[0].cohorts[0].cohort).toBe(hostile);
  });

  it("nor in a message", async () => {
    const run = await evaluate({ "referrals.csv": referrals, "ae.csv": `patient_id,arrival_date\np1,"2021\u202E-05-01\u001B[2J"\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('("2021\\u202E-05-01\\u001b[2J")');
  });
});
