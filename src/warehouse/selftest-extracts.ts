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
 */
export const SELFTEST_TABLES = {
  referrals: {
    columns: ["patient_id", "cohort", "intervention_date", "row_order"],
    rows: [
      ["m1", "month_end", "2021-08-31", 1],
      ["l1", "leap_day", "2019-08-31", 2],
      ["i1", "index_day", "2021-06-15", 3],
      // Not a day: invalid, and its patient (with no other row) excluded first, as invalid_referral_row.
      ["x1", "index_day", "2021-02-30", 4],
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
    columns: ["patient_id", "admission_date", "admission_method", "episode_order"],
    rows: [
      ["m1", "2021-05-01", "21", "1"], // pre
      ["m1", "2021-05-01", "21", "2"], // the same spell's second episode: not countable
      ["m1", "2021-09-10", "11", "1"], // elective: not countable
      ["m1", "2021-10-01", "2a", "01"], // emergency (2A in any case), a first episode written 01: post
      ["l1", "1801-01-01", "21", "1"], // HES's invalid date: a missing date, not countable
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
  { check: "episodes: a spell's second episode is not counted", ...account("unplanned_admissions", "not_countable", "later_episode"), expected: 1 },
  { check: "episodes: 01 is a first episode, 2a an emergency method", ...pairs("unplanned_admissions", "month_end", 1, 1), expected: 1 },
  { check: "methods: an elective admission (11) is not counted", ...account("unplanned_admissions", "not_countable", "not_emergency"), expected: 1 },
  { check: "placeholders: 1801-01-01 is a missing date", ...account("unplanned_admissions", "not_countable", "missing_date"), expected: 1 },
  { check: "invalid values: 2021-02-30 in the A&E extract", ...account("ae", "invalid", "arrival_date:not_a_date"), expected: 1 },
  { check: "invalid values: 2021-02-30 in the referrals, its patient excluded first", section: "attrition", outcome: "", cohort: "invalid_referral_row", group: "referred", expected: 1 },
  { check: "activity of people not referred", ...account("ae_attendances", "activity_of_others"), expected: 1 },
];
