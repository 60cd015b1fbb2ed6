import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, excluded, REFERRALS_HEADER } from "../helpers.js";

// Rule 1: the index date is the earliest intervention date; the index row is the first row in file
// order with that date; cohort, consent and age come from it; onward referrals are summed.
describe("rule 1: index date and index row", () => {
  const ae = csv`
    patient_id,arrival_date
    p1,2021-05-01
    p1,2021-07-01
  `;

  it("takes the earliest intervention date, wherever its row is in the file", async () => {
    const referrals = csv`
      ${REFERRALS_HEADER}
      p1,A,2021-06-15,y,1,40
      p1,A,2021-06-01,y,1,40
      p1,A,2021-06-20,y,1,40
    `;
    // Index 2021-06-01: 05-01 is pre, 07-01 is post. With 06-15 as index, 07-01 would still be post,
    // so also check with a window where only the right index date gives these counts.
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, window: "31d" });
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 1, post: 1 });
  });

  it("takes cohort, consent and age from the index row", async () => {
    const referrals = csv`
      ${REFERRALS_HEADER}
      p1,LATER,2021-07-01,n,0,17
      p1,FIRST,2021-06-01,y,0,40
    `;
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, requireConsent: true, minAge: 18 });
    expect(cohortRow(result, "ae_attendances", "FIRST").patients).toBe(1);
    expect(cohortRow(result, "ae_attendances", "LATER").patients).toBe(0);
  });

  it("breaks a tie of dates by file order: the first row is the index row", async () => {
    const referrals = csv`
      ${REFERRALS_HEADER}
      p1,FIRST,2021-06-01,y,1,40
      p1,SECOND,2021-06-01,n,1,15
    `;
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, requireConsent: true, minAge: 18 });
    expect(cohortRow(result, "ae_attendances", "FIRST").patients).toBe(1);
    expect(excluded(result, "no_consent")).toBe(0);
  });

  it("sums onward referrals over all the patient's rows", async () => {
    const referrals = csv`
      ${REFERRALS_HEADER}
      p1,A,2021-06-01,y,0,40
      p1,A,2021-06-10,y,1,40
      p1,A,2021-06-20,y,1,40
      p2,A,2021-06-01,y,1,40
    `;
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, minOnwardReferrals: 2 });
    expect(excluded(result, "too_few_onward_referrals")).toBe(1);
    expect(cohortRow(result, "ae_attendances", "A").patients).toBe(1);
  });

  it("treats an empty onward_referrals as 0 and reads consent words in any case", async () => {
    const referrals = csv`
      ${REFERRALS_HEADER}
      a,A,2021-06-01,YES,,40
      b,A,2021-06-01,True,1,40
      c,A,2021-06-01,1,1,40
      d,A,2021-06-01,Y,1,40
      e,A,2021-06-01,no,1,40
      f,A,2021-06-01,,1,40
      g,A,2021-06-01,consented,1,40
    `;
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, requireConsent: true, minOnwardReferrals: 1 });
    expect(excluded(result, "no_consent")).toBe(3);
    expect(excluded(result, "too_few_onward_referrals")).toBe(1);
    expect(cohortRow(result, "ae_attendances", "A").patients).toBe(3);
  });

  it("works without the optional columns", async () => {
    const referrals = csv`
      patient_id,cohort,intervention_date
      p1,A,2021-06-01
    `;
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 1, post: 1 });
  });

  it("compares patient identifiers as exact strings", async () => {
    const referrals = csv`
      patient_id,cohort,intervention_date
      P1,A,2021-06-01
      p1,A,2021-06-01
      01,A,2021-06-01
    `;
    const activity = csv`
      patient_id,arrival_date
      p1,2021-05-01
      1,2021-05-01
    `;
    const result = await evaluateExtracts({ referrals, ae: activity }, covered);
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 3, pre: 1 });
    expect(result.rows.activityOfOthers).toBe(1);
  });
});
