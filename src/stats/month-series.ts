/**
 * The month-by-month series of statistics.md ("Month by month around the index date"): each month's
 * mean count per patient, over the patients whose data cover every month of the series, with a 95%
 * percentile bootstrap interval from the same resampled patients as the row's interval.
 *
 * "The same resampled patients": a replicate of the row's interval draws how many of each cohort's
 * patients land on each distinct (pre, post) profile (`resample.ts`, from the row's own stream). The
 * month series takes exactly those draws and shares each profile's draws among its patients' distinct
 * month profiles, by a multinomial of the profile's draws over them (weights: how many patients have
 * each), from a stream of its own. Drawing the coarse profiles first and then sharing each one's draws
 * among its finer profiles is the same distribution as one multinomial over the fine profiles (a
 * multinomial's counts, given their sums over groups of cells, are multinomial within each group),
 * so each replicate is a resample of whole patients, months and all, and its pre and post are those
 * of the row's replicate, draw for draw: the row's interval is not moved by the months.
 */
import type { Uint32Source } from "./binomial.js";
import { drawMultinomial } from "./multinomial.js";
import { PAIR_WIDTH, POST_FIELD, PRE_FIELD, tabulatePairs, type PatientCounts } from "./patient-counts.js";
import { percentileInterval, type PercentileInterval } from "./percentile-interval.js";
import { type ProfileTable, tabulateProfiles } from "./profile-table.js";
import { resampleStrata } from "./resample.js";

/** One cohort's patients for a month series: their pre and post (for the row's draws), coverage and months. */
export interface MonthPatients extends PatientCounts {
  /** 1 where the data cover the patient's every month of the series: only they are in it. */
  covered: ArrayLike<number | boolean>;
  /** Each patient's count in each of the series' months, `monthCount` per patient, patient after patient. */
  months: ArrayLike<number>;
}

export interface MonthSeriesFigures {
  /** The patients the series is over (those covered). */
  patients: number;
  /** Per month, their summed count. */
  counts: number[];
  /** Per month, the mean per patient; null where no patient is covered. */
  means: (number | null)[];
  /** Per month, the 95% percentile interval of the mean. */
  intervals: PercentileInterval[];
}

/** Where a fine profile keeps its coverage flag and its first month, after pre and post. */
const COVERED_FIELD = PAIR_WIDTH;
const FIRST_MONTH_FIELD = PAIR_WIDTH + 1;

/** One cohort's tables: the row's (pre, post) table, its (pre, post, covered, months…) table, and which fine profiles share each pair. */
interface Stratum {
  pairs: ProfileTable;
  fine: ProfileTable;
  /** Fine profiles `first[c] … first[c + 1] − 1` have pair c (both tables are in ascending order, pre and post first). */
  first: Int32Array;
}

function stratumOf(patients: MonthPatients, monthCount: number): Stratum {
  const n = patients.pre.length;
  if (patients.post.length !== n || patients.covered.length !== n || patients.months.length !== n * monthCount) {
    throw new Error(`monthSeries: every patient needs pre, post, covered and ${monthCount} months`);
  }
  // A patient not covered is in no month: their months are left out of their profile (as zeros),
  // so that they add no distinct profiles, and ride along only as the row's draws.
  const months = Array.from({ length: monthCount }, (_, m) => Int32Array.from({ length: n }, (_, i) => (patients.covered[i] ? patients.months[i * monthCount + m]! : 0)));
  const covered = Uint8Array.from({ length: n }, (_, i) => (patients.covered[i] ? 1 : 0));
  const pairs = tabulatePairs(patients);
  const fine = tabulateProfiles([patients.pre, patients.post, covered, ...months]);
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
  return { pairs, fine, first };
}

/** Each replicate's month means (replicate after replicate, `monthCount` each; NaN where no covered patient was drawn) and its change_pct, as the row's. */
export interface MonthReplicates {
  means: Float64Array;
  changes: Float64Array;
}

/**
 * @param cohorts the row's patients, one entry per cohort (resampled within each, as the row is)
 * @param rowRandom the row's own stream (`streamFor(seed, outcome, row, sample)`), which the row's interval also reads
 * @param shareRandom the months' stream, which shares each drawn pair among its patients' month profiles
 */
export function monthReplicates(cohorts: readonly MonthPatients[], monthCount: number, replicates: number, rowRandom: Uint32Source, shareRandom: Uint32Source): MonthReplicates {
  const strata = cohorts.map((cohort) => stratumOf(cohort, monthCount));
  const shared = strata.map((stratum) => new Float64Array(stratum.fine.patients.length));
  const means = new Float64Array(replicates * monthCount);
  const changes = new Float64Array(replicates);
  const sums = new Float64Array(monthCount);
  resampleStrata(strata.map((stratum) => stratum.pairs), replicates, rowRandom, (draws, replicate) => {
    sums.fill(0);
    let patients = 0;
    let pre = 0;
    let post = 0;
    strata.forEach(({ pairs, fine, first }, s) => {
      const into = shared[s]!;
      for (let pair = 0; pair < pairs.patients.length; pair++) {
        const times = draws[s]![pair]!;
        if (times === 0) continue;
        pre += times * pairs.profiles[pair * PAIR_WIDTH + PRE_FIELD]!;
        post += times * pairs.profiles[pair * PAIR_WIDTH + POST_FIELD]!;
        const from = first[pair]!;
        const to = first[pair + 1]!;
        if (to - from === 1) into[from] = times;
        else drawMultinomial(times, fine.patients.subarray(from, to), pairs.patients[pair]!, into.subarray(from, to), shareRandom);
        for (let f = from; f < to; f++) {
          const drawn = into[f]!;
          const at = f * fine.width;
          if (drawn === 0 || fine.profiles[at + COVERED_FIELD] === 0) continue;
          patients += drawn;
          for (let m = 0; m < monthCount; m++) sums[m]! += drawn * fine.profiles[at + FIRST_MONTH_FIELD + m]!;
        }
      }
    });
    for (let m = 0; m < monthCount; m++) means[replicate * monthCount + m] = patients === 0 ? Number.NaN : sums[m]! / patients;
    changes[replicate] = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
  });
  return { means, changes };
}

/** The series' figures: each month's count and mean over the covered patients, and its interval. */
export function monthSeries(cohorts: readonly MonthPatients[], monthCount: number, replicates: number, rowRandom: Uint32Source, shareRandom: Uint32Source): MonthSeriesFigures {
  let patients = 0;
  const counts = new Array<number>(monthCount).fill(0);
  for (const cohort of cohorts) {
    for (let i = 0; i < cohort.pre.length; i++) {
      if (!cohort.covered[i]) continue;
      patients++;
      for (let m = 0; m < monthCount; m++) counts[m]! += cohort.months[i * monthCount + m]!;
    }
  }
  const drawn = monthReplicates(cohorts, monthCount, replicates, rowRandom, shareRandom);
  const intervals = counts.map((_, m) => percentileInterval(Float64Array.from({ length: replicates }, (_, r) => drawn.means[r * monthCount + m]!)));
  return { patients, counts, means: counts.map((count) => (patients === 0 ? null : count / patients)), intervals };
}
