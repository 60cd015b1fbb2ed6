import { describe, expect, it } from "vitest";
import { rowOrderBefore } from "../../src/core/index-patients.js";
import { cohortRow, csv, evaluateExtracts } from "../helpers.js";

describe("rule 1 with row_order mapped (warehouse.md): ties on the earliest date go to the first row by it", () => {
  it("orders whole numbers as numbers and other text as text", () => {
    expect(rowOrderBefore("9", "10")).toBe(true);
    expect(rowOrderBefore("010", "9")).toBe(false);
    expect(rowOrderBefore("b7", "b10")).toBe(false);
  });

  it("takes the index row's cohort from the row with the lower row_order, wherever it stands in the file", async () => {
    const result = await evaluateExtracts(
      {
        referrals: csv`
          patient_id,cohort,intervention_date,row_order
          p1,B,2021-06-15,20
          p1,A,2021-06-15,3
        `,
        ae: "patient_id,arrival_date\np1,2021-05-01\n",
      },
      { dataStart: "2020-01-01", dataEnd: "2022-12-31" },
    );
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 1 });
    expect(cohortRow(result, "ae_attendances", "B")).toMatchObject({ patients: 0 });
  });
});
