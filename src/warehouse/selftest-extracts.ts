/**
 * The self-test's tiny extracts (`prepost sql --selftest`) and what the spec says must come of them,
 * worked out by hand from evaluation.md (rules 1 to 4) and outcomes.md, not by running prepost: a
 * six-month window, the index day not counted, ECDS coding, the coverage given (2019-01-01 to
 * 2023-12-31) so that every window is complete. Each patient has a cohort of their own, named for
 * what it checks, so that a check reads one patient's counts.
 *
 * month_end: index 2021-08-31, so pre_start 2021-02-28 and post_end 2022-02-28 (the day clamped).
 * leap_day:  index 2019-08-31, so pre_start 2019-02-28 and post_end 2020-02-29 (a leap year).
 * index_day: index 2021-06-15, an A&E attendance on that day only.
 * bed_days_*: index 2021-06-15, so prior_start 2020-12-15 − 6 months = 2020-06-15, pre_start
 *   2020-12-15, post_end 2021-12-15; emergency spells whose nights (admission ≤ d < discharge,
 *   outcomes.md) each fall in the window of their own day.
 */
export const SELFTEST_TABLES = {
  referrals: {
    // Ages for the age bands 0-17, 18-34, 35-54, 55-74 and 75+ (ageBands 18, 35, 55, 75): a band's
    // first age is in it, and a missing age is `unknown`.
    columns: ["patient_id", "cohort", "intervention_date", "age", "row_order"],
    rows: [
      ["m1", "month_end", "2021-08-31", "54", 1],
      ["l1", "leap_day", "2019-08-31", "35", 2],
      ["i1", "index_day", "2021-06-15", "", 3],
      // Not a day: invalid, and its patient (with no other row) excluded first, as invalid_referral_row.
      ["x1", "index_day", "2021-02-30", "50", 4],
      ["b1", "bed_days_edges", "2021-06-15", "60", 5],
      ["b2", "bed_days_index", "2021-06-15", "60", 6],
      ["b3", "bed_days_open", "2021-06-15", "75", 7],
    ],
  },
  // A matched comparison group (matching.md): m1's set has two controls (with no activity: the set's
  // profile is 2:0:0); k3's case, x1, is not an included patient (its only row is invalid).
  comparison: {
    columns: ["patient_id", "cohort", "index_date", "matched_to"],
    rows: [
      ["k1", "month_end", "2021-08-31", "m1"],
      ["k2", "month_end", "2021-08-31", "m1"],
      ["k3", "index_day", "2021-06-15", "x1"],
    ],
  },
  ae: {
    columns: ["patient_id", "arrival_date", "attendance_category"],
    rows: [
      ["m1", "2021-02-28T00:00", "1"], // pre_start itself, with a time: pre
      ["m1", "2021-02-27", "1"], // the day before: prior, outside the windows
      ["m1", "2022-02-28 23:59:59", "1"], // post_end itself: post
      ["m1", "2022-03-01", "1"], // the day after: outside
      ["m1", "2021-08-31", "1"], // the index day: not counted
      ["m1", "1800-01-01", "1"], // HES's missing date: not countable, and no coverage
      ["m1", "2021-03-01", "4"], // ECDS 4, a planned follow-up: not countable
      ["m1", "2021-02-30", "1"], // not a day: invalid
      ["l1", "2020-02-29", "1"], // post_end, 29 February: post
      ["l1", "2020-03-01", "1"], // the day after: outside
      ["l1", "2019-02-28", "1"], // pre_start: pre
      ["i1", "2021-06-15", "1"], // the index day: not counted
      ["q9", "2021-01-01", "1"], // someone not referred
    ],
  },
  admissions: {
    columns: ["patient_id", "admission_date", "admission_method", "episode_order", "discharge_date"],
    rows: [
      ["m1", "2021-05-01", "21", "1", "2021-05-02"], // pre
      ["m1", "2021-05-01", "21", "2", "2021-05-02"], // the same spell's second episode: not countable
      ["m1", "2021-09-10", "11", "1", "2021-09-11"], // elective: not countable
      ["m1", "2021-10-01", "2a", "01", "2021-10-02"], // emergency (2A in any case), a first episode written 01: post
      ["l1", "1801-01-01", "21", "1", ""], // HES's invalid date: a missing date, not countable
      // Nights 13 to 17 December 2020: the 13th and 14th before pre_start (the prior window), the
      // 15th to 17th in pre (3). The discharge is on the second episode only, as SUS writes it.
      ["b1", "2020-12-13", "21", "1", ""],
      ["b1", "2020-12-13", "21", "2", "2020-12-18"], // the spell's second episode: not countable, its discharge the spell's
      // Nights 13 to 16 June 2021: the 13th and 14th in pre (2), the 15th the index day (not
      // counted), the 16th in post (1); then a same-day spell, which has no night.
      ["b2", "2021-06-13", "21", "1", "2021-06-17"],
      ["b2", "2021-08-01", "21", "1", "2021-08-01"],
      // Open (no discharge): its nights run to the coverage's end; 14 and 15 December 2021 in post
      // (post_end itself included, 2), every night after outside.
      ["b3", "2021-12-14", "21", "1", ""],
    ],
  },
} as const;

/** One check: the long form's rows that match, summed (`n`), against what the spec gives. */
export interface SelftestCheck {
  check: string;
  section: string;
  outcome: string;
  cohort: string;
  group: string;
  a?: number;
  b?: number;
  expected: number;
}

const pairs = (outcome: string, cohort: string, pre: number, post: number) => ({ section: "pairs", outcome, cohort, group: "referred", a: pre, b: post });
const account = (outcome: string, key: string, detail = "") => ({ section: "accounts", outcome, cohort: key, group: detail });
/** Patients of the cohort in the age band `band` with `pre` and `post` (the long form's `by_pairs`). */
const byAgeBand = (outcome: string, cohort: string, band: string, pre: number, post: number) => ({ section: "by_pairs", outcome, cohort, group: `age_band=${band}`, a: pre, b: post });
/** The cohort's matched sets with this profile: `controls:their pre:their post`, and the case's pre and post (the long form's `sets`). */
const sets = (outcome: string, cohort: string, profile: string, pre: number, post: number) => ({ section: "sets", outcome, cohort, group: profile, a: pre, b: post });
/** Patients of the cohort with `count` in month `month` (−6…6 here; the long form's `a` is month + 6). */
const month = (outcome: string, cohort: string, of: number, count: number) => ({ section: "months", outcome, cohort, group: "referred", a: of + 6, b: count });

export const SELFTEST_CHECKS: readonly SelftestCheck[] = [
  { check: "month end: 31 Aug + 6 months is 28 Feb (28 Feb 2021 in pre, 28 Feb 2022 in post)", ...pairs("ae_attendances", "month_end", 1, 1), expected: 1 },
  { check: "leap day: 31 Aug 2019 + 6 months is 29 Feb 2020, in post", ...pairs("ae_attendances", "leap_day", 1, 1), expected: 1 },
  { check: "index day: an attendance on it is not counted", ...pairs("ae_attendances", "index_day", 0, 0), expected: 1 },
  { check: "months: 28 Feb 2021, 6 months before 31 Aug, begins month -6", ...month("ae_attendances", "month_end", -6, 1), expected: 1 },
  { check: "months: the index day is month 0, alone", ...month("ae_attendances", "index_day", 0, 1), expected: 1 },
  { check: "months: 28 Feb 2022, 6 months after 31 Aug, ends month +6", ...month("ae_attendances", "month_end", 6, 1), expected: 1 },
  { check: "months: 29 Feb 2020 ends month +6 of 31 Aug 2019", ...month("ae_attendances", "leap_day", 6, 1), expected: 1 },
  { check: "index day: its rows accounted as on the index day", ...account("ae_attendances", "on_index_day"), expected: 2 },
  { check: "windows: rows counted in pre or post", ...account("ae_attendances", "counted"), expected: 4 },
  { check: "windows: the day before pre_start and the day after post_end are outside", ...account("ae_attendances", "outside_windows"), expected: 3 },
  { check: "placeholders: 1800-01-01 is a missing date, not counted", ...account("ae_attendances", "not_countable", "missing_date"), expected: 1 },
  { check: "placeholders: the coverage starts at the earliest real date, 2019-02-28", section: "coverage", outcome: "ae", cohort: "", group: "", a: 20190228, b: 20220301, expected: 11 },
  { check: "categories: ECDS 4 (a planned follow-up) is not counted", ...account("ae_attendances", "not_countable", "excluded_category"), expected: 1 },
  { check: "episodes: a spell's second episode is not counted (m1's and b1's)", ...account("unplanned_admissions", "not_countable", "later_episode"), expected: 2 },
  { check: "episodes: 01 is a first episode, 2a an emergency method", ...pairs("unplanned_admissions", "month_end", 1, 1), expected: 1 },
  { check: "methods: an elective admission (11) is not counted", ...account("unplanned_admissions", "not_countable", "not_emergency"), expected: 1 },
  { check: "placeholders: 1801-01-01 is a missing date", ...account("unplanned_admissions", "not_countable", "missing_date"), expected: 1 },
  { check: "invalid values: 2021-02-30 in the A&E extract", ...account("ae", "invalid", "arrival_date:not_a_date"), expected: 1 },
  { check: "invalid values: 2021-02-30 in the referrals, its patient excluded first", section: "attrition", outcome: "", cohort: "invalid_referral_row", group: "referred", expected: 1 },
  { check: "activity of people not referred", ...account("ae_attendances", "activity_of_others"), expected: 1 },
  { check: "age bands: 35, a band's first age, is in 35-54", ...byAgeBand("ae_attendances", "leap_day", "35-54", 1, 1), expected: 1 },
  { check: "age bands: 54, a band's last age, is in 35-54", ...byAgeBand("ae_attendances", "month_end", "35-54", 1, 1), expected: 1 },
  { check: "age bands: 75 is in 75+", ...byAgeBand("ae_attendances", "bed_days_open", "75+", 0, 0), expected: 1 },
  { check: "age bands: a missing age is unknown", ...byAgeBand("ae_attendances", "index_day", "unknown", 0, 0), expected: 1 },
  { check: "matched sets: a case with its two controls is one set (2:0:0), the case's own counts beside it", ...sets("ae_attendances", "month_end", "2:0:0", 1, 1), expected: 1 },
  { check: "matched sets: a case with no control is unmatched", section: "set_counts", outcome: "", cohort: "leap_day", group: "unmatched", expected: 1 },
  { check: "matched sets: a control whose case is not included has no case", section: "set_counts", outcome: "", cohort: "index_day", group: "controls_without_case", expected: 1 },
  { check: "bed days: nights from pre_start on (3 in pre), the discharge read off the spell's last episode", ...pairs("emergency_bed_days", "bed_days_edges", 3, 0), expected: 1 },
  { check: "bed days: a night on the index day is not counted (2 in pre, 1 in post), a same-day spell has none", ...pairs("emergency_bed_days", "bed_days_index", 2, 1), expected: 1 },
  { check: "bed days: an open spell's nights to post_end itself (2 in post)", ...pairs("emergency_bed_days", "bed_days_open", 0, 2), expected: 1 },
];
