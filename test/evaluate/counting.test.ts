import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
  quiet,A,2021-06-15
`;

// Rule 4: countable rows in each window; every eligible patient counts, with zero if they had none.
describe("rule 4: the denominator is every eligible referred patient", () => {
  it("counts patients with no activity with zero", async () => {
    const ae = csv`
      patient_id,arrival_date
      p1,2021-05-01
    `;
    const row = cohortRow(await evaluateExtracts({ referrals, ae }, covered), "ae_attendances", "A");
    expect(row).toMatchObject({ patients: 2, pre: 1, post: 0, pre_per_patient: 0.5, post_per_patient: 0 });
  });

  it("ignores the activity of people who were never referred, and reports how many rows it was", async () => {
    const ae = csv`
      patient_id,arrival_date
      p1,2021-05-01
      stranger,2021-05-01
      stranger,2021-07-01
    `;
    const admissions = csv`
      patient_id,admission_date,admission_method
      stranger,2021-05-01,21
    `;
    const result = await evaluateExtracts({ referrals, ae, admissions }, covered);
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(1);
    expect(result.rows.activityOfOthers).toBe(3);
    expect(result.rows.accounts.ae_attendances!.activityOfOthers).toBe(2);
    expect(result.rows.accounts.unplanned_admissions!.activityOfOthers).toBe(1);
  });
});

describe("rule 4: A&E attendance categories", () => {
  const ae = csv`
    patient_id,arrival_date,attendance_category
    p1,2021-05-01,1
    p1,2021-05-02,2
    p1,2021-05-03,3
    p1,2021-05-04,4
    p1,2021-05-05,
    p1,2021-05-06,9
  `;
  it("ECDS (default): planned follow-up 4 is not counted", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(5);
    expect(result.rows.accounts.ae_attendances!.notCountable.excluded_category).toBe(1);
  });
  it("HES (--ae-coding hes): planned follow-up 2 is not counted", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, aeCoding: "hes" });
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(5);
    expect(result.settings.excludedAttendanceCategories).toEqual(["2"]);
  });
  it("the config can replace the list", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, excludedAttendanceCategories: ["2", "4", "9"] });
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(3);
  });
  it("counts every row where the extract has no category column", async () => {
    const plain = csv`
      patient_id,arrival_date
      p1,2021-05-01
      p1,2021-05-04
    `;
    expect(cohortRow(await evaluateExtracts({ referrals, ae: plain }, covered), "ae_attendances", "A").pre).toBe(2);
  });
});

describe("rule 4: only unplanned admissions count", () => {
  const admissions = csv`
    patient_id,admission_date,admission_method
    p1,2021-05-01,21
    p1,2021-05-01,22
    p1,2021-05-01,23
    p1,2021-05-01,24
    p1,2021-05-01,25
    p1,2021-05-01,2a
    p1,2021-05-01,2B
    p1,2021-05-01, 2C
    p1,2021-05-01,2D
    p1,2021-05-01,28
    p1,2021-05-01,11
    p1,2021-05-01,12
    p1,2021-05-01,13
    p1,2021-05-01,31
    p1,2021-05-01,32
    p1,2021-05-01,81
    p1,2021-05-01,82
    p1,2021-05-01,83
    p1,2021-05-01,98
    p1,2021-05-01,99
    p1,2021-05-01,
    p1,2021-05-01,26
  `;
  it("counts the emergency methods (trimmed, any case) and nothing else", async () => {
    const result = await evaluateExtracts({ referrals, admissions }, covered);
    expect(cohortRow(result, "unplanned_admissions", "A").pre).toBe(10);
    expect(result.rows.accounts.unplanned_admissions!.notCountable.not_emergency).toBe(12);
  });

  it("counts only first episodes where an episode_order column is mapped", async () => {
    const episodes = csv`
      patient_id,admission_date,admission_method,EPIORDER
      p1,2021-05-01,21,1
      p1,2021-05-01,21,2
      p1,2021-05-01,21,3
      p1,2021-05-10,21,01
      p1,2021-05-10,21,
    `;
    const result = await evaluateExtracts(
      { referrals, admissions: episodes },
      { ...covered },
    );
    // Not mapped, but EPIORDER is HES's name for episode_order: taken, and said so in the output.
    expect(result.inputs.columns.admissions!.episode_order).toEqual({ header: "EPIORDER", by: "well_known_name" });
    expect(cohortRow(result, "unplanned_admissions", "A").pre).toBe(2);
    expect(result.rows.accounts.unplanned_admissions!.notCountable.later_episode).toBe(3);
  });
});

describe("rule 4: HES missing-date placeholders are not countable", () => {
  it("reports them as missing_date", async () => {
    const ae = csv`
      patient_id,arrival_date
      p1,1800-01-01
      p1,1801-01-01
      p1,2021-05-01
    `;
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(cohortRow(result, "ae_attendances", "A").pre).toBe(1);
    expect(result.rows.accounts.ae_attendances!.notCountable.missing_date).toBe(2);
  });
});

describe("rule 4: every activity row is accounted for", () => {
  it("adds up: read = skipped + others + not countable + excluded patients + outside + index day + counted", async () => {
    const many = csv`
      patient_id,cohort,intervention_date,consent
      p1,A,2021-06-15,y
      p2,A,2021-06-15,n
    `;
    const ae = csv`
      patient_id,arrival_date,attendance_category
      p1,2021-05-01,1
      p1,2021-07-01,1
      p1,2021-06-15,1
      p1,2020-01-01,1
      p1,2020-10-01,1
      p1,2021-05-01,4
      p2,2021-05-01,1
      x,2021-05-01,1
      p1,not-a-date,1
    `;
    const result = await evaluateExtracts({ referrals: many, ae }, { ...covered, requireConsent: true, skipInvalid: true });
    const account = result.rows.accounts.ae_attendances!;
    expect(account).toEqual({
      read: 9,
      skipped: 1,
      activityOfOthers: 1,
      // The outcome's own reasons, and missing_date.
      notCountable: { excluded_category: 1, missing_date: 0 },
      ofExcludedPatients: 1,
      outsideWindows: 2,
      onIndexDay: 1,
      counted: 2,
    });
    expect(result.rows.ae).toBe(9);
  });
});
