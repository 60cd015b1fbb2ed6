import type { Day } from "../core/day.js";
import type { ParsedDate } from "../extracts/dates.js";
import type { Population } from "../extracts/population-table.js";

/**
 * Each person's countable event days, per outcome, for the near-match counts: a candidate's pre and
 * prior counts depend on the index date of the case it is weighed against, so they are counted from
 * the days, for any date, rather than once. Compressed rows (CSR): person p's days of outcome o are
 * `days[o][start[o][p]]` up to `days[o][start[o][p + 1]]`, ascending.
 *
 * Memory: 4 bytes a person an outcome, and 4 bytes a counted event (a day, not the row): in an ICB's
 * population most people have no event, so the people's offsets outweigh the events.
 */
export interface ActivityDays {
  /** The run's outcomes, in order: each gives two near-match variables (its pre and prior counts). */
  outcomes: readonly string[];
  start: readonly Int32Array[];
  days: readonly Int32Array[];
}

/** A growable list of whole numbers, for the events as they stream in. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  pushAll(values: Int32Array): void {
    if (this.length + values.length > this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, this.length + values.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    this.values.set(values, this.length);
    this.length += values.length;
  }
}

/**
 * Collects counted events as the activity extracts stream by (`add`, in any order), then files them
 * by person (`done`). The caller decides what is countable, by the same rules as the counts of the
 * evaluation, and may leave out events outside every window that matching looks at.
 */
export class ActivityDaysBuilder {
  private readonly people: IntList[];
  private readonly days: IntList[];

  constructor(
    private readonly size: number,
    private readonly outcomes: readonly string[],
  ) {
    this.people = outcomes.map(() => new IntList());
    this.days = outcomes.map(() => new IntList());
  }

  add(outcome: number, person: number, day: Day): void {
    this.people[outcome]!.push(person);
    this.days[outcome]!.push(day);
  }

  /** Many events at once (a DuckDB result's columns): `people[i]` had an event on `days[i]`. */
  addAll(outcome: number, people: Int32Array, days: Int32Array): void {
    this.people[outcome]!.pushAll(people);
    this.days[outcome]!.pushAll(days);
  }

  done(): ActivityDays {
    const start: Int32Array[] = [];
    const days: Int32Array[] = [];
    for (let o = 0; o < this.outcomes.length; o++) {
      const filed = fileByPerson(this.size, this.people[o]!, this.days[o]!);
      start.push(filed.start);
      days.push(filed.days);
    }
    return { outcomes: this.outcomes, start, days };
  }
}

/** A counting sort by person, then each person's few days put in order. */
function fileByPerson(size: number, people: IntList, events: IntList): { start: Int32Array; days: Int32Array } {
  const start = new Int32Array(size + 1);
  for (let e = 0; e < people.length; e++) start[people.values[e]! + 1]!++;
  for (let p = 0; p < size; p++) start[p + 1]! += start[p]!;
  const next = start.slice(0, size);
  const days = new Int32Array(people.length);
  for (let e = 0; e < people.length; e++) days[next[people.values[e]!]!++] = events.values[e]!;
  for (let p = 0; p < size; p++) {
    const from = start[p]!;
    const to = start[p + 1]!;
    if (to - from > 1) days.subarray(from, to).sort();
  }
  return { start, days };
}

/** The first position in `days[from, to)` whose day is ≥ `day` (`to` if none). */
export function firstAtOrAfter(days: Int32Array, from: number, to: number, day: Day): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The person's events of one outcome with `fromDay ≤ day < toDay`. */
export function countBetween(activity: ActivityDays, outcome: number, person: number, fromDay: Day, toDay: Day): number {
  const start = activity.start[outcome]!;
  const days = activity.days[outcome]!;
  const from = start[person]!;
  const to = start[person + 1]!;
  if (from === to) return 0;
  return firstAtOrAfter(days, from, to, toDay) - firstAtOrAfter(days, from, to, fromDay);
}

/**
 * What an activity reader hands each valid row of one outcome: the first arguments of the extracts'
 * `ActivitySink`, which may pass more (a function taking fewer is one of those).
 */
export type CountedRowSink = (patientId: string, day: ParsedDate, notCountable: string | undefined) => void;

/**
 * The evaluation's activity reading feeds matching through this: a sink that files one outcome's
 * countable rows of the population's people. Only days in `[span.from, span.to)` are kept
 * where a span is given: matching looks at no day before the earliest case's prior window, nor
 * after the latest case's index day (`--index-day pre` counts it), so the rest need no memory.
 */
export function activityDaysSink(builder: ActivityDaysBuilder, outcome: number, population: Population, span?: { from: Day; to: Day }): CountedRowSink {
  const from = span?.from ?? -(2 ** 31);
  const to = span?.to ?? 2 ** 31 - 1;
  return (patientId, day, notCountable) => {
    if (notCountable !== undefined || typeof day !== "number" || day < from || day >= to) return;
    const person = population.indexOf.get(patientId);
    if (person !== undefined) builder.add(outcome, person, day);
  };
}
