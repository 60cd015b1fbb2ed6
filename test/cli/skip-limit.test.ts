import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { csv, evaluateOnBothEngines, runCli, workspace } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;
const covered = ["--data-start", "2020-01-01", "--data-end", "2022-12-31"];

/** An A&E extract of `valid` good rows and `shifted` rows with an unquoted comma (a third field). */
function aeWith(valid: number, shifted: number, missingId = 0): string {
  const rows = [
    ...Array.from({ length: valid }, (_, i) => `p1,2021-0${1 + (i % 9)}-01`),
    ...Array.from({ length: shifted }, () => "p1,2021-05-01,Ward 3"),
    ...Array.from({ length: missingId }, () => "NULL,2021-05-01"),
  ];
  return ["patient_id,arrival_date", ...rows].join("\n") + "\n";
}

async function runOn(files: Record<string, string>, extra: string[]) {
  const ws = await workspace(files);
  await writeFile(ws.path("out.json"), "previous output\n");
  const paths = Object.keys(files).flatMap((name) => [`--${name.replace(/\.csv$/, "")}`, ws.path(name)]);
  const run = await runCli(["evaluate", ...paths, ...covered, "--format", "json", "--out", ws.path("out.json"), ...extra]);
  return { ...run, output: await ws.read("out.json") };
}

describe("bad input: --skip-invalid stops all the same when more than 1% of an extract's rows and more than 10 are invalid", () => {
  it("stops with exit 2, naming the extract, the count and share, the most common reason and what to check", async () => {
    // 100 rows read: 81 valid, 12 with a third field, 7 with a NULL patient id: 19 invalid (19%).
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(81, 12, 7) }, ["--skip-invalid"]);
    expect(run.code).toBe(2);
    expect(run.output).toBe("previous output\n");
    expect(run.stderr).toContain(
      'ae.csv: 19 of 100 rows (19%) are invalid, too many to skip (more than 1% of the rows and more than 10 stop the run); ' +
        'most often "the row has 3 fields but the header has 2 (an unquoted comma?)" (12 rows, first on line 83).',
    );
    expect(run.stderr).toContain("check its delimiter, its date format and its quoting (formats.ae in the config)");
    expect(run.stderr).toContain("--max-invalid N or N% sets another limit");
  });

  it("skips 10 invalid rows, however few rows were read (the floor of 10)", async () => {
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(5, 10) }, ["--skip-invalid"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.output).rows.accounts.ae_attendances).toMatchObject({ read: 15, skipped: 10 });
  });

  it("skips 11 invalid rows of 1,100 (exactly 1%)", async () => {
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(1089, 11) }, ["--skip-invalid"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.output).rows.accounts.ae_attendances).toMatchObject({ read: 1100, skipped: 11 });
  });

  it("counts the referrals and the comparison group too", async () => {
    const badReferrals = ["patient_id,cohort,intervention_date", ...Array.from({ length: 11 }, (_, i) => `q${i},A,2021-06-15,x`), "p1,A,2021-06-15"].join("\n");
    const run = await runOn({ "referrals.csv": badReferrals + "\n", "ae.csv": aeWith(5, 0) }, ["--skip-invalid"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("referrals.csv: 11 of 12 rows (91.7%) are invalid, too many to skip");
    expect(run.stderr).toContain("(formats.referrals in the config)");

    const comparison = ["patient_id,cohort,index_date", ...Array.from({ length: 11 }, (_, i) => `c${i},A,`), "c99,A,2021-06-15"].join("\n");
    const withComparison = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(5, 0), "comparison.csv": comparison + "\n" }, ["--skip-invalid"]);
    expect(withComparison.code).toBe(2);
    expect(withComparison.stderr).toContain("comparison.csv: 11 of 12 rows (91.7%) are invalid, too many to skip");
  });

  it("gives the same answer on both engines (the DuckDB engine hands such an extract to the row reader)", async () => {
    const over = await evaluateOnBothEngines({ referrals, ae: aeWith(81, 19) }, { skipInvalid: true, dataStart: "2020-01-01", dataEnd: "2022-12-31" });
    expect(over.stream).toMatch(/^exit 2\n.*ae\.csv: 19 of 100 rows \(19%\) are invalid, too many to skip/);
    expect(over.duckdb).toBe(over.stream);
    const under = await evaluateOnBothEngines({ referrals, ae: aeWith(90, 10) }, { skipInvalid: true, dataStart: "2020-01-01", dataEnd: "2022-12-31" });
    expect(under.stream).not.toMatch(/^exit 2/);
    expect(under.duckdb).toBe(under.stream);
  });
});

describe("bad input: --max-invalid N or N% sets another limit", () => {
  it("a count: more than N invalid rows in an extract stop the run", async () => {
    const files = { "referrals.csv": referrals, "ae.csv": aeWith(994, 6) };
    const over = await runOn(files, ["--skip-invalid", "--max-invalid", "5"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("ae.csv: 6 of 1000 rows (0.6%) are invalid, too many to skip (--max-invalid 5: more than 5 rows stop the run)");
    const at = await runOn(files, ["--skip-invalid", "--max-invalid", "6"]);
    expect(at.code).toBe(0);
    expect(JSON.parse(at.output).settings.maxInvalid).toBe(6);
  });

  it("a share: more than N% of an extract's rows stop the run, however few", async () => {
    const files = { "referrals.csv": referrals, "ae.csv": aeWith(97, 3) };
    const over = await runOn(files, ["--skip-invalid", "--max-invalid", "2%"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("ae.csv: 3 of 100 rows (3%) are invalid, too many to skip (--max-invalid 2%: more than 2% of the rows stop the run)");
    const under = await runOn(files, ["--skip-invalid", "--max-invalid", "3%"]);
    expect(under.code).toBe(0);
    expect(JSON.parse(under.output).settings.maxInvalid).toBe("3%");
  });

  it("raises the limit over the default rule", async () => {
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(81, 19) }, ["--skip-invalid", "--max-invalid", "20%"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.output).rows.accounts.ae_attendances).toMatchObject({ read: 100, skipped: 19 });
  });

  it("is taken from the config file as well", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": aeWith(97, 3) });
    await writeFile(ws.path("c.json"), JSON.stringify({ referrals: "r.csv", ae: "ae.csv", skipInvalid: true, maxInvalid: "2%", dataStart: "2020-01-01", dataEnd: "2022-12-31" }));
    const run = await runCli(["evaluate", "--config", ws.path("c.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("(--max-invalid 2%: more than 2% of the rows stop the run)");
  });

  it.each(["lots", "-1", "2.5", "%"])("refuses --max-invalid %s", async (value) => {
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(5, 0) }, ["--skip-invalid", "--max-invalid", value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--max-invalid");
    expect(run.stderr).toContain("must be a whole number of rows (like 50) or a share of an extract's rows (like 2%)");
  });

  it("changes nothing without --skip-invalid: every invalid row stops the run, as always", async () => {
    const run = await runOn({ "referrals.csv": referrals, "ae.csv": aeWith(97, 3) }, ["--max-invalid", "50%"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ae.csv:99: the row has 3 fields but the header has 2");
    expect(run.stderr).not.toContain("too many to skip");
  });
});
