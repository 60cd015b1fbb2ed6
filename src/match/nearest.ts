import type { Population } from "../extracts/population-table.js";
import { type CandidateIndex, lowerBound, type Partition } from "./candidate-index.js";
import { isRegisteredAndAlive } from "./candidates.js";
import { type Whitener, whiten } from "./mahalanobis.js";
import type { MatchWindows } from "./match-windows.js";
import type { NearVariables } from "./near-variables.js";
import { ageAt, ageBand, birthYearsOfBand, partitionOf } from "./strata.js";

/**
 * The K nearest so far, nearest first: by distance, and between equal distances by the lower
 * population row (the extract's order), so that the choice among ties is a stated rule.
 */
class Nearest {
  readonly squared: Float64Array;
  readonly people: Int32Array;
  count = 0;

  constructor(
    private readonly k: number,
    private readonly caliper: number,
  ) {
    this.squared = new Float64Array(k);
    this.people = new Int32Array(k);
  }

  /** Whether someone at this squared distance (or any further) could still be taken. */
  couldTake(squared: number): boolean {
    if (!(Math.sqrt(squared) <= this.caliper)) return false;
    return this.count < this.k || squared <= this.squared[this.k - 1]!;
  }

  /** Takes the candidate if within the caliper and nearer than the K-th (or as near, on a lower row). */
  offer(squared: number, person: number): boolean {
    if (!(Math.sqrt(squared) <= this.caliper)) return false;
    let at = this.count;
    while (at > 0 && (squared < this.squared[at - 1]! || (squared === this.squared[at - 1]! && person < this.people[at - 1]!))) at--;
    if (at >= this.k) return false;
    for (let i = Math.min(this.count, this.k - 1); i > at; i--) {
      this.squared[i] = this.squared[i - 1]!;
      this.people[i] = this.people[i - 1]!;
    }
    this.squared[at] = squared;
    this.people[at] = person;
    if (this.count < this.k) this.count++;
    return true;
  }
}

/** What the search of one case needs, shared by every case of a run. */
export interface Search {
  population: Population;
  near: NearVariables;
  whitener: Whitener;
  index: CandidateIndex;
  exactPractice: boolean;
  /** Candidates already taken, by population position: without replacement (matching.md). */
  used: Uint8Array;
  ratio: number;
  /** In the distance's units; Infinity for none. */
  caliper: number;
}

export interface Found {
  /** The controls, nearest first, and their distances. */
  controls: number[];
  distances: number[];
  /** Whether the case's stratum had any candidate left at its index date, near or not. */
  anyCandidate: boolean;
}

/** A cell weighed for one case: the squared distance on age and conditions alone (a bound for all its people), and with no counts. */
interface WeighedCell {
  cell: number;
  bound: number;
  quietSquared: number;
}

/**
 * The case's `ratio` nearest candidates within the caliper, from its exact stratum, among those not
 * yet taken: marked as taken here. `caseX` is the case's own values at its index date.
 *
 * The difference x − caseX is whitened, not each side: a candidate as far above the case as another
 * is below it is then at exactly the same distance (the whitening of −d is exactly −z), and the tie
 * goes to the lower row as the rule says, not to a rounding error.
 *
 * The stratum's cells are weighed nearest first; once a cell's bound is beyond the caliper or the
 * K-th nearest found, so is every later cell's and all their people's, and the search stops.
 */
export function takeNearest(search: Search, casePerson: number, windows: MatchWindows, caseX: Float64Array): Found {
  const { population, near, whitener } = search;
  const found: Found = { controls: [], distances: [], anyCandidate: false };
  const partition = search.index.get(partitionOf(population, casePerson, search.exactPractice));
  if (!partition) return found;
  const band = ageBand(ageAt(population.birthYear[casePerson]!, windows.year));
  const [firstYear, lastYear] = birthYearsOfBand(band, windows.year);
  const firstCell = lowerBound(partition.cellBirthYear, firstYear);
  const endCell = lowerBound(partition.cellBirthYear, lastYear + 1);
  const x = new Float64Array(near.names.length);
  const z = new Float64Array(whitener.kept.length);
  const fixedKept = whitener.kept.filter((variable) => variable < near.fixed).length;
  const squaredTo = (upTo: number) => {
    let sum = 0;
    for (let k = 0; k < upTo; k++) sum += z[k]! * z[k]!;
    return sum;
  };
  const whitenDifference = () => {
    for (let v = 0; v < x.length; v++) x[v] = x[v]! - caseX[v]!;
    whiten(whitener, x, z);
  };
  const cells: WeighedCell[] = [];
  for (let cell = firstCell; cell < endCell; cell++) {
    const someone = partition.quietStart[cell + 1]! > partition.quietStart[cell]! ? partition.quiet[partition.quietStart[cell]!]! : partition.active[partition.activeStart[cell]!]!;
    near.fillWithoutCounts(someone, windows, x);
    whitenDifference();
    cells.push({ cell, bound: squaredTo(fixedKept), quietSquared: squaredTo(z.length) });
  }
  cells.sort((a, b) => a.bound - b.bound || a.cell - b.cell);

  const nearest = new Nearest(search.ratio, search.caliper);
  const distanceOf = (person: number): number => {
    near.fill(person, windows, x);
    whitenDifference();
    return squaredTo(z.length);
  };
  let weighed = 0;
  for (; weighed < cells.length && nearest.couldTake(cells[weighed]!.bound); weighed++) {
    const { cell, quietSquared } = cells[weighed]!;
    offerQuiet(search, partition, cell, windows, quietSquared, nearest, found);
    const end = partition.activeStart[cell + 1]!;
    for (let i = partition.activeStart[cell]!; i < end; i++) {
      const person = partition.active[i]!;
      if (search.used[person] === 1 || !isRegisteredAndAlive(population, person, windows)) continue;
      found.anyCandidate = true;
      nearest.offer(near.hasNoCountsAt(person, windows) ? quietSquared : distanceOf(person), person);
    }
  }
  // Unmatched for the caliper, or for want of anyone? Only then are the cells passed over looked at.
  if (nearest.count === 0 && !found.anyCandidate) {
    found.anyCandidate = cells.slice(weighed).some(({ cell }) => hasCandidate(search, partition, cell, windows));
  }

  for (let i = 0; i < nearest.count; i++) {
    const person = nearest.people[i]!;
    search.used[person] = 1;
    found.controls.push(person);
    found.distances.push(Math.sqrt(nearest.squared[i]!));
  }
  return found;
}

/**
 * Offers a cell's unused quiet people, in row order, at their one distance: once one is refused
 * every later one would be (same distance, higher row), so the walk stops there.
 */
function offerQuiet(search: Search, partition: Partition, cell: number, windows: MatchWindows, squared: number, nearest: Nearest, found: Found): void {
  const { population, used } = search;
  const end = partition.quietStart[cell + 1]!;
  let head = partition.quietHead[cell]!;
  while (head < end && used[partition.quiet[head]!] === 1) head++;
  partition.quietHead[cell] = head;
  for (let m = head; m < end; m++) {
    const person = partition.quiet[m]!;
    if (used[person] === 1 || !isRegisteredAndAlive(population, person, windows)) continue;
    found.anyCandidate = true;
    if (!nearest.offer(squared, person)) return;
  }
}

function hasCandidate(search: Search, partition: Partition, cell: number, windows: MatchWindows): boolean {
  const free = (person: number) => search.used[person] === 0 && isRegisteredAndAlive(search.population, person, windows);
  return partition.quiet.subarray(partition.quietHead[cell]!, partition.quietStart[cell + 1]!).some(free) ||
    partition.active.subarray(partition.activeStart[cell]!, partition.activeStart[cell + 1]!).some(free);
}
