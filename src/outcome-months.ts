import type { Settings } from "./config/settings.js";
import type { CohortCounts } from "./core/aggregate.js";
import type { ActivityTally } from "./core/count-in-windows.js";
import type { Day } from "./core/day.js";
import { boundaryCount, monthBounds, monthCount, windowMonths, windowOfMonth } from "./core/months.js";
import type { Subjects } from "./core/subjects.js";
import { parseWindowLength } from "./core/windows.js";
import type { MonthFigures, MonthSeries, MonthsResult } from "./result.js";
import { type CohortMonths, type MonthSeriesFigures, monthTables } from "./stats/month-series.js";
import { drawMonthSeriesOffThread, type MonthSeriesJob } from "./stats/month-series-thread.js";

/**
 * An outcome's month-by-month series (statistics.md), for the referred patients and the comparison
 * group: each over the eligible patients whose data cover every month −K…K (all of them where K is
 * the window's), each month's interval from its frequency table (`month-series.ts`), on a stream of
 * the Total row's own.
 */

/** The run's data coverage, as days. */
export interface CoverageDays {
  dataStart: Day;
  dataEnd: Day;
}

/** A cohort's covered patients as the month series reads them: each month's frequency table of their counts. */
export function cohortMonths(cohort: CohortCounts, subjects: Subjects, tally: ActivityTally, coverage: CoverageDays): CohortMonths {
  const bounds = boundaryCount(subjects.months);
  const perPatient = monthCount(subjects.months);
  const covered = Array.from(cohort.slots).filter((slot) => {
    const first = subjects.monthBounds[slot * bounds]!;
    const afterLast = subjects.monthBounds[slot * bounds + bounds - 1]!;
    return first >= coverage.dataStart && afterLast - 1 <= coverage.dataEnd;
  });
  const months = monthTables(tally.months, covered, perPatient);
  return { patients: covered.length, months };
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

function seriesJob(cohorts: readonly CohortMonths[], sample: "referred" | "comparison", streamIndex: number, settings: SeriesSettings): MonthSeriesJob {
  const stream = sample === "referred" ? "referred_months" : "comparison_months";
  return { cohorts: [...cohorts], monthCount: monthCount(settings.months), replicates: settings.bootstrap, seed: settings.seed, outcomeIndex: streamIndex, sample: stream };
}

function series(figures: MonthSeriesFigures, settings: SeriesSettings): MonthSeries {
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

function monthsResult(referred: MonthSeriesFigures, comparison: MonthSeriesFigures | undefined, settings: SeriesSettings): MonthsResult {
  return {
    unit: parseWindowLength(settings.window).unit === "m" ? "calendar_month" : "30_day_block",
    from: -settings.months,
    to: settings.months,
    referred: series(referred, settings),
    ...(comparison ? { comparison: series(comparison, settings) } : {}),
  };
}

/**
 * The outcome's series, each bootstrap drawn on another thread where it is worth one
 * (`month-series-thread.ts`), so that the caller works out the rows meanwhile: the same figures
 * wherever they are drawn.
 *
 * @param referred the covered referred patients' months, cohort by cohort (`cohortMonths`)
 * @param comparison the comparison group's, cohort for cohort; undefined without one
 */
export async function outcomeMonths(
  referred: readonly CohortMonths[],
  comparison: readonly CohortMonths[] | undefined,
  streamIndex: number,
  settings: SeriesSettings,
): Promise<MonthsResult> {
  const draw = (cohorts: readonly CohortMonths[], sample: "referred" | "comparison") => drawMonthSeriesOffThread(seriesJob(cohorts, sample, streamIndex, settings));
  const [referredFigures, comparisonFigures] = await Promise.all([draw(referred, "referred"), comparison && draw(comparison, "comparison")]);
  return monthsResult(referredFigures, comparisonFigures, settings);
}
