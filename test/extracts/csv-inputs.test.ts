import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, evaluateWithConfig } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;

// Inputs: real exports carry a BOM, CRLF, quoted fields, padded values, odd header case.
describe("inputs: CSV as real exports write it", () => {
  it("reads a byte-order mark and CRLF line ends", async () => {
    const ae = "\uFEFFpatient_id,arrival_date\r\np1,2021-05-01\r\np1,2021-07-01\r\n";
    const bomReferrals = `\uFEFF${referrals.replace(/\n/g, "\r\n")}`;
    const row = cohortRow(await evaluateExtracts({ referrals: bomReferrals, ae }, covered), "ae_attendances", "A");
    expect(row).toMatchObject({ pre: 1, post: 1 });
  });

  it("reads quoted fields holding commas, quotes and new lines", async () => {
    const quoted = 'patient_id,cohort,intervention_date,notes\r\n"p1","Adult ""Carers"", West Kent",2021-06-15,"line one\r\nline two"\r\np2,B,2021-06-15,\r\n';
    const ae = csv`
      patient_id,arrival_date
      p1,2021-05-01
    `;
    const result = await evaluateExtracts({ referrals: quoted, ae }, covered);
    expect(cohortRow(result, "ae_attendances", 'Adult "Carers", West Kent').pre).toBe(1);
    expect(result.rows.referrals).toBe(2);
  });

  it("trims the white space around every field", async () => {
    const padded = "patient_id , cohort,intervention_date\n  p1 ,  A  , 2021-06-15 \n";
    const ae = "patient_id,arrival_date\n p1 ,\t2021-05-01 \n";
    expect(cohortRow(await evaluateExtracts({ referrals: padded, ae }, covered), "ae_attendances", "A").pre).toBe(1);
  });

  it("matches header names without regard to case, and ignores columns no rule reads", async () => {
    const upper = "PATIENT_ID,Unused,Cohort,Intervention_Date\np1,x,A,2021-06-15\n";
    const ae = "Patient_Id,ARRIVAL_DATE,Something_Else\np1,2021-05-01,zzz\n";
    expect(cohortRow(await evaluateExtracts({ referrals: upper, ae }, covered), "ae_attendances", "A").pre).toBe(1);
  });

  it("skips blank lines, which are not rows, and keeps line numbers right after them", async () => {
    const gappy = "patient_id,cohort,intervention_date\n\np1,A,2021-06-15\n\n\np2,A,2021-06-15\n";
    const ae = "patient_id,arrival_date\np1,2021-05-01\n\n";
    const result = await evaluateExtracts({ referrals: gappy, ae }, covered);
    expect(result.rows.referrals).toBe(2);
    expect(result.rows.ae).toBe(1);
  });

  it("reads a file with no final new line", async () => {
    const ae = "patient_id,arrival_date\np1,2021-05-01";
    expect(cohortRow(await evaluateExtracts({ referrals, ae }, covered), "ae_attendances", "A").pre).toBe(1);
  });

  it("reads date-times, keeping the day only", async () => {
    const ae = "patient_id,arrival_date\np1,2021-06-14 23:59:59.997\np1,2021-06-15T00:00:01\np1,2021-06-16T00:00:00\n";
    expect(cohortRow(await evaluateExtracts({ referrals, ae }, covered), "ae_attendances", "A")).toMatchObject({ pre: 1, post: 1 });
  });

  it("reads DD/MM/YYYY with --date-format dmy, in every extract", async () => {
    const dmyReferrals = "patient_id,cohort,intervention_date\np1,A,15/06/2021\n";
    const ae = "patient_id,arrival_date\np1,01/05/2021 10:22\np1,01/07/2021\n";
    const result = await evaluateExtracts(
      { referrals: dmyReferrals, ae },
      { ...covered, dateFormat: "dmy", from: "2021-06-01" },
    );
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 1, post: 1 });
  });
});

describe("inputs: column mapping from the config", () => {
  it("reads SUS+ style columns through the mapping; unmapped columns keep their default name", async () => {
    const sus = csv`
      Der_Pseudo_NHS_Number,Arrival_Date,attendance_category
      p1,2021-05-01,1
      p1,2021-05-02,4
    `;
    const result = await evaluateWithConfig(
      { "r.csv": referrals, "sus.csv": sus },
      { referrals: "r.csv", ae: "sus.csv", columns: { ae: { patient_id: "Der_Pseudo_NHS_Number", arrival_date: "arrival_date" } }, ...covered },
    );
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(1);
  });
});
