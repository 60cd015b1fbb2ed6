import type { Settings } from "./config/settings.js";
import type { CohortCounts } from "./core/aggregate.js";
import type { ActivityTally } from "./core/count-in-windows.js";
import type { Day } from "./core/day.js";
import { boundaryCount, monthBounds, monthCount, windowMonths, windowOfMonth } from "./core/months.js";
import type { Subjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import type { MonthFigures, MonthSeries, MonthsResult } from "./result.js";
import type { MonthPatients } from "./stats/month-series.js";
import { monthSeries } from "./stats/month-series.js";
import { type StreamSample, streamFor, TOTAL_ROW_INDEX } from "./stats/random-stream.js";

/**
 * An outcome's month-by-month series (statistics.md), for the referred patients and the comparison
 * group: each over the eligible patients whose data cover every month −K…K (all of them where K is
 * the window's), resampled with the Total row's own draws (`month-series.ts`).
 */

/** The run's data coverage, as days. */
export interface CoverageDays {
  dataStart: Day;
  dataEnd: Day;
}

/** The cohorts' patients as the month series reads them: the row's pre and post, coverage of months ±K, and their months. */
function monthPatients(cohort: CohortCounts, subjects: Subjects, tally: ActivityTally, coverage: CoverageDays): MonthPatients {
  const bounds = boundaryCount(subjects.months);
  const perPatient = monthCount(subjects.months);
  const n = cohort.slots.length;
  const covered = new Uint8Array(n);
  const months = new Int32Array(n * perPatient);
  cohort.slots.forEach((slot, i) => {
    const first = subjects.monthBounds[slot * bounds]!;
    const afterLast = subjects.monthBounds[slot * bounds + bounds - 1]!;
    covered[i] = first >= coverage.dataStart && afterLast - 1 <= coverage.dataEnd ? 1 : 0;
    months.set(tally.months.subarray(slot * perPatient, (slot + 1) * perPatient), i * perPatient);
  });
  return { pre: cohort.pre, post: cohort.post, covered, months };
}

/** Each month's place: its number, window, and (for 30-day blocks) its days from the index date. */
function monthPlaces(settings: Pick<Settings, "window" | "indexDay" | "months">): Pick<MonthFigures, "month" | "window" | "first_day" | "last_day">[] {
  const length = parseWindowLength(settings.window);
  const window = windowMonths(length);
  // Blocks of days are the same for everyone: read off an index date of day 0.
  const offsets = monthBounds(0, length, settings.months);
  return Array.from({ length: monthCount(settings.months) }, (_, m) => ({
    month: m - settings.months,
    window: windowOfMonth(m - settings.months, window, settings.indexDay),
    first_day: length.unit === "d" ? offsets[m]! : null,
    last_day: length.unit === "d" ? offsets[m + 1]! - 1 : null,
  }));
}

type SeriesSettings = Pick<Settings, "window" | "indexDay" | "months" | "bootstrap" | "seed">;

function series(
  cohorts: readonly CohortCounts[],
  sample: "referred" | "comparison",
  streamIndex: number,
  counted: { subjects: Subjects; tally: ActivityTally; coverage: CoverageDays },
  settings: SeriesSettings,
): MonthSeries {
  const patients = cohorts.map((cohort) => monthPatients(cohort, counted.subjects, counted.tally, counted.coverage));
  const shares: StreamSample = sample === "referred" ? "referred_months" : "comparison_months";
  // The Total row's stream: the months' resamples are the Total interval's, draw for draw.
  const figures = monthSeries(
    patients,
    monthCount(settings.months),
    settings.bootstrap,
    streamFor(settings.seed, streamIndex, TOTAL_ROW_INDEX, sample),
    streamFor(settings.seed, streamIndex, TOTAL_ROW_INDEX, shares),
  );
  return {
    patients: figures.patients,
    months: monthPlaces(settings).map((place, m) => ({
      ...place,
      count: figures.counts[m]!,
      mean: figures.means[m]!,
      ci_low: figures.intervals[m]!.low,
      ci_high: figures.intervals[m]!.high,
    })),
  };
}

/**
 * @param referred the included referred patients' counts, cohort by cohort (as the Total row has them)
 * @param comparison the comparison group's, cohort for cohort; undefined without one
 */
export function outcomeMonths(
  referred: readonly CohortCounts[],
  comparison: readonly CohortCounts[] | undefined,
  streamIndex: number,
  counted: { subjects: Subjects; tally: ActivityTally; coverage: CoverageDays },
  settings: SeriesSettings,
): MonthsResult {
  return {
    unit: parseWindowLength(settings.window).unit === "m" ? "calendar_month" : "30_day_block",
    from: -settings.months,
    to: settings.months,
    referred: series(referred, "referred", streamIndex, counted, settings),
    ...(comparison ? { comparison: series(comparison, "comparison", streamIndex, counted, settings) } : {}),
  };
}
