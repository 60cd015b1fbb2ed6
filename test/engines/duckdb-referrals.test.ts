import { describe, expect, it } from "vitest";
import { csv, covered, engineNotices, evaluateOnBothEngines } from "../helpers.js";

/**
 * The referrals read in DuckDB (duckdb-referrals.ts) give exactly what the row reader gives: rule 1
 * (the earliest date; of rows on it, the first in the file; onward referrals summed) and every
 * eligibility rule's inputs. Worked by hand below; the stream engine gives the same.
 */
describe("referrals read in DuckDB, on the DuckDB engine", () => {
  const notices = engineNotices();

  const ae = csv`
    patient_id,arrival_date
    p1,2021-02-01
    p2,2021-05-01
    p3,2021-02-10
  `;

  it("takes the first of two rows on the earliest date, sums onward referrals, and agrees with the row reader", async () => {
    // p1: two rows on 2021-03-01; the first (COHORT B, consent no, age 40) is the index row; onward 1 + 2 + 0 = 3.
    // p2: its earliest date is the second row's (2021-02-15, COHORT A, yes, 70).
    // p3: age NULL (missing), consent "TRUE" (yes), onward "007" (7).
    const referrals = csv`
      patient_id,cohort,intervention_date,consent,onward_referrals,age
      p1,COHORT B,2021-03-01,no,1,40
      p1,COHORT A,2021-03-01,yes,2,41
      p2,COHORT A,2021-04-01,no,0,71
      p2,cohort  a,2021-02-15,yes,1,70
      p1,COHORT A,2021-06-01,y,0,40
      p3,COHORT B,2021-03-05,TRUE,007,NULL
    `;
    const both = await evaluateOnBothEngines({ referrals, ae }, { ...covered, requireConsent: true });
    expect(notices.filter((notice) => notice.includes("referrals read by the row reader"))).toEqual([]);
    expect(both.duckdb).toBe(both.stream);
    const result = JSON.parse(both.duckdb) as { attrition: { reason: string; excluded: number }[]; outcomes: { cohorts: { cohort: string; patients: number; pre: number }[] }[] };
    // p1 is excluded for no consent (its index row says no); p2 (COHORT A) and p3 (COHORT B) remain.
    expect(result.attrition.find((step) => step.reason === "no_consent")!.excluded).toBe(1);
    expect(result.outcomes[0]!.cohorts.map(({ cohort, patients, pre }) => [cohort, patients, pre])).toEqual([
      ["COHORT B", 1, 1],
      ["COHORT A", 1, 0],
    ]);
  });

  it("reads a file that quotes every text, as R's write.csv writes one, in DuckDB, with the row reader's answer", async () => {
    // p1's two rows on 2021-03-01 are tied: the first in the file (COHORT B, consent no) is the index
    // row, even after a record whose quoted field spans two lines. p3's age is NA (missing).
    const referrals = [
      `"patient_id","cohort","intervention_date","consent","onward_referrals","age","notes"`,
      `"p2","COHORT A","2021-02-15","yes",1,70,"first line`,
      `second line"`,
      `"p1","COHORT B","2021-03-01","no",1,40,""`,
      `"p1","COHORT A","2021-03-01","yes",2,41,"a note, with a comma"`,
      `"p3","COHORT B","2021-03-05","TRUE",7,NA,""`,
      "",
    ].join("\n");
    const both = await evaluateOnBothEngines({ referrals, ae }, { ...covered, requireConsent: true });
    expect(notices.filter((notice) => notice.includes("referrals read by the row reader"))).toEqual([]);
    expect(both.duckdb).toBe(both.stream);
    const result = JSON.parse(both.duckdb) as { attrition: { reason: string; excluded: number }[]; outcomes: { cohorts: { cohort: string; patients: number }[] }[] };
    expect(result.attrition.find((step) => step.reason === "no_consent")!.excluded).toBe(1);
    expect(result.outcomes[0]!.cohorts.map(({ cohort, patients }) => [cohort, patients])).toEqual([
      ["COHORT A", 1],
      ["COHORT B", 1],
    ]);
  });

  it("leaves a quoted file with a value the two readers read apart (a quote inside a bare field) to the row reader, which names it", async () => {
    // csv-parse refuses p"2; DuckDB would read it as text, so the SQL must not vouch for the file.
    const referrals = `"patient_id","cohort","intervention_date"\n"p1","COHORT A","2021-03-01"\np"2,"COHORT A","2021-03-02"\n`;
    const both = await evaluateOnBothEngines({ referrals, ae }, covered);
    expect(notices.join("")).toContain("referrals read by the row reader");
    expect(both.duckdb).toBe(both.stream);
    expect(both.duckdb).toMatch(/^exit 2\n.*referrals\.csv:3: /m);
  });

  // Each row 3 breaks one rule of the row reader's (fields.ts, referrals.ts): the SQL must not vouch for it.
  const invalid: [string, string, string][] = [
    ["a day that does not exist", "p2,COHORT A,2021-02-30,yes,1,50", "intervention_date"],
    ["a HES placeholder as an intervention date", "p2,COHORT A,1800-01-01,yes,1,50", "intervention_date"],
    ["a date in the other format", "p2,COHORT A,1/3/2021,yes,1,50", "intervention_date"],
    ["a patient written NULL", "NULL,COHORT A,2021-03-01,yes,1,50", "patient_id"],
    ["an empty patient", ",COHORT A,2021-03-01,yes,1,50", "patient_id"],
    ["an empty cohort", "p2,,2021-03-01,yes,1,50", "cohort"],
    ["a cohort written N/A", "p2,N/A,2021-03-01,yes,1,50", "cohort"],
    ["onward referrals that are not a whole number", "p2,COHORT A,2021-03-01,yes,1.5,50", "onward_referrals"],
    ["an age that is not a number", "p2,COHORT A,2021-03-01,yes,1,fifty", "age"],
  ];
  it.each(invalid)("leaves a file with %s to the row reader, which names it", async (_what, row, column) => {
    const referrals = `patient_id,cohort,intervention_date,consent,onward_referrals,age\np1,COHORT A,2021-03-01,yes,1,50\n${row}\n`;
    const both = await evaluateOnBothEngines({ referrals, ae }, covered);
    expect(notices.join("")).toContain("referrals read by the row reader");
    expect(both.duckdb).toBe(both.stream);
    expect(both.duckdb).toMatch(new RegExp(`^exit 2\\n.*referrals\\.csv:3: ${column}: `, "m"));
  });
});
