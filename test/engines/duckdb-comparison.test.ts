import { describe, expect, it } from "vitest";
import { csv, covered, engineNotices, evaluateOnBothEngines } from "../helpers.js";

/**
 * The comparison group read in DuckDB (duckdb-comparison.ts) gives exactly what the row reader gives,
 * and leaves every file it cannot vouch for to the row reader, which names the line. Worked by hand
 * below; the stream engine, which always uses the row reader, gives the same bytes.
 */
describe("the comparison group read in DuckDB, on the DuckDB engine", () => {
  const notices = engineNotices();
  const byRowReader = () => notices.filter((notice) => notice.includes("comparison read by the row reader"));

  // p1 (COHORT A, index 2021-03-01) and p2 (COHORT B, index 2021-04-01) are referred.
  const referrals = csv`
    patient_id,cohort,intervention_date
    p1,COHORT A,2021-03-01
    p2,COHORT B,2021-04-01
  `;
  // c1: one attendance before its index date (2021-03-01), none after. c2: one after (2021-04-01).
  // c3: two before. p1 is listed as a control too: it is referred, so excluded (`referred`).
  const ae = csv`
    patient_id,arrival_date
    p1,2021-02-01
    c1,2021-02-20
    c2,2021-05-01
    c3,2021-01-10
    c3,2021-02-10
  `;

  it("counts each control against its own index date, in its cohort as the referrals spell it, with the row reader's answer", async () => {
    // `cohort  a` is COHORT A (case and runs of white space aside), as the row reader takes it.
    const comparison = csv`
      patient_id,cohort,index_date
      c1,COHORT A,2021-03-01
      c2,COHORT B,2021-04-01
      c3,cohort  a,2021-03-01
      p1,COHORT A,2021-03-01
    `;
    const both = await evaluateOnBothEngines({ referrals, ae, comparison }, covered);
    expect(byRowReader()).toEqual([]);
    expect(both.duckdb).toBe(both.stream);
    const result = JSON.parse(both.duckdb) as {
      comparison_attrition: { reason: string; excluded: number }[];
      outcomes: { cohorts: { cohort: string; comparison: { patients: number; pre: number; post: number } }[] }[];
    };
    expect(result.comparison_attrition.find((step) => step.reason === "referred")!.excluded).toBe(1);
    expect(result.outcomes[0]!.cohorts.map(({ cohort, comparison: c }) => [cohort, c.patients, c.pre, c.post])).toEqual([
      ["COHORT A", 2, 3, 0],
      ["COHORT B", 1, 0, 1],
    ]);
  });

  it("reads matched sets from matched_to, and a file that quotes every text (R's write.csv), as the row reader does", async () => {
    const comparison = [
      `"patient_id","cohort","index_date","matched_to"`,
      `"c1","COHORT A","2021-03-01","p1"`,
      `"c3","COHORT A","2021-03-01","p1"`,
      `"c2","COHORT B","2021-04-01","p2"`,
      "",
    ].join("\n");
    const both = await evaluateOnBothEngines({ referrals, ae, comparison }, covered);
    expect(byRowReader()).toEqual([]);
    expect(both.duckdb).toBe(both.stream);
    expect(both.duckdb).not.toMatch(/^exit/);
  });

  // Each row 3 breaks one rule of comparison.ts's: the SQL must not vouch for the file.
  const invalid: [string, string, string][] = [
    ["a day that does not exist", "c2,COHORT B,2021-02-30", "index_date"],
    ["a HES placeholder as an index date", "c2,COHORT B,1800-01-01", "index_date"],
    ["a patient written NULL", "NULL,COHORT B,2021-04-01", "patient_id"],
    ["an empty cohort", "c2,,2021-04-01", "cohort"],
    ["a cohort the referrals do not have", "c2,COHORT Z,2021-04-01", "cohort"],
    ["a patient listed twice", "c1,COHORT B,2021-04-01", "patient_id"],
  ];
  it.each(invalid)("leaves a file with %s to the row reader, which names it", async (_what, row, column) => {
    const comparison = `patient_id,cohort,index_date\nc1,COHORT A,2021-03-01\n${row}\n`;
    const both = await evaluateOnBothEngines({ referrals, ae, comparison }, covered);
    expect(byRowReader().length).toBe(1);
    expect(both.duckdb).toBe(both.stream);
    expect(both.duckdb).toMatch(new RegExp(`^exit 2\\n.*comparison\\.csv:3: ${column}: `, "m"));
  });

  it("leaves a file whose matched_to is empty on a row to the row reader, which names it", async () => {
    const comparison = `patient_id,cohort,index_date,matched_to\nc1,COHORT A,2021-03-01,p1\nc2,COHORT B,2021-04-01,\n`;
    const both = await evaluateOnBothEngines({ referrals, ae, comparison }, covered);
    expect(byRowReader().length).toBe(1);
    expect(both.duckdb).toBe(both.stream);
    expect(both.duckdb).toMatch(/^exit 2\n.*comparison\.csv:3: matched_to: /m);
  });
});
