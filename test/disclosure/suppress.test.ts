import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { disclosed, disclosedCount, SUPPRESSED_MARK } from "../../src/disclosure/rule.js";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { suppressRow } from "../../src/disclosure/suppress-row.js";
import { fragileRowWarnings } from "../../src/stats/fragile.js";
import type { CohortFigures, Result } from "../../src/result.js";

/** A cohort row with the figures evaluate would give for these counts (rule 5). */
function row(patients: number, pre: number, post: number, extra: Partial<CohortFigures> = {}): CohortFigures {
  return {
    cohort: "C",
    label: "C",
    patients,
    pre,
    post,
    pre_per_patient: patients ? pre / patients : null,
    post_per_patient: patients ? post / patients : null,
    change_pct: pre ? ((post - pre) / pre) * 100 : null,
    ...extra,
  };
}

describe("the NHS England HES/ECDS rule on one count", () => {
  it("keeps 0 as 0", () => expect(disclosedCount(0)).toBe(0));
  it("suppresses every count from 1 to 7", () => {
    for (const count of [1, 2, 3, 4, 5, 6, 7]) expect(disclosedCount(count)).toBeNull();
  });
  it("rounds 8 and above to the nearest 5", () => {
    expect(disclosedCount(8)).toBe(10);
    expect(disclosedCount(10)).toBe(10);
    expect(disclosedCount(12)).toBe(10);
    expect(disclosedCount(13)).toBe(15);
    expect(disclosedCount(1486)).toBe(1485);
    expect(disclosedCount(1488)).toBe(1490);
  });
  it("never meets a half: n mod 5 = 2 rounds down and 3 up (halves would go up)", () => {
    expect(disclosedCount(22)).toBe(20);
    expect(disclosedCount(23)).toBe(25);
    expect(disclosedCount(2502)).toBe(2500);
    expect(disclosedCount(2503)).toBe(2505);
  });
  it("refuses what is not a count", () => {
    expect(() => disclosedCount(2.5)).toThrow(/whole number/);
    expect(() => disclosedCount(-1)).toThrow(/whole number/);
  });
  it("shows a withheld field as * whatever its text", () => {
    expect(disclosed({ suppressed: ["pre"] }, "pre", "n/a")).toBe(SUPPRESSED_MARK);
    expect(disclosed({ suppressed: ["pre"] }, "post", "12")).toBe("12");
    expect(disclosed({}, "pre", "12")).toBe("12");
  });
});

describe("a cohort row under suppression", () => {
  it("rounds the counts and recomputes rates and the change from the rounded counts", () => {
    const shown = suppressRow(row(1486, 363, 291));
    expect(shown).toMatchObject({ patients: 1485, pre: 365, post: 290, suppressed: [] });
    expect(shown.pre_per_patient).toBe(365 / 1485);
    expect(shown.post_per_patient).toBe(290 / 1485);
    expect(shown.change_pct).toBe(((290 - 365) / 365) * 100);
  });

  it("withholds a rate, share or change any of whose counts is suppressed", () => {
    const shown = suppressRow(row(13, 7, 12, { pre_any_pct: (5 / 13) * 100, post_any_pct: (9 / 13) * 100 }));
    expect(shown).toMatchObject({ patients: 15, pre: null, post: 10, pre_per_patient: null, change_pct: null });
    expect(shown.post_per_patient).toBe(10 / 15);
    expect(shown.pre_any_pct).toBeNull();
    expect(shown.post_any_pct).toBe((10 / 15) * 100);
    expect(shown.suppressed).toEqual(["pre", "pre_per_patient", "change_pct", "pre_any_pct"]);
  });

  it("keeps 0 as 0, and a change from 0 not computable rather than suppressed", () => {
    const shown = suppressRow(row(20, 0, 0));
    expect(shown).toMatchObject({ patients: 20, pre: 0, post: 0, pre_per_patient: 0, change_pct: null, suppressed: [] });
  });

  it("withholds every rate of a row whose patients are suppressed", () => {
    const shown = suppressRow(row(1, 0, 0));
    expect(shown.suppressed).toEqual(["patients", "pre_per_patient", "post_per_patient"]);
    expect(shown.change_pct).toBeNull();
  });

  it("keeps the intervals and p-value of a row none of whose counts is suppressed", () => {
    const shown = suppressRow(row(1486, 363, 291, { test: "wilcoxon_signed_rank", p_value: 0.012, ci_low: -31.2, ci_high: -8.75 }));
    expect(shown).toMatchObject({ p_value: 0.012, ci_low: -31.2, ci_high: -8.75, suppressed: [] });
  });
  it("recomputes the prior-window check, the comparison and the difference in differences", () => {
    const shown = suppressRow(
      row(100, 52, 41, {
        prior_patients: 90,
        prior: 38,
        prior_pre: 47,
        prior_change_pct: ((47 - 38) / 38) * 100,
        comparison: { patients: 98, pre: 50, post: 6, change_pct: -88, ci_low: -95, ci_high: -70 },
        did_pct: 66,
        did_ci_low: 40,
        did_ci_high: 90,
      }),
    );
    expect(shown).toMatchObject({ prior_patients: 90, prior: 40, prior_pre: 45 });
    expect(shown.prior_change_pct).toBe(((45 - 40) / 40) * 100);
    // The comparison's post (6) is suppressed: with it the row's intervals (its comparison's, its DiD's).
    expect(shown.comparison).toEqual({ patients: 100, pre: 50, post: null, change_pct: null, ci_low: null, ci_high: null });
    expect(shown.did_pct).toBeNull();
    expect(shown).toMatchObject({ did_ci_low: null, did_ci_high: null });
    expect(shown.suppressed).toEqual(["comparison_post", "comparison_change_pct", "did_pct", "comparison_ci_low", "comparison_ci_high", "did_ci_low", "did_ci_high"]);
  });

  it("costs the rounded counts, withholding a cost whose count is suppressed", () => {
    const shown = suppressRow(row(40, 12, 3, { unit_cost: 100, cost_pre: 1200, cost_post: 300, cost_change: -900 }));
    expect(shown).toMatchObject({ unit_cost: 100, cost_pre: 1000, cost_post: null, cost_change: null });
    expect(shown.suppressed).toEqual(["post", "post_per_patient", "change_pct", "cost_post", "cost_change"]);
  });

  it("passes the counts in a warning through the rule", () => {
    const shown = suppressRow(row(12, 3, 1, { warnings: fragileRowWarnings(12, 3) }));
    expect(shown.warnings).toEqual([
      expect.stringMatching(/^Fewer than 30 patients \(10\): /),
      expect.stringMatching(/^Fewer than 10 events in the pre window \(\*\): /),
    ]);
  });

  it("words a suppressed count of 1 exactly as one of 7 (no 'patient' against 'patients')", () => {
    const one = suppressRow(row(1, 1, 0, { warnings: fragileRowWarnings(1, 1) }));
    const seven = suppressRow(row(7, 7, 0, { warnings: fragileRowWarnings(7, 7) }));
    expect(one.warnings).toEqual(seven.warnings);
    expect(one.warnings!.join(" ")).not.toMatch(/\b[1-7]\b/);
  });
});

describe("intervals and p-values of a row with a suppressed count (an interval over 1-7 can give it away)", () => {
  const statistics = { test: "wilcoxon_signed_rank", p_value: 0.5, ci_low: -80, ci_high: 40 } as const;

  it("withholds them where the row's patients, pre or post are from 1 to 7", () => {
    // 5 patients, 3 before, 2 after: all three counts are 1-7, so every figure of the row is withheld.
    const shown = suppressRow(row(5, 3, 2, statistics));
    expect(shown).toMatchObject({ patients: null, pre: null, post: null, change_pct: null, test: "wilcoxon_signed_rank", p_value: null, ci_low: null, ci_high: null });
    expect(shown.suppressed).toEqual(["patients", "pre", "post", "pre_per_patient", "post_per_patient", "change_pct", "p_value", "ci_low", "ci_high"]);
  });

  it("withholds them where only one count is from 1 to 7, the change shown or not", () => {
    // 200 patients (→ 200), 40 before (→ 40), 6 after (suppressed).
    const shown = suppressRow(row(200, 40, 6, statistics));
    expect(shown).toMatchObject({ patients: 200, pre: 40, post: null, p_value: null, ci_low: null, ci_high: null });
    expect(shown.suppressed).toEqual(["post", "post_per_patient", "change_pct", "p_value", "ci_low", "ci_high"]);
  });

  it("withholds them where the suppressed count is the patients with any use", () => {
    // 200 patients, 5 of them with any use before (5/200 = 2.5%): the share is withheld, and the intervals with it.
    const shown = suppressRow(row(200, 40, 30, { ...statistics, pre_any_pct: 2.5, post_any_pct: 10 }));
    expect(shown).toMatchObject({ pre_any_pct: null, post_any_pct: 10, p_value: null, ci_low: null, ci_high: null });
    expect(shown.suppressed).toEqual(["pre_any_pct", "p_value", "ci_low", "ci_high"]);
  });

  it("withholds them where the suppressed count is in the prior-window check", () => {
    const shown = suppressRow(row(200, 40, 30, { ...statistics, prior_patients: 150, prior: 4, prior_pre: 30, prior_change_pct: 650 }));
    expect(shown).toMatchObject({ prior: null, prior_change_pct: null, p_value: null, ci_low: null, ci_high: null });
  });

  it("withholds the difference in differences' interval with the referred patients' where theirs has a suppressed count", () => {
    const shown = suppressRow(
      row(6, 30, 20, {
        ...statistics,
        comparison: { patients: 40, pre: 30, post: 25, change_pct: ((25 - 30) / 30) * 100, ci_low: -40, ci_high: 10 },
        did_pct: ((20 - 30) / 30) * 100 - ((25 - 30) / 30) * 100,
        did_ci_low: -70,
        did_ci_high: 30,
      }),
    );
    expect(shown.comparison).toEqual({ patients: 40, pre: 30, post: 25, change_pct: ((25 - 30) / 30) * 100, ci_low: null, ci_high: null });
    // 6 patients are suppressed; their change (30 → 20) and the DiD are not, being computed from rounded counts.
    expect(shown).toMatchObject({ patients: null, change_pct: ((20 - 30) / 30) * 100, did_pct: ((20 - 30) / 30) * 100 - ((25 - 30) / 30) * 100, did_ci_low: null, did_ci_high: null, p_value: null, ci_low: null });
  });

  it("leaves a figure that was not computable null, and does not list it", () => {
    const shown = suppressRow(row(5, 3, 2, { test: "wilcoxon_signed_rank", p_value: null, ci_low: null, ci_high: null }));
    expect(shown).toMatchObject({ p_value: null, ci_low: null, ci_high: null });
    expect(shown.suppressed).not.toContain("ci_low");
    expect(shown.suppressed).not.toContain("p_value");
  });
});

describe("a whole result under suppression", () => {
  async function fullResult(): Promise<Result> {
    return JSON.parse(await readFile(new URL("../render/full-result.json", import.meta.url), "utf8"));
  }

  it("rounds each total from its true value, never summing rounded parts", async () => {
    const result = await fullResult();
    const shown = suppressResult(result);
    const ae = shown.outcomes[0]!;
    expect(ae.total.pre).toBe(3265); // true 3,264; the rounded parts sum to 365+1635+230+1030+0 = 3,260
    expect(ae.cohorts.map((c) => c.pre)).toEqual([365, 1635, 230, 1030, null]);
    expect(shown.referred).toBe(7400);
    expect(shown.attrition.at(-1)).toEqual({ reason: "incomplete_window", excluded: 30, remaining: 5920, suppressed: [] });
    expect(shown.comparison_listed).toBe(6200);
    expect(shown.comparison_attrition!.at(-1)).toMatchObject({ excluded: 165, remaining: 5895 });
  });

  it("puts every count of the row accounts through the rule and withholds the skipped lines", async () => {
    const shown = suppressResult(await fullResult());
    expect(shown.rows.accounts.ae_attendances).toMatchObject({ skipped: null, onIndexDay: 60, notCountable: { missing_date: 15 } });
    expect(shown.rows.accounts.ae_attendances!.suppressed).toEqual(["skipped"]);
    expect(shown.rows.accounts.unplanned_admissions!.suppressed).toEqual(["notCountable.missing_date"]);
    expect(shown.rows.skipped[0]).toMatchObject({ rows: null, lines: [], suppressed: ["rows"] });
  });

  it("says so, by which rule, and leaves the evaluated result untouched", async () => {
    const result = await fullResult();
    const before = JSON.stringify(result);
    const shown = suppressResult(result);
    expect(shown.disclosure?.rule).toBe("nhs_england_hes_ecds");
    expect(shown.disclosure?.note).toMatch(/1 to 7 as \*.*nearest 5/);
    expect(Object.keys(shown).slice(0, 4)).toEqual(["tool", "settings", "inputs", "disclosure"]);
    expect(JSON.stringify(result)).toBe(before);
  });

  it("withholds the intervals of a cohort with a small count, keeping the Total's", async () => {
    const shown = suppressResult(await fullResult());
    const ae = shown.outcomes[0]!;
    // The pilot: 12 patients (→ 10), 7 before (suppressed), 3 after (suppressed); the Total's counts are all over 7.
    const pilot = ae.cohorts[4]!;
    expect(pilot).toMatchObject({ p_value: null, ci_low: null, ci_high: null, did_ci_low: null, did_ci_high: null });
    expect(pilot.comparison).toMatchObject({ ci_low: null, ci_high: null });
    expect(ae.total).toMatchObject({ p_value: 3.1e-9, ci_low: -24.1, ci_high: -15.9, did_ci_low: -19.9, did_ci_high: -7 });
    expect(ae.total.comparison).toMatchObject({ ci_low: -7.9, ci_high: 0.4 });
    expect(ae.total.suppressed).toEqual([]);
  });
});
