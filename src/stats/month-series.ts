/**
 * The month-by-month series of statistics.md ("Month by month around the index date"): each month's
 * mean count per patient over the patients whose data cover every month of the series, with a 95%
 * percentile bootstrap interval of that mean.
 *
 * Each month's interval is a patient-resampling bootstrap of that month's mean, drawn from the
 * month's frequency table: resampling a cohort's n covered patients with replacement records only
 * how many of the draws landed on each distinct count of the month, which is one multinomial draw
 * over the table, exactly (multinomial.ts). Cohorts are resampled within themselves, as the rows
 * are. So the cost is replicates × months × distinct counts, whatever the number of patients, and a
 * warehouse's result (src/warehouse), which returns just these tables, gives the same bytes.
 *
 * A month's interval is drawn on its own, not from the same resampled patients as the other months
 * or as the row's interval: no figure reads two months (or a month and the row) together, and each
 * month's interval has exactly the distribution that resampling whole patients gives it.
 */
import type { Uint32Source } from "./binomial.js";
import { drawMultinomial } from "./multinomial.js";
import { percentileInterval, type PercentileInterval } from "./percentile-interval.js";

/** One month's frequency table of one cohort's covered patients: the distinct counts (ascending) and how many had each. */
export interface MonthTable {
  counts: Float64Array;
  patients: Float64Array;
}

/** One cohort's covered patients, month by month (−K…K, in order): every table holds all of them. */
export interface CohortMonths {
  /** The cohort's patients in the series (those whose data cover every month of it). */
  patients: number;
  months: MonthTable[];
}

/** A month's table from how many patients had each count (a local run's, or a warehouse's `months` rows). */
export function monthTableOf(patientsOf: ReadonlyMap<number, number>): MonthTable {
  const distinct = [...patientsOf.keys()].sort((a, b) => a - b);
  return { counts: Float64Array.from(distinct), patients: Float64Array.from(distinct, (count) => patientsOf.get(count)!) };
}

/** A month's table from its patients' counts. */
export function monthTable(counts: ArrayLike<number>): MonthTable {
  const patientsOf = new Map<number, number>();
  for (let i = 0; i < counts.length; i++) patientsOf.set(counts[i]!, (patientsOf.get(counts[i]!) ?? 0) + 1);
  return monthTableOf(patientsOf);
}

/** Beyond this count a month's tables are tallied in a map rather than an array (no real month has such counts). */
const DENSE_COUNTS = 1 << 16;

/**
 * Each month's table of the patients at `slots`, from counts laid out patient by patient (`width`
 * months each, whole numbers ≥ 0, as a tally holds them): the same tables as `monthTable` of each
 * month's counts, tallied in one pass into arrays indexed by count, since a month's counts are small
 * (at 300,000 patients, 13 months, the maps took 0.09 s).
 */
export function monthTables(counts: Int32Array, slots: readonly number[], width: number): MonthTable[] {
  let most = 0;
  for (const slot of slots) for (let m = 0; m < width; m++) most = Math.max(most, counts[slot * width + m]!);
  if (most >= DENSE_COUNTS) return Array.from({ length: width }, (_, m) => monthTable(slots.map((slot) => counts[slot * width + m]!)));
  const span = most + 1;
  const histogram = new Float64Array(width * span);
  for (const slot of slots) for (let m = 0; m < width; m++) histogram[m * span + counts[slot * width + m]!]!++;
  return Array.from({ length: width }, (_, m) => {
    const patientsOf = new Map<number, number>();
    for (let count = 0; count < span; count++) if (histogram[m * span + count]! > 0) patientsOf.set(count, histogram[m * span + count]!);
    return monthTableOf(patientsOf);
  });
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

/**
 * Each replicate's month means, replicate after replicate (`monthCount` each; NaN where no patient
 * is covered). The stream is read replicate by replicate, month by month, cohort by cohort.
 */
export function monthReplicates(cohorts: readonly CohortMonths[], monthCount: number, replicates: number, random: Uint32Source): Float64Array {
  for (const cohort of cohorts) if (cohort.months.length !== monthCount) throw new Error(`monthSeries: every cohort needs ${monthCount} months`);
  const patients = cohorts.reduce((sum, cohort) => sum + cohort.patients, 0);
  const drawn = cohorts.map((cohort) => cohort.months.map((table) => new Float64Array(table.counts.length)));
  const means = new Float64Array(replicates * monthCount);
  for (let replicate = 0; replicate < replicates; replicate++) {
    for (let m = 0; m < monthCount; m++) {
      let sum = 0;
      cohorts.forEach((cohort, c) => {
        const table = cohort.months[m]!;
        const into = drawn[c]![m]!;
        drawMultinomial(cohort.patients, table.patients, cohort.patients, into, random);
        for (let cell = 0; cell < into.length; cell++) sum += into[cell]! * table.counts[cell]!;
      });
      means[replicate * monthCount + m] = patients === 0 ? Number.NaN : sum / patients;
    }
  }
  return means;
}

/** The series' figures: each month's count and mean over the covered patients, and its interval. */
export function monthSeries(cohorts: readonly CohortMonths[], monthCount: number, replicates: number, random: Uint32Source): MonthSeriesFigures {
  const patients = cohorts.reduce((sum, cohort) => sum + cohort.patients, 0);
  const counts = Array.from({ length: monthCount }, (_, m) =>
    cohorts.reduce((sum, cohort) => {
      const table = cohort.months[m]!;
      return sum + table.counts.reduce((cells, count, cell) => cells + count * table.patients[cell]!, 0);
    }, 0),
  );
  const drawn = monthReplicates(cohorts, monthCount, replicates, random);
  const intervals = counts.map((_, m) => percentileInterval(Float64Array.from({ length: replicates }, (_, r) => drawn[r * monthCount + m]!)));
  return { patients, counts, means: counts.map((count) => (patients === 0 ? null : count / patients)), intervals };
}
