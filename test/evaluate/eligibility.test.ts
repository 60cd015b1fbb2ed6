import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, excluded, REFERRALS_HEADER } from "../helpers.js";

const ae = csv`
  patient_id,arrival_date
  nobody,2021-01-01
`;

// Rule 2: applied in order; a patient excluded by one rule is counted under that rule only.
describe("rule 2.1: outside_period", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    early,A,2020-12-31,y,1,40
    first,A,2021-01-01,y,1,40
    last,A,2022-07-31,y,1,40
    late,A,2022-08-01,y,1,40
    before,A,2020-11-01,y,1,40
    before,A,2021-03-01,y,1,40
  `;

  it("excludes index dates before --from or after --to, both bounds inclusive", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, from: "2021-01-01", to: "2022-07-31" });
    expect(excluded(result, "outside_period")).toBe(3);
    expect(cohortRow(result, "ae_attendances", "A").patients).toBe(2);
  });

  it("judges a patient by the first contact, even if later contacts fall inside the period", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, from: "2021-01-01" });
    expect(excluded(result, "outside_period")).toBe(2);
  });

  it("has each bound optional", async () => {
    expect(excluded(await evaluateExtracts({ referrals, ae }, { ...covered, to: "2022-07-31" }), "outside_period")).toBe(1);
    expect(excluded(await evaluateExtracts({ referrals, ae }, covered), "outside_period")).toBe(0);
  });
});

describe("rule 2.2: no_consent, only with --require-consent", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    a,A,2021-06-01,y,1,40
    b,A,2021-06-01,n,1,40
  `;
  it("is off by default", async () => {
    expect(excluded(await evaluateExtracts({ referrals, ae }, covered), "no_consent")).toBe(0);
  });
  it("excludes a patient whose index row has no consent", async () => {
    expect(excluded(await evaluateExtracts({ referrals, ae }, { ...covered, requireConsent: true }), "no_consent")).toBe(1);
  });
});

describe("rule 2.3: too_few_onward_referrals, only with --min-onward-referrals", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    a,A,2021-06-01,y,0,40
    b,A,2021-06-01,y,1,40
    c,A,2021-06-01,y,3,40
  `;
  it.each([
    [undefined, 0],
    [1, 1],
    [2, 2],
    [0, 0],
  ])("--min-onward-referrals %s excludes %d", async (min, count) => {
    const flags = min === undefined ? covered : { ...covered, minOnwardReferrals: min };
    expect(excluded(await evaluateExtracts({ referrals, ae }, flags), "too_few_onward_referrals")).toBe(count);
  });
});

describe("rule 2.4: age, only with --min-age", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    child,A,2021-06-01,y,1,17
    adult,A,2021-06-01,y,1,18
    unknown,A,2021-06-01,y,1,
  `;
  it("excludes the under-age and the unknown age", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, minAge: 18 });
    expect(excluded(result, "age")).toBe(2);
    expect(cohortRow(result, "ae_attendances", "A").patients).toBe(1);
  });
  it("is off by default, unknown ages included", async () => {
    expect(excluded(await evaluateExtracts({ referrals, ae }, covered), "age")).toBe(0);
  });
});

describe("rule 2.5: incomplete_window", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    a,A,2021-06-15,y,1,40
  `;
  it("keeps a patient whose windows are exactly covered", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { dataStart: "2020-12-15", dataEnd: "2021-12-15" });
    expect(excluded(result, "incomplete_window")).toBe(0);
  });
  it("excludes a patient whose look-back starts a day before the data", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { dataStart: "2020-12-16", dataEnd: "2021-12-15" });
    expect(excluded(result, "incomplete_window")).toBe(1);
  });
  it("excludes a patient whose follow-up ends a day after the data", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { dataStart: "2020-12-15", dataEnd: "2021-12-14" });
    expect(excluded(result, "incomplete_window")).toBe(1);
  });

  it("infers each extract's coverage from its own earliest and latest event, of any row, countable or not", async () => {
    const anyone = csv`
      patient_id,arrival_date,attendance_category
      stranger,2020-12-15,4
      a,2021-07-01,1
      other,2021-12-15,1
    `;
    const admissions = csv`
      patient_id,admission_date,admission_method
      other,2020-12-01,11
      other,2021-12-20,11
      other,1800-01-01,21
    `;
    // A&E 2020-12-15 to 2021-12-15, admissions 2020-12-01 to 2021-12-20: the run's is A&E's, and
    // a's windows (2020-12-15 to 2021-12-15) are exactly covered.
    const result = await evaluateExtracts({ referrals, ae: anyone, admissions });
    expect(result.settings).toMatchObject({
      dataStart: "2020-12-15",
      dataEnd: "2021-12-15",
      dataStartInferred: true,
      dataEndInferred: true,
      dataStartBoundBy: ["ae"],
      dataEndBoundBy: ["ae"],
    });
    expect(result.settings.coverage.admissions).toMatchObject({ start: "2020-12-01", end: "2021-12-20" });
    expect(result.settings.dataEndSource).toContain("ae.csv");
    expect(excluded(result, "incomplete_window")).toBe(0);
  });

  it("never lets a HES missing-date placeholder stretch the inferred coverage", async () => {
    const activity = csv`
      patient_id,arrival_date
      x,1800-01-01
      x,2021-01-01
      x,2021-12-31
    `;
    const result = await evaluateExtracts({ referrals, ae: activity });
    expect(result.settings.dataStart).toBe("2021-01-01");
    expect(excluded(result, "incomplete_window")).toBe(1);
  });

  it("infers one bound and takes the other as given", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { dataEnd: "2022-01-01" });
    expect(result.settings).toMatchObject({ dataStart: "2021-01-01", dataStartInferred: true, dataEnd: "2022-01-01", dataEndInferred: false });
  });

  it("stops the run where there are no events to infer the coverage from (rather than assuming it)", async () => {
    const empty = "patient_id,arrival_date\n";
    await expect(evaluateExtracts({ referrals, ae: empty })).rejects.toThrow(/has no dated row to infer its data coverage from/);
  });
});

describe("rule 2: the rules apply in order, each patient counted once", () => {
  const referrals = csv`
    ${REFERRALS_HEADER}
    all-wrong,A,2019-01-01,n,0,10
    consent-onward-age,A,2021-06-01,n,0,10
    onward-age,A,2021-06-01,y,0,10
    age-window,A,2022-07-01,y,1,10
    window,A,2022-07-01,y,1,40
    fine,A,2021-06-01,y,1,40
  `;
  it("counts each patient under the first rule that excludes them", async () => {
    const result = await evaluateExtracts(
      { referrals, ae },
      { from: "2021-01-01", requireConsent: true, minOnwardReferrals: 1, minAge: 18, dataStart: "2020-01-01", dataEnd: "2022-12-31" },
    );
    expect(result.attrition).toEqual([
      { reason: "invalid_referral_row", excluded: 0, remaining: 6 },
      { reason: "outside_period", excluded: 1, remaining: 5 },
      { reason: "no_consent", excluded: 1, remaining: 4 },
      { reason: "too_few_onward_referrals", excluded: 1, remaining: 3 },
      { reason: "age", excluded: 1, remaining: 2 },
      { reason: "incomplete_window", excluded: 1, remaining: 1 },
    ]);
  });
});
