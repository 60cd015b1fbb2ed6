/**
 * A cohort's patients as the month-by-month bootstrap resamples them (`month-series.ts`): the row's
 * table of (pre, post) pairs, the finer table of (pre, post, covered, months…) profiles, and for
 * each pair which fine profiles are its patients'. Both tables are in ascending lexicographic order
 * with pre and post first, so a pair's fine profiles are one run of the fine table.
 */
import { PAIR_WIDTH, POST_FIELD, PRE_FIELD, tabulatePairs, type PatientCounts } from "./patient-counts.js";
import { type ProfileTable, tabulateProfiles } from "./profile-table.js";

/** One cohort's patients for a month series: their pre and post (for the row's draws), coverage and months. */
export interface MonthPatients extends PatientCounts {
  /** 1 where the data cover the patient's every month of the series: only they are in it. */
  covered: ArrayLike<number | boolean>;
  /** Each patient's count in each of the series' months, `monthCount` per patient, patient after patient. */
  months: ArrayLike<number>;
}

export interface MonthStratum {
  pairs: ProfileTable;
  /** How many patients each fine profile has. */
  patients: Float64Array;
  /** Fine profiles `first[c] … first[c + 1] − 1` have pair c. */
  first: Int32Array;
  /**
   * The stratum's patients as fine profiles, pair after pair: pair c's patients are entries
   * `patientsFrom[c] …` (as many as it has), each holding the fine profile that patient has, so
   * that drawing one of a pair's patients is one uniform draw and one look-up.
   */
  patientsFrom: Float64Array;
  profileOf: Int32Array;
  /** 1 where the fine profile's patients are covered (in the series). */
  covered: Uint8Array;
  /** A covered profile's months that are not 0, sparsely: entries `monthsFrom[f] … monthsFrom[f + 1] − 1` of `month` and `count`. */
  monthsFrom: Int32Array;
  month: Int32Array;
  count: Int32Array;
}

const COVERED_FIELD = PAIR_WIDTH;
const FIRST_MONTH_FIELD = PAIR_WIDTH + 1;

export function monthStratum(patients: MonthPatients, monthCount: number): MonthStratum {
  const n = patients.pre.length;
  if (patients.post.length !== n || patients.covered.length !== n || patients.months.length !== n * monthCount) {
    throw new Error(`monthSeries: every patient needs pre, post, covered and ${monthCount} months`);
  }
  // A patient not covered is in no month: their months are left out of their profile (as zeros),
  // so that they add no distinct profiles, and ride along only as the row's draws.
  const covered = Uint8Array.from({ length: n }, (_, i) => (patients.covered[i] ? 1 : 0));
  const months = Array.from({ length: monthCount }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) if (covered[i]) for (let m = 0; m < monthCount; m++) months[m]![i] = patients.months[i * monthCount + m]!;
  const pairs = tabulatePairs(patients);
  const fine = tabulateProfiles([patients.pre, patients.post, covered, ...months]);
  return { pairs, patients: fine.patients, ...runsOfPairs(pairs, fine), covered: coverageOf(fine), ...sparseMonths(fine, monthCount) };
}

/** Which run of the fine table each pair's patients are, and each of its patients' fine profile. */
function runsOfPairs(pairs: ProfileTable, fine: ProfileTable): Pick<MonthStratum, "first" | "patientsFrom" | "profileOf"> {
  const first = new Int32Array(pairs.patients.length + 1);
  let pair = -1;
  for (let f = 0; f < fine.patients.length; f++) {
    const pre = fine.profiles[f * fine.width + PRE_FIELD]!;
    const post = fine.profiles[f * fine.width + POST_FIELD]!;
    while (pair < 0 || pairs.profiles[pair * PAIR_WIDTH + PRE_FIELD] !== pre || pairs.profiles[pair * PAIR_WIDTH + POST_FIELD] !== post) {
      pair++;
      if (pair >= pairs.patients.length) throw new Error("monthSeries: a month profile has no (pre, post) pair");
      first[pair] = f;
    }
  }
  first[pairs.patients.length] = fine.patients.length;
  const patientsFrom = new Float64Array(pairs.patients.length);
  const profileOf = new Int32Array(fine.total);
  let at = 0;
  for (let p = 0; p < pairs.patients.length; p++) {
    patientsFrom[p] = at;
    for (let f = first[p]!; f < first[p + 1]!; f++) profileOf.fill(f, at, (at += fine.patients[f]!));
  }
  return { first, patientsFrom, profileOf };
}

function coverageOf(fine: ProfileTable): Uint8Array {
  return Uint8Array.from({ length: fine.patients.length }, (_, f) => fine.profiles[f * fine.width + COVERED_FIELD]!);
}

/** Most months of most profiles are 0: keeping only the others makes a replicate's sums cost in events, not months. */
function sparseMonths(fine: ProfileTable, monthCount: number): Pick<MonthStratum, "monthsFrom" | "month" | "count"> {
  const monthsFrom = new Int32Array(fine.patients.length + 1);
  const month: number[] = [];
  const count: number[] = [];
  for (let f = 0; f < fine.patients.length; f++) {
    monthsFrom[f] = month.length;
    for (let m = 0; m < monthCount; m++) {
      const value = fine.profiles[f * fine.width + FIRST_MONTH_FIELD + m]!;
      if (value !== 0) {
        month.push(m);
        count.push(value);
      }
    }
  }
  monthsFrom[fine.patients.length] = month.length;
  return { monthsFrom, month: Int32Array.from(month), count: Int32Array.from(count) };
}
