import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { csv, runBuiltCli, workspace } from "../helpers.js";

const prepost = runBuiltCli;

/** Two cases and a population of six: each case has one candidate alike, and one far. */
const FILES = {
  "referrals.csv": csv`
    patient_id,cohort,intervention_date
    c1,A,2021-06-01
    c2,B,2021-07-15
  `,
  "ae.csv": csv`
    patient_id,arrival_date
    c1,2021-03-02
    c1,2021-04-10
    k1,2021-03-20
    k1,2021-05-01
    c2,2021-02-01
    k2,2021-02-11
    far,2020-01-01
    far,2022-12-31
  `,
  "population.csv": csv`
    patient_id,sex,birth_year,practice
    c1,F,1950,G1
    c2,M,1960,G2
    k1,F,1950,G1
    k2,M,1961,G2
    far,F,1990,G1
    other,M,1931,G3
  `,
};

describe("prepost match, end to end", () => {
  it("writes the comparison extract with matched_to, and prints the match report", async () => {
    const ws = await workspace(FILES);
    const run = await prepost(["match", "--referrals", "referrals.csv", "--ae", "ae.csv", "--population", "population.csv", "--out", "comparison.csv", "--caliper", "none"], ws.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await ws.read("comparison.csv")).toBe("patient_id,cohort,index_date,matched_to\nk1,A,2021-06-01,c1\nk2,B,2021-07-15,c2\n");
    expect(run.stdout).toContain("The matched comparison group");
    expect(run.stdout).toMatch(/Cases: referred patients included\s+2/);
    expect(run.stdout).toContain("Balance: all cases against the pool before matching");
  });

  it("writes the report to further --out files, each in its extension's format, and evaluate --comparison reads the extract back", async () => {
    const ws = await workspace(FILES);
    const flags = ["--referrals", "referrals.csv", "--ae", "ae.csv"];
    const run = await prepost(["match", ...flags, "--population", "population.csv", "--caliper", "none", "--out", "comparison.csv", "--out", "report.json", "--out", "balance.match.csv"], ws.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const report = JSON.parse(await ws.read("report.json"));
    expect(report.match).toMatchObject({ cases: 2, matched: 2, controls: 2, controls_per_case: [0, 2] });
    expect(report.settings).toMatchObject({ ratio: 1, caliper: null, matchExact: [] });
    expect((await ws.read("balance.match.csv")).split("\n")[1]).toBe("count,cases,,2,,,,,,,,,,");
    const evaluated = await prepost(["evaluate", ...flags, "--comparison", "comparison.csv", "--format", "json", "--bootstrap", "0"], ws.dir);
    expect(evaluated.code).toBe(0);
    const total = JSON.parse(evaluated.stdout).outcomes[0].total;
    expect(total.matched_cases).toMatchObject({ patients: 2, unmatched: 0, pre: 3, post: 0 });
    expect(total.comparison).toMatchObject({ patients: 2, pre: 3, post: 0 });
  });

  it("stops on a bad population row with file:line: column, exit 2, nothing written", async () => {
    const ws = await workspace({ ...FILES, "population.csv": "patient_id,sex,birth_year,imd_decile\nc1,F,1950,11\nc2,M,19x0,3\n" });
    const run = await prepost(["match", "--referrals", "referrals.csv", "--ae", "ae.csv", "--population", "population.csv", "--out", "comparison.csv"], ws.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('population.csv:2: imd_decile: is not a deprivation decile (a whole number from 1 to 10) ("11")');
    expect(run.stderr).toContain('population.csv:3: birth_year: is not a year of birth (four digits) ("19x0")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(ws.path("comparison.csv"))).rejects.toThrow();
  });

  it("reads the population by the rules of every extract: mapped columns, its own format, a column --match-exact needs", async () => {
    const ws = await workspace({
      ...FILES,
      "population.csv": "Person;Gender;Year_Of_Birth\nc1;F;1950\nc2;M;1960\nk1;F;1950\nk2;M;1961\n",
      "evaluation.json": JSON.stringify({
        referrals: "referrals.csv",
        ae: "ae.csv",
        population: "population.csv",
        columns: { population: { patient_id: "Person" } },
        formats: { population: { delimiter: ";" } },
        caliper: null,
      }),
    });
    const run = await prepost(["match", "--config", "evaluation.json", "--out", "comparison.csv", "--format", "json"], ws.dir);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).match.matched).toBe(2);
    const practice = await prepost(["match", "--config", "evaluation.json", "--out", "comparison.csv", "--match-exact", "practice"], ws.dir);
    expect(practice.code).toBe(2);
    expect(practice.stderr).toContain("population.csv:1: practice:");
    expect(practice.stderr).toContain("--match-exact practice");
  });

  it("refuses what cannot be run: no --out, an --out over an input, --match without a population or with a comparison group", async () => {
    const ws = await workspace(FILES);
    const base = ["--referrals", "referrals.csv", "--ae", "ae.csv"];
    const noOut = await prepost(["match", ...base, "--population", "population.csv"], ws.dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
    const overInput = await prepost(["match", ...base, "--population", "population.csv", "--out", "population.csv"], ws.dir);
    expect(overInput.code).toBe(2);
    expect(await ws.read("population.csv")).toBe(FILES["population.csv"]);
    const noPopulation = await prepost(["evaluate", ...base, "--match"], ws.dir);
    expect(noPopulation.code).toBe(2);
    expect(noPopulation.stderr).toContain("--population");
    const withoutMatch = await prepost(["evaluate", ...base, "--population", "population.csv"], ws.dir);
    expect(withoutMatch.code).toBe(2);
    expect(withoutMatch.stderr).toContain("add --match");
    await writeFile(ws.path("comparison.csv"), "patient_id,cohort,index_date\n");
    const both = await prepost(["evaluate", ...base, "--population", "population.csv", "--match", "--comparison", "comparison.csv"], ws.dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give one or the other");
    const badRatio = await prepost(["match", ...base, "--population", "population.csv", "--out", "c.csv", "--ratio", "11"], ws.dir);
    expect(badRatio.code).toBe(2);
    expect(badRatio.stderr).toContain("--ratio");
  });
});
