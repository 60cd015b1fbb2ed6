import type { Population } from "../extracts/population-table.js";
import type { NearVariables } from "./near-variables.js";
import { partitionOf } from "./strata.js";

/**
 * The people who can be candidates (not referred), filed for the search by partition (strata.ts),
 * and within a partition by *cell*: the people of one birth year and one `ltc_count`. Everything of
 * a cell's people but their counts is the same at a given index date, so the search weighs a cell
 * before its people (a cell too far on age and conditions alone is passed over whole), and its
 * people without any event are weighed once for all of them. A cell's people are in row order, the
 * order ties are broken in.
 *
 * Only partitions that a case is in are filed: no one else can be a control.
 */
export interface Partition {
  /** Cells in order of birth year, then `ltc_count` (-1 throughout where the extract has none). */
  cellBirthYear: Int32Array;
  cellLtc: Int32Array;
  /** Cell c's people without events: `quiet[quietStart[c] … quietStart[c+1])`. */
  quietStart: Int32Array;
  quiet: Int32Array;
  /** Per cell, the first of its quiet people who may still be unused: the used ones before it are passed for good. */
  quietHead: Int32Array;
  /** Cell c's people with events: `active[activeStart[c] … activeStart[c+1])`. */
  activeStart: Int32Array;
  active: Int32Array;
}

export type CandidateIndex = Map<number, Partition>;

/** A stable counting sort of `people` by an integer key of each (`key(person)` in `[low, high]`). */
function sortByKey(people: Int32Array, key: (person: number) => number, low: number, high: number): Int32Array {
  const counts = new Int32Array(high - low + 2);
  for (const person of people) counts[key(person) - low + 1]!++;
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
  const sorted = new Int32Array(people.length);
  for (const person of people) sorted[counts[key(person) - low]!++] = person;
  return sorted;
}

function rangeOf(people: Int32Array, values: Int32Array): [number, number] {
  let low = values[people[0]!]!;
  let high = low;
  for (const person of people) {
    const value = values[person]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** Files one partition's people, given in row order. */
function filePartition(population: Population, near: NearVariables, people: Int32Array): Partition {
  const { birthYear, ltcCount } = population;
  const [firstYear, lastYear] = rangeOf(people, birthYear);
  const [lowLtc, highLtc] = rangeOf(people, ltcCount);
  // Stable sorts, by ltc then by birth year: cells in order, row order within each.
  const ordered = sortByKey(sortByKey(people, (person) => ltcCount[person]!, lowLtc, highLtc), (person) => birthYear[person]!, firstYear, lastYear);
  const cellBirthYear: number[] = [];
  const cellLtc: number[] = [];
  const quietStart: number[] = [];
  const activeStart: number[] = [];
  const quiet: number[] = [];
  const active: number[] = [];
  ordered.forEach((person, i) => {
    const previous = ordered[i - 1]!;
    if (i === 0 || birthYear[person] !== birthYear[previous] || ltcCount[person] !== ltcCount[previous]) {
      cellBirthYear.push(birthYear[person]!);
      cellLtc.push(ltcCount[person]!);
      quietStart.push(quiet.length);
      activeStart.push(active.length);
    }
    (near.isActive(person) ? active : quiet).push(person);
  });
  quietStart.push(quiet.length);
  activeStart.push(active.length);
  return {
    cellBirthYear: Int32Array.from(cellBirthYear),
    cellLtc: Int32Array.from(cellLtc),
    quietStart: Int32Array.from(quietStart),
    quiet: Int32Array.from(quiet),
    quietHead: Int32Array.from(quietStart.slice(0, -1)),
    activeStart: Int32Array.from(activeStart),
    active: Int32Array.from(active),
  };
}

/** Files the people who can be candidates, in the partitions of `wanted` (the cases'). */
export function indexCandidates(
  population: Population,
  referred: Uint8Array,
  near: NearVariables,
  wanted: ReadonlySet<number>,
  exactPractice: boolean,
): CandidateIndex {
  const byPartition = new Map<number, number[]>();
  for (let person = 0; person < population.size; person++) {
    if (referred[person] === 1) continue;
    const partition = partitionOf(population, person, exactPractice);
    if (!wanted.has(partition)) continue;
    let people = byPartition.get(partition);
    if (!people) byPartition.set(partition, (people = []));
    people.push(person);
  }
  const index: CandidateIndex = new Map();
  for (const [partition, people] of byPartition) index.set(partition, filePartition(population, near, Int32Array.from(people)));
  return index;
}

/** The first position in a sorted `values` that is ≥ `value`. */
export function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
