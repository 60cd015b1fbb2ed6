import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, evaluateWithConfig } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;

// Inputs: an extract is counted one row per spell; in an episode-level extract only episode 1 counts.
describe("admissions: first episodes only, where an episode_order column is mapped", () => {
  const episodes = csv`
    PSEUDO_HESID,ADMIDATE,ADMIMETH,EPIORDER
    p1,2021-05-01,21,1
    p1,2021-05-01,21,2
    p1,2021-05-01,21,3
    p1,2021-05-10,21,01
    p1,2021-05-20,21,99
    p1,2021-05-20,11,1
  `;
  it("counts episode 1 (HES writes 01) and reports the others as later_episode", async () => {
    const result = await evaluateWithConfig(
      { "referrals.csv": referrals, "apc.csv": episodes },
      {
        referrals: "referrals.csv",
        admissions: "apc.csv",
        columns: {
          admissions: { patient_id: "PSEUDO_HESID", admission_date: "ADMIDATE", admission_method: "ADMIMETH", episode_order: "EPIORDER" },
        },
        ...covered,
      },
    );
    expect(cohortRow(result, "unplanned_admissions", "A").pre).toBe(2);
    expect(result.rows.accounts.unplanned_admissions!.notCountable).toMatchObject({ later_episode: 3, not_emergency: 1 });
  });

  it("reads an episode_order column under its default name without mapping", async () => {
    const admissions = csv`
      patient_id,admission_date,admission_method,episode_order
      p1,2021-05-01,21,1
      p1,2021-05-01,21,2
    `;
    const result = await evaluateExtracts({ referrals, admissions }, covered);
    expect(cohortRow(result, "unplanned_admissions", "A").pre).toBe(1);
  });

  it("counts every row of a spell-level extract without the column", async () => {
    const admissions = csv`
      patient_id,admission_date,admission_method
      p1,2021-05-01,21
      p1,2021-05-01,21
    `;
    const result = await evaluateExtracts({ referrals, admissions }, covered);
    expect(cohortRow(result, "unplanned_admissions", "A").pre).toBe(2);
  });
});
