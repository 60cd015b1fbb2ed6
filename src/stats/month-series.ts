/**
 * The month-by-month series of statistics.md ("Month by month around the index date"): each month's
 * mean count per patient, over the patients whose data cover every month of the series, with a 95%
 * percentile bootstrap interval from the same resampled patients as the row's interval.
 *
 * "The same resampled patients": a replicate of the row's interval draws how many of each cohort's
 * patients land on each distinct (pre, post) pair (`resample.ts`, from the row's own stream). The
 * month series takes exactly those draws and shares each pair's draws among its patients' distinct
 * month profiles (`month-strata.ts`), from a stream of its own. Drawing the pairs first and then
 * sharing each one's draws among its finer profiles is the same distribution as one multinomial over
 * the fine profiles (a multinomial's counts, given their sums over groups of cells, are multinomial
 * within each group), so each replicate is a resample of whole patients, months and all, and its pre
 * and post are those of the row's replicate, draw for draw: the row's interval is not moved.
 *
 * A pair's draws are shared in whichever of two exact ways costs less: one binomial per month profile
 * (a multinomial), or one uniform draw of one of its patients per draw (patient-by-patient resampling
 * within the pair, a look-up from patient to profile). Either gives each draw to a month profile with
 * probability (its patients) / (the pair's). A binomial costs about `BINOMIAL_COST` uniform draws, so
 * the multinomial is taken where the pair was drawn at least that many times per month profile: a
 * pair of a thousand patients with one event between them in one of six months, and not one whose
 * patients' months all differ (GP appointments), which would cost a binomial per patient.
 */
import type { Xoshiro128StarStar } from "../random/xoshiro128.js";
import type { Uint32Source } from "./binomial.js";
import { type MonthPatients, type MonthStratum, monthStratum } from "./month-strata.js";
import { drawMultinomial } from "./multinomial.js";
import { PAIR_WIDTH, POST_FIELD, PRE_FIELD } from "./patient-counts.js";
import { percentileInterval, type PercentileInterval } from "./percentile-interval.js";
import { resampleStrata } from "./resample.js";

export type { MonthPatients } from "./month-strata.js";

/**
 * What one binomial draw costs in uniform draws of a patient, about (bench/months.mjs): the
 * multinomial shares a pair's draws where it was drawn at least this many times per month profile.
 * It changes which random numbers are used, not what they draw.
 */
const BINOMIAL_COST = 8;

/** What sharing a pair's draws needs of a generator. */
export type ShareSource = Pick<Xoshiro128StarStar, "nextUint32" | "uniformInt">;

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

/**
 * Shares a drawn pair's `times` draws among its month profiles (see the file's comment), adding each
 * profile's share to `drawn` (the stratum's draws per month profile, zeroed before each replicate).
 */
function sharePair(stratum: MonthStratum, pair: number, times: number, drawn: Float64Array, random: ShareSource): void {
  const { pairs, patients, first, patientsFrom, profileOf } = stratum;
  const from = first[pair]!;
  const to = first[pair + 1]!;
  if (to - from === 1) {
    drawn[from] = times;
  } else if (times >= BINOMIAL_COST * (to - from)) {
    drawMultinomial(times, patients.subarray(from, to), pairs.patients[pair]!, drawn.subarray(from, to), random);
  } else {
    const firstPatient = patientsFrom[pair]!;
    const pairPatients = pairs.patients[pair]!;
    for (let draw = 0; draw < times; draw++) drawn[profileOf[firstPatient + random.uniformInt(pairPatients)]!]!++;
  }
}

/**
 * Adds a stratum's drawn month profiles into the replicate's sums: in table order, once per profile
 * however often it was drawn, so the months are read one after the other.
 */
function addDrawn(stratum: MonthStratum, drawn: Float64Array, sums: Float64Array): number {
  const { covered, monthsFrom, month, count } = stratum;
  let patients = 0;
  for (let f = 0; f < drawn.length; f++) {
    const times = drawn[f]!;
    if (times === 0 || covered[f] === 0) continue;
    patients += times;
    for (let j = monthsFrom[f]!; j < monthsFrom[f + 1]!; j++) sums[month[j]!]! += times * count[j]!;
  }
  return patients;
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
export function monthReplicates(cohorts: readonly MonthPatients[], monthCount: number, replicates: number, rowRandom: Uint32Source & { uniformInt(n: number): number }, shareRandom: ShareSource): MonthReplicates {
  const strata = cohorts.map((cohort) => monthStratum(cohort, monthCount));
  const drawn = strata.map((stratum) => new Float64Array(stratum.patients.length));
  const means = new Float64Array(replicates * monthCount);
  const changes = new Float64Array(replicates);
  const sums = new Float64Array(monthCount);
  resampleStrata(strata.map((stratum) => stratum.pairs), replicates, rowRandom, (draws, replicate) => {
    sums.fill(0);
    let patients = 0;
    let pre = 0;
    let post = 0;
    strata.forEach((stratum, s) => {
      const { profiles, patients: pairPatients } = stratum.pairs;
      drawn[s]!.fill(0);
      for (let pair = 0; pair < pairPatients.length; pair++) {
        const times = draws[s]![pair]!;
        if (times === 0) continue;
        pre += times * profiles[pair * PAIR_WIDTH + PRE_FIELD]!;
        post += times * profiles[pair * PAIR_WIDTH + POST_FIELD]!;
        sharePair(stratum, pair, times, drawn[s]!, shareRandom);
      }
      patients += addDrawn(stratum, drawn[s]!, sums);
    });
    for (let m = 0; m < monthCount; m++) means[replicate * monthCount + m] = patients === 0 ? Number.NaN : sums[m]! / patients;
    changes[replicate] = pre === 0 ? Number.NaN : ((post - pre) / pre) * 100;
  });
  return { means, changes };
}

/** The series' figures: each month's count and mean over the covered patients, and its interval. */
export function monthSeries(cohorts: readonly MonthPatients[], monthCount: number, replicates: number, rowRandom: Uint32Source & { uniformInt(n: number): number }, shareRandom: ShareSource): MonthSeriesFigures {
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
