import type { Day } from "../core/day.js";
import type { ActivitySink } from "../extracts/activity-rows.js";
import type { Population } from "../extracts/population-table.js";
import { type ActivityDaysBuilder, activityDaysSink } from "../match/activity-days.js";
import type { Outcome } from "../outcomes/outcome.js";

/**
 * What matching asks of the reading of the activity extracts, beside the subjects' counts: each
 * matched outcome's countable days of the population's people, in the span matching looks at
 * (activity-days.ts). Every engine files the same days: the stream engine from the rows as they pass
 * (`alsoFilingDays`), DuckDB from one more query over the extract (duckdb-days.ts).
 */
export interface DaysWanted {
  builder: ActivityDaysBuilder;
  population: Population;
  /** `[from, to)`: from the earliest prior window's start to the latest index day (`matchSpan`). */
  span: { from: Day; to: Day };
  /** Each matched outcome's position in the builder, by outcome id; an outcome not matched on is not here. */
  outcomes: ReadonlyMap<string, number>;
}

/** The outcome's own sink, and matching's beside it where the outcome is matched on. */
export function alsoFilingDays(sink: ActivitySink, outcome: Outcome, days: DaysWanted | undefined): ActivitySink {
  const position = days?.outcomes.get(outcome.id);
  if (days === undefined || position === undefined) return sink;
  const filed = activityDaysSink(days.builder, position, days.population, days.span);
  return (patientId, day, notCountable, row) => {
    sink(patientId, day, notCountable, row);
    filed(patientId, day, notCountable);
  };
}
