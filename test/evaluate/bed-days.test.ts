import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../src/config/resolve-run.js";
import type { ActivityRowAccount, Result } from "../../src/result.js";
import { cohortRow, covered, csv, evaluateExtracts, evaluateWithConfig, outcome, runCli, workspace } from "../helpers.js";
import { expectAccountAddsUp, inputErrorOf } from "./row-account-sum.js";

/**
 * outcomes.md, "Emergency bed days": a spell's nights are the days d with admission ≤ d < discharge,
 * each placed in the window its own day falls in (evaluation.md rule 3), whatever window the
 * admission fell in. Every expectation below was worked out by hand from the spec, night by night.
 *
 * Every patient is referred on 2021-06-15 with `--window 10d`, so (rule 3):
 *   prior window  2021-05-26 ≤ d < 2021-06-05   (index − 2N, for the prior-window check; not reported as pre/post)
 *   pre window    2021-06-05 ≤ d < 2021-06-15   (10 days: 05 … 14)
 *   index day     2021-06-15
 *   post window   2021-06-15 < d ≤ 2021-06-25   (10 days: 16 … 25)
 * Each case is a patient in a cohort of its own, so that a cohort's row is that case's nights.
 */
const INDEX = "2021-06-15";
const BED_DAYS = ["unplanned_admissions", "emergency_bed_days"];

function referralsOf(cases: readonly string[], index = INDEX): string {
  return `patient_id,cohort,intervention_date\n${cases.map((c) => `${c},${c},${index}`).join("\n")}\n`;
}

async function bedDays(admissions: string, cases: readonly string[], flags: Omit<RunFlags, "referrals" | "admissions"> = {}): Promise<Result> {
  return evaluateExtracts({ referrals: referralsOf(cases), admissions }, { window: "10d", outcomes: BED_DAYS, ...covered, ...flags });
}

const nights = (result: Result, cohort: string) => {
  const row = cohortRow(result, "emergency_bed_days", cohort);
  return { pre: row.pre, post: row.post };
};
const admissionsOf = (result: Result, cohort: string) => {
  const row = cohortRow(result, "unplanned_admissions", cohort);
  return { pre: row.pre, post: row.post };
};

const CASES = ["inpre", "sameday", "before", "spanidx", "onidx", "spanend", "whole", "elective"];
// Line numbers (header = line 1) in comments: the row account below counts them.
const SPELLS = csv`
  patient_id,admission_date,admission_method,discharge_date
  inpre,2021-06-08,21,2021-06-10
  sameday,2021-06-11,22,2021-06-11
  before,2021-06-01,21,2021-06-07
  spanidx,2021-06-13,2A,2021-06-18
  onidx,2021-06-15,21,2021-06-16
  spanend,2021-06-24,21,2021-06-28
  whole,2021-05-01,21,2021-07-10
  elective,2021-06-08,11,2021-06-12
  q9,2021-06-08,21,2021-06-12
`;

describe("emergency bed days: the nights admission ≤ d < discharge, each in the window its day falls in", () => {
  it("places each night by its own day (--index-day exclude, the default)", async () => {
    const result = await bedDays(SPELLS, CASES);
    expect(outcome(result, "emergency_bed_days")).toMatchObject({ label: "Emergency bed days", extract: "admissions", unit: "nights" });
    expect(outcome(result, "unplanned_admissions").unit).toBe("rows");
    // inpre: admitted 06-08, discharged 06-10 → nights 06-08, 06-09, both pre.
    expect(nights(result, "inpre")).toEqual({ pre: 2, post: 0 });
    expect(admissionsOf(result, "inpre")).toEqual({ pre: 1, post: 0 });
    // sameday: admitted and discharged 06-11 → no night (06-11 ≤ d < 06-11 is empty); still one admission.
    expect(nights(result, "sameday")).toEqual({ pre: 0, post: 0 });
    expect(admissionsOf(result, "sameday")).toEqual({ pre: 1, post: 0 });
    // before: admitted 06-01 (in the prior window, before pre_start 06-05), discharged 06-07 → nights
    // 06-01 … 06-06; 06-01 … 06-04 are before pre_start, 06-05 and 06-06 are pre. The admission itself is
    // outside the pre window, so it is not an unplanned admission of the pre window.
    expect(nights(result, "before")).toEqual({ pre: 2, post: 0 });
    expect(admissionsOf(result, "before")).toEqual({ pre: 0, post: 0 });
    // spanidx: admitted 06-13, discharged 06-18 → nights 13, 14 (pre), 15 (index day: not counted), 16, 17 (post).
    expect(nights(result, "spanidx")).toEqual({ pre: 2, post: 2 });
    expect(admissionsOf(result, "spanidx")).toEqual({ pre: 1, post: 0 });
    // onidx: admitted on the index day 06-15, discharged 06-16 → one night, 06-15, the index day: not counted.
    expect(nights(result, "onidx")).toEqual({ pre: 0, post: 0 });
    expect(admissionsOf(result, "onidx")).toEqual({ pre: 0, post: 0 });
    // spanend: admitted 06-24, discharged 06-28 → nights 24, 25 (post; post_end is 06-25), 26, 27 (after post_end).
    expect(nights(result, "spanend")).toEqual({ pre: 0, post: 2 });
    expect(admissionsOf(result, "spanend")).toEqual({ pre: 0, post: 1 });
    // whole: admitted 05-01 (before even the prior window), discharged 07-10 → nights 05-01 … 07-09:
    // pre 06-05 … 06-14 = 10, index day 06-15 not counted, post 06-16 … 06-25 = 10.
    expect(nights(result, "whole")).toEqual({ pre: 10, post: 10 });
    expect(admissionsOf(result, "whole")).toEqual({ pre: 0, post: 0 });
    // elective: method 11 is not an emergency method: no spell, so no nights, whatever its length.
    expect(nights(result, "elective")).toEqual({ pre: 0, post: 0 });
    // Total: pre 2+0+2+2+0+0+10+0 = 16, post 0+0+0+2+0+2+10+0 = 14, over 8 patients.
    expect(cohortRow(result, "emergency_bed_days", "Total")).toMatchObject({ patients: 8, pre: 16, post: 14, pre_per_patient: 2, post_per_patient: 14 / 8 });
    // change_pct = (14 − 16) / 16 × 100
    expect(cohortRow(result, "emergency_bed_days", "Total").change_pct).toBeCloseTo(-12.5, 10);
  });

  it("counts the index day's night in the window --index-day pre puts it in", async () => {
    const result = await bedDays(SPELLS, CASES, { indexDay: "pre" });
    // spanidx: 13, 14, 15 pre; 16, 17 post.
    expect(nights(result, "spanidx")).toEqual({ pre: 3, post: 2 });
    // onidx: the night of 06-15 is pre; the admission on 06-15 is pre too.
    expect(nights(result, "onidx")).toEqual({ pre: 1, post: 0 });
    expect(admissionsOf(result, "onidx")).toEqual({ pre: 1, post: 0 });
    // whole: 10 + the index day's night.
    expect(nights(result, "whole")).toEqual({ pre: 11, post: 10 });
    // The others are as with exclude.
    expect(nights(result, "before")).toEqual({ pre: 2, post: 0 });
    expect(nights(result, "spanend")).toEqual({ pre: 0, post: 2 });
  });

  it("counts the index day's night in the window --index-day post puts it in", async () => {
    const result = await bedDays(SPELLS, CASES, { indexDay: "post" });
    // spanidx: 13, 14 pre; 15, 16, 17 post.
    expect(nights(result, "spanidx")).toEqual({ pre: 2, post: 3 });
    expect(nights(result, "onidx")).toEqual({ pre: 0, post: 1 });
    expect(admissionsOf(result, "onidx")).toEqual({ pre: 0, post: 1 });
    expect(nights(result, "whole")).toEqual({ pre: 10, post: 11 });
  });

  it("reads calendar-month windows with the month end clamped (rule 3)", async () => {
    // Index 2021-08-31, 6m: pre_start = 2021-02-28 (31 Feb clamped), post_end = 2022-02-28.
    // Admitted 2021-02-26, discharged 2021-03-02 → nights 02-26, 02-27 (before pre_start), 02-28, 03-01 (pre).
    // Admitted 2022-02-27, discharged 2022-03-03 → nights 02-27, 02-28 (post), 03-01, 03-02 (after post_end).
    const result = await evaluateExtracts(
      {
        referrals: "patient_id,cohort,intervention_date\np1,A,2021-08-31\n",
        admissions: "patient_id,admission_date,admission_method,discharge_date\np1,2021-02-26,21,2021-03-02\np1,2022-02-27,21,2022-03-03\n",
      },
      { outcomes: BED_DAYS, ...covered },
    );
    expect(nights(result, "A")).toEqual({ pre: 2, post: 2 });
    // The first admission is before pre_start; the second is in the post window.
    expect(admissionsOf(result, "A")).toEqual({ pre: 0, post: 1 });
  });

  it("accounts every row once per outcome, and each account adds up to the rows read", async () => {
    const result = await bedDays(SPELLS, CASES);
    const beds = result.rows.accounts.emergency_bed_days!;
    // 9 rows read. q9 is not referred (activityOfOthers). elective is not_emergency.
    // A spell is accounted where its nights are: in a window if any is (inpre, before, spanidx, spanend,
    // whole), else on the index day (onidx: its one night is the index day's), else, for a same-day spell
    // with no night at all, where its admission is (sameday: 06-11, pre). So counted 6, onIndexDay 1.
    expect(beds).toMatchObject({ read: 9, skipped: 0, activityOfOthers: 1, ofExcludedPatients: 0, outsideWindows: 0, onIndexDay: 1, counted: 6 });
    expect(beds.notCountable).toEqual({ later_episode: 0, not_emergency: 1, missing_date: 0 });
    // Unplanned admissions read the same rows by admission day: counted inpre, sameday, spanidx, spanend (4);
    // onidx on the index day (1); before (06-01, prior window) and whole (05-01) outside the windows (2).
    const admissions = result.rows.accounts.unplanned_admissions!;
    expect(admissions).toMatchObject({ read: 9, skipped: 0, activityOfOthers: 1, ofExcludedPatients: 0, outsideWindows: 2, onIndexDay: 1, counted: 4 });
    expect(admissions.notCountable).toEqual({ later_episode: 0, not_emergency: 1, missing_date: 0 });
    expectAccountAddsUp(beds);
    expectAccountAddsUp(admissions);
    // Someone else's row is someone else's once, not once per outcome.
    expect(result.rows.activityOfOthers).toBe(1);
  });

  it("accounts a spell of an excluded patient as ofExcludedPatients", async () => {
    // p2 is referred on 2021-05-01, before --from 2021-06-01: excluded as outside_period.
    const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,A,2021-05-01\n";
    const admissions = "patient_id,admission_date,admission_method,discharge_date\np1,2021-06-08,21,2021-06-10\np2,2021-04-28,21,2021-04-30\n";
    const result = await evaluateExtracts({ referrals, admissions }, { window: "10d", outcomes: BED_DAYS, from: "2021-06-01", ...covered });
    // p2's spell (admitted 04-28, discharged 04-30: nights 04-28, 04-29, in p2's pre window) is an excluded patient's.
    expect(nights(result, "A")).toEqual({ pre: 2, post: 0 });
    const beds = result.rows.accounts.emergency_bed_days!;
    expect(beds).toMatchObject({ read: 2, counted: 1, ofExcludedPatients: 1 });
    expectAccountAddsUp(beds);
  });
});

describe("bed days take the statistics and the comparison group as every outcome does (outcomes.md: exactly as the first two)", () => {
  it("counts the prior window's nights for the regression-to-the-mean check", async () => {
    // before: nights 06-01 … 06-04 fall in the prior window (05-26 ≤ d < 06-05): 4 prior nights, 2 pre.
    // whole: nights 05-26 … 06-04 = 10 prior (its earlier nights, from 05-01, are before the prior window).
    const result = await bedDays(SPELLS, CASES);
    expect(cohortRow(result, "emergency_bed_days", "before")).toMatchObject({ prior: 4, prior_pre: 2 });
    expect(cohortRow(result, "emergency_bed_days", "whole")).toMatchObject({ prior: 10, prior_pre: 10 });
    // Any use is any night: sameday's spell has none in either window.
    expect(cohortRow(result, "emergency_bed_days", "sameday")).toMatchObject({ pre_any_pct: 0, post_any_pct: 0 });
    expect(cohortRow(result, "emergency_bed_days", "inpre")).toMatchObject({ pre_any_pct: 100, post_any_pct: 0 });
  });

  it("counts a comparison patient's nights by the same windows, and accounts their spells as comparison rows", async () => {
    // c1 (index 2021-06-15, like the referred): admitted 06-12, discharged 06-17 → 12, 13, 14 pre; 15 index day; 16 post.
    // c2 (index 2021-06-15): admitted 06-20, open → 06-20 … 06-25 = 6 post within the window.
    const admissions = `${SPELLS}c1,2021-06-12,21,2021-06-17\nc2,2021-06-20,21,\n`;
    const comparison = "patient_id,cohort,index_date\nc1,spanidx,2021-06-15\nc2,spanidx,2021-06-15\n";
    const result = await evaluateExtracts(
      { referrals: referralsOf(CASES), admissions, comparison },
      { window: "10d", outcomes: BED_DAYS, dataStart: "2021-01-01", dataEnd: "2021-06-30" },
    );
    // Referred spanidx: 2 → 2 (as above); comparison: 3 → 1 + 6 = 7.
    const row = cohortRow(result, "emergency_bed_days", "spanidx");
    expect(row).toMatchObject({ pre: 2, post: 2 });
    expect(row.comparison).toMatchObject({ patients: 2, pre: 3, post: 7 });
    const beds = result.rows.accounts.emergency_bed_days!;
    expect(beds.comparison).toBe(2);
    expectAccountAddsUp(beds);
  });
});

describe("an open spell (no discharge date) runs to the run's coverage end", () => {
  const cases = ["openpost", "openpre", "openbefore"];
  // openpost:   admitted 06-20, open → nights 06-20 … data_end; in the windows 06-20 … 06-25 = 6 post.
  // openpre:    admitted 06-10, open → pre 06-10 … 06-14 = 5, index day not counted, post 06-16 … 06-25 = 10.
  // openbefore: admitted 05-30 (prior window), open → pre 06-05 … 06-14 = 10, post 10: an admission outside
  //             every window whose nights fall inside both.
  const admissions = csv`
    patient_id,admission_date,admission_method,discharge_date
    openpost,2021-06-20,21,
    openpre,2021-06-10,21,
    openbefore,2021-05-30,21,
  `;

  for (const dataEnd of ["2021-06-25", "2021-07-31"]) {
    it(`counts its nights in the windows up to post_end (data end ${dataEnd})`, async () => {
      // An eligible patient's post_end is never after data_end (rule 2.5), so within the windows an open
      // spell's nights run to post_end; past it they are outside the windows either way.
      const result = await bedDays(admissions, cases, { dataStart: "2021-01-01", dataEnd });
      expect(result.settings.dataEnd).toBe(dataEnd);
      expect(nights(result, "openpost")).toEqual({ pre: 0, post: 6 });
      expect(nights(result, "openpre")).toEqual({ pre: 5, post: 10 });
      expect(nights(result, "openbefore")).toEqual({ pre: 10, post: 10 });
      expect(admissionsOf(result, "openbefore")).toEqual({ pre: 0, post: 0 });
      const beds = result.rows.accounts.emergency_bed_days!;
      expect(beds).toMatchObject({ read: 3, counted: 3, outsideWindows: 0 });
      expectAccountAddsUp(beds);
    });
  }

  it("runs to the inferred coverage end where none is given", async () => {
    // The admissions extract's own dates: earliest 2021-01-04 and latest 2021-07-02 (someone else's rows,
    // still valid rows of the extract). The run's data_end is 2021-07-02 ≥ post_end 06-25: everyone is eligible.
    const inferred = `${admissions}x1,2021-01-04,21,2021-01-05\nx2,2021-07-02,21,2021-07-03\n`;
    const result = await evaluateExtracts({ referrals: referralsOf(cases), admissions: inferred }, { window: "10d", outcomes: BED_DAYS });
    expect(result.settings).toMatchObject({ dataStart: "2021-01-04", dataEnd: "2021-07-02", dataEndInferred: true });
    expect(nights(result, "openpost")).toEqual({ pre: 0, post: 6 });
    expect(nights(result, "openpre")).toEqual({ pre: 5, post: 10 });
  });

  it("counts an open spell admitted after the coverage end as no nights, and does not count the admission", async () => {
    // Coverage given as ending 2021-06-25; a row admitted 06-28 is after it (outside the windows anyway).
    const result = await bedDays("patient_id,admission_date,admission_method,discharge_date\nlate,2021-06-28,21,\n", ["late"], {
      dataStart: "2021-01-01",
      dataEnd: "2021-06-25",
    });
    expect(nights(result, "late")).toEqual({ pre: 0, post: 0 });
    expect(result.rows.accounts.emergency_bed_days).toMatchObject({ read: 1, outsideWindows: 1, counted: 0 });
  });
});

describe("episode-level extracts: a spell's discharge is the latest on any row of the same patient and admission date", () => {
  // ep:  episodes 1, 2, 3 of a spell admitted 06-08; only episode 3 carries the discharge (06-12) →
  //      nights 06-08 … 06-11 = 4 pre.
  // rev: the same with the rows in another order, episode 3 first; episode 1 carries an earlier date
  //      (06-17) than episode 3 (06-20): the latest, 06-20, is the spell's → nights 06-16 … 06-19 = 4 post.
  const episodes = csv`
    patient_id,admission_date,admission_method,episode_order,discharge_date
    ep,2021-06-08,21,1,
    ep,2021-06-08,21,2,
    ep,2021-06-08,21,3,2021-06-12
    rev,2021-06-16,21,3,2021-06-20
    rev,2021-06-16,21,1,2021-06-17
    rev,2021-06-16,21,2,
  `;

  it("takes the discharge from whichever episode carries the latest, and counts the spell once", async () => {
    const result = await bedDays(episodes, ["ep", "rev"]);
    expect(nights(result, "ep")).toEqual({ pre: 4, post: 0 });
    expect(nights(result, "rev")).toEqual({ pre: 0, post: 4 });
    expect(admissionsOf(result, "ep")).toEqual({ pre: 1, post: 0 });
    expect(admissionsOf(result, "rev")).toEqual({ pre: 0, post: 1 });
    // Episodes 2 and 3 of each spell are later episodes (4 rows); the two first episodes are counted.
    const beds = result.rows.accounts.emergency_bed_days!;
    expect(beds).toMatchObject({ read: 6, counted: 2 });
    expect(beds.notCountable).toMatchObject({ later_episode: 4, not_emergency: 0 });
    expectAccountAddsUp(beds);
  });

  it("finds HES's columns without mapping: DISDATE, with EPIORDER 01 and a placeholder on an episode", async () => {
    // Spell admitted 06-08: EPIORDER 01 has DISDATE 1800-01-01 (HES's missing date: no discharge, not a
    // date two centuries before the admission), 02 has 2021-06-12 00:00:00 (a time: only the day counts) →
    // nights 06-08 … 06-11 = 4 pre.
    const hes = csv`
      PSEUDO_HESID,ADMIDATE,ADMIMETH,EPIORDER,DISDATE
      p1,2021-06-08,21,01,1800-01-01
      p1,2021-06-08,21,02,2021-06-12 00:00:00
    `;
    const result = await bedDays(hes, ["p1"]);
    expect(nights(result, "p1")).toEqual({ pre: 4, post: 0 });
    expect(result.inputs.columns.admissions?.discharge_date).toMatchObject({ header: "DISDATE" });
  });

  it("finds SUS+'s Discharge_Date without mapping", async () => {
    const sus = csv`
      Der_Pseudo_NHS_Number,Admission_Date,Admission_Method,Discharge_Date
      p1,2021-06-08,21,2021-06-12
    `;
    const result = await bedDays(sus, ["p1"]);
    expect(nights(result, "p1")).toEqual({ pre: 4, post: 0 });
    expect(result.inputs.columns.admissions?.discharge_date).toMatchObject({ header: "Discharge_Date" });
  });

  it("reads a discharge date in D/M/YYYY like the extract's other dates", async () => {
    // 8/6/2021 → 13/6/2021: nights 06-08 … 06-12 = 5 pre.
    const dmy = "patient_id,admission_date,admission_method,discharge_date\np1,8/6/2021,21,13/6/2021\n";
    const result = await bedDays(dmy, ["p1"]);
    expect(nights(result, "p1")).toEqual({ pre: 5, post: 0 });
  });
});

describe("two spells of one patient on one day are told apart by spell_id", () => {
  // S1: admitted and discharged 06-08 (0 nights); S2: admitted 06-08 again, discharged 06-11 (06-08, 09, 10 = 3 nights).
  const spells = csv`
    patient_id,admission_date,admission_method,discharge_date,spell_id
    p1,2021-06-08,21,2021-06-08,S1
    p1,2021-06-08,21,2021-06-11,S2
  `;

  it("gives each spell its own discharge where spell_id is there", async () => {
    const result = await bedDays(spells, ["p1"]);
    // 0 + 3 nights; two admissions.
    expect(nights(result, "p1")).toEqual({ pre: 3, post: 0 });
    expect(admissionsOf(result, "p1")).toEqual({ pre: 2, post: 0 });
  });

  it("without a spell_id, reads both rows as one spell's, as the spec says (the latest discharge for each)", async () => {
    // The spec's rule: the discharge is the latest on any row of the same patient and admission date.
    // Without an episode order both rows are spells, each given 06-11: 3 + 3 = 6 nights.
    const without = spells.replace(/,S\d/g, "").replace(",spell_id", "");
    const result = await bedDays(without, ["p1"]);
    expect(nights(result, "p1")).toEqual({ pre: 6, post: 0 });
  });

  it("reads a spell_id mapped to the extract's own header, with episodes", async () => {
    // S1 episode 1 discharged the same day; S2 episode 1 has no discharge, episode 2 is discharged 06-11.
    // With the spell id: S1 0 nights, S2 3 nights (06-08, 09, 10). Without it S1's row would take 06-11 too.
    const sus = csv`
      patient_id,admission_date,admission_method,episode_order,discharge_date,APCS_Ident
      p1,2021-06-08,21,1,2021-06-08,1001
      p1,2021-06-08,21,1,,1002
      p1,2021-06-08,21,2,2021-06-11,1002
    `;
    const result = await evaluateWithConfig(
      { "r.csv": referralsOf(["p1"]), "apc.csv": sus },
      { referrals: "r.csv", admissions: "apc.csv", columns: { admissions: { spell_id: "APCS_Ident" } }, window: "10d", outcomes: BED_DAYS, ...covered },
    );
    expect(nights(result, "p1")).toEqual({ pre: 3, post: 0 });
    expect(admissionsOf(result, "p1")).toEqual({ pre: 2, post: 0 });
    expect(result.rows.accounts.emergency_bed_days?.notCountable.later_episode).toBe(1);
  });
});

describe("HES placeholder dates in a spell", () => {
  it("reads a placeholder discharge as no discharge (an open spell), and a placeholder admission as a missing date", async () => {
    // openph: admitted 06-20, DISDATE 1801-01-01 (HES's invalid date: missing) → open: 06-20 … 06-25 = 6 post,
    //         and not a discharge before its admission.
    // noadm:  admission 1800-01-01 (missing): not countable (missing_date) for both outcomes, no nights.
    const admissions = csv`
      patient_id,admission_date,admission_method,discharge_date
      openph,2021-06-20,21,1801-01-01
      noadm,1800-01-01,21,2021-06-12
    `;
    const result = await bedDays(admissions, ["openph", "noadm"], { dataStart: "2021-01-01", dataEnd: "2021-06-30" });
    expect(nights(result, "openph")).toEqual({ pre: 0, post: 6 });
    expect(nights(result, "noadm")).toEqual({ pre: 0, post: 0 });
    expect(admissionsOf(result, "noadm")).toEqual({ pre: 0, post: 0 });
    for (const id of BED_DAYS) {
      expect(result.rows.accounts[id]!.notCountable.missing_date).toBe(1);
      expectAccountAddsUp(result.rows.accounts[id]!);
    }
  });
});

describe("a discharge date before its admission date makes the row invalid", () => {
  const admissions = csv`
    patient_id,admission_date,admission_method,discharge_date
    p1,2021-06-08,21,2021-06-10
    p1,2021-06-12,21,2021-06-09
  `;

  async function cli(extra: string[]) {
    const ws = await workspace({ "referrals.csv": referralsOf(["p1"]), "admissions.csv": admissions });
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--admissions", ws.path("admissions.csv"), "--outcomes", BED_DAYS.join(","),
      "--window", "10d", "--data-start", covered.dataStart, "--data-end", covered.dataEnd, "--bootstrap", "0", "--format", "json", ...extra,
    ]);
    return run;
  }

  it("stops the run with file:line: column: what is wrong (value)", async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    // Line 3 (the header is line 1); the column as the extract names it; the value as written.
    expect(run.stderr).toMatch(/admissions\.csv:3: discharge_date: is before the admission date \(2021-06-12\) \("2021-06-09"\)/);
  });

  it("with --skip-invalid skips the row for every outcome of the extract, unplanned admissions too", async () => {
    const run = await cli(["--skip-invalid"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    // Only line 2 is left: one admission (06-08, pre) and its nights 06-08, 06-09.
    expect(admissionsOf(result, "p1")).toEqual({ pre: 1, post: 0 });
    expect(nights(result, "p1")).toEqual({ pre: 2, post: 0 });
    for (const id of BED_DAYS) {
      const account = result.rows.accounts[id] as ActivityRowAccount;
      expect(account).toMatchObject({ read: 2, skipped: 1, counted: 1 });
      expectAccountAddsUp(account);
    }
  });

  it("makes a later episode's backwards discharge invalid too: it is a row of the extract", async () => {
    const episodes = "patient_id,admission_date,admission_method,episode_order,discharge_date\np1,2021-06-08,21,1,\np1,2021-06-08,21,2,2021-06-07\n";
    expect(await inputErrorOf(bedDays(episodes, ["p1"]))).toMatch(/admissions\.csv:3: discharge_date: is before the admission date \(2021-06-08\)/);
  });

  it("is not checked where no reported outcome reads the discharge date (unplanned admissions alone)", async () => {
    // Choice: evaluation.md ignores columns that no rule reads. Without emergency_bed_days the discharge
    // date is not read, so a backwards one does not stop a run that never uses it.
    const result = await bedDays(admissions, ["p1"], { outcomes: ["unplanned_admissions"] });
    expect(admissionsOf(result, "p1")).toEqual({ pre: 2, post: 0 });
  });
});

describe("emergency_bed_days is reported when listed, and needs discharge_date", () => {
  it("is not reported by default, even from an extract with a discharge date", async () => {
    const result = await evaluateExtracts({ referrals: referralsOf(["p1"]), admissions: SPELLS }, { window: "10d", ...covered });
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["unplanned_admissions"]);
    expect(result.rows.accounts.emergency_bed_days).toBeUndefined();
  });

  it("is reported when listed, in the listed order", async () => {
    const result = await bedDays(SPELLS, CASES, { outcomes: ["emergency_bed_days", "unplanned_admissions"] });
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["emergency_bed_days", "unplanned_admissions"]);
    expect(result.settings.outcomes).toEqual(["emergency_bed_days", "unplanned_admissions"]);
  });

  it("is reported alone when listed alone", async () => {
    const result = await bedDays(SPELLS, CASES, { outcomes: ["emergency_bed_days"] });
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["emergency_bed_days"]);
    expect(nights(result, "whole")).toEqual({ pre: 10, post: 10 });
  });

  it("listed without a discharge_date column: exit 2 naming the column and the extract", async () => {
    const ws = await workspace({
      "referrals.csv": referralsOf(["p1"]),
      "admissions.csv": "patient_id,admission_date,admission_method\np1,2021-06-08,21\n",
    });
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--admissions", ws.path("admissions.csv"), "--outcomes", "emergency_bed_days",
      "--data-start", covered.dataStart, "--data-end", covered.dataEnd,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/admissions\.csv/);
    expect(run.stderr).toMatch(/discharge_date/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
