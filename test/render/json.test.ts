import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderJson } from "../../src/render/json.js";

describe("JSON output: the spec's field names", () => {
  it("has the spec's blocks and fields, numbers unrounded", async () => {
    const json = JSON.parse(renderJson(await evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 0 }))));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["tool", "settings", "rows", "attrition", "outcomes"]));
    expect(json.tool).toEqual({ name: "prepost", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(Object.keys(json.settings).slice(0, 16)).toEqual([
      "from", "to", "window", "indexDay", "dataStart", "dataEnd", "dataStartInferred", "dataEndInferred",
      "dataStartSource", "dataEndSource", "dataStartBoundBy", "dataEndBoundBy", "coverage",
      "requireConsent", "minOnwardReferrals", "minAge",
    ]);
    expect(json.rows).toMatchObject({ referrals: 10, ae: 15, admissions: 6, activityOfOthers: 3, skipped: [] });
    expect(json.attrition.map((a: { reason: string }) => a.reason)).toEqual([
      "invalid_referral_row", "outside_period", "no_consent", "too_few_onward_referrals", "age", "incomplete_window",
    ]);
    expect(json.outcomes.map((o: { outcome: string; label: string }) => [o.outcome, o.label])).toEqual([
      ["ae_attendances", "A&E attendances"],
      ["unplanned_admissions", "Unplanned admissions"],
    ]);
    const carers = json.outcomes[0].cohorts[0];
    expect(Object.keys(carers)).toEqual(
      expect.arrayContaining(["cohort", "label", "patients", "pre", "post", "pre_per_patient", "post_per_patient", "change_pct"]),
    );
    expect(carers.pre_per_patient).toBe(4 / 3);
    expect(json.outcomes[0].total.cohort).toBe("Total");
  });

  it("writes null, never NaN, for a figure that cannot be computed", async () => {
    const text = renderJson(await evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 0 })));
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text).outcomes[1].cohorts[1].change_pct).toBeNull();
  });
});
