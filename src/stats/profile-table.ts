/**
 * A frequency table of patients' profiles: each distinct tuple of counts (a patient's pre and post, or
 * covered flag, prior and pre) once, with how many patients had it. Every figure of statistics.md is a
 * function of how many patients had each profile, never of which patient had which, so after one pass
 * over the patients (O(patients)) everything else costs in distinct profiles, which counts of hospital
 * use keep to hundreds however many patients there are.
 *
 * The bootstrap rests on it too: drawing n patients with replacement is drawing, for each profile, how
 * many of the n draws land on its patients, one multinomial draw of n over the profiles with
 * probabilities patients / n (`multinomial.ts`). A profile is a tuple of any width, so further counts
 * of the same patients (months around the index date) can join the pre and post and be resampled with
 * them, the same resampled patients for every figure.
 *
 * Profiles are kept in ascending lexicographic order, whatever order the patients came in: the table,
 * and so every interval drawn from it, is the same for the same patients listed in another order.
 */

export interface ProfileTable {
  /** How many whole numbers make one profile. */
  width: number;
  /** The distinct profiles, `width` numbers each, one after the other, in ascending lexicographic order. */
  profiles: Int32Array;
  /** How many patients had each profile (whole numbers, in doubles for the arithmetic that reads them). */
  patients: Float64Array;
  /** The patients of the table: the sum of `patients`. */
  total: number;
}

/**
 * Tabulates parallel columns, one entry per patient each: patient i's profile is
 * (columns[0][i], columns[1][i], …). A flag column may hold booleans (read as 0 and 1).
 *
 * @param columns at least one, all of one length, of whole numbers from 0 to 2^31 − 1
 */
export function tabulateProfiles(columns: readonly ArrayLike<number | boolean>[]): ProfileTable {
  const width = columns.length;
  if (width === 0) throw new Error("tabulateProfiles: a profile needs at least one column");
  const patients = columns[0]!.length;
  for (const column of columns) {
    if (column.length !== patients) {
      throw new Error(`tabulateProfiles: every column must have one entry per patient (got ${columns.map((c) => c.length).join(", ")})`);
    }
  }
  const counter = newCounter(width);
  const profile = new Int32Array(width);
  for (let i = 0; i < patients; i++) {
    for (let field = 0; field < width; field++) {
      const value = +columns[field]![i]!;
      // `| 0` keeps a whole number below 2^31 as it is and changes anything else (NaN, 1.5, 2^31).
      if ((value | 0) !== value || value < 0) {
        throw new Error(`tabulateProfiles: counts must be whole numbers from 0 to 2^31 − 1 (patient ${i}, column ${field}: ${columns[field]![i]})`);
      }
      profile[field] = value;
    }
    addProfile(counter, profile, 0, 1);
  }
  return sortedTable(counter);
}

/**
 * One table of several tables' patients together, as if tabulated from their patients pooled: the
 * `Total` row's table from its cohorts'.
 *
 * @param width the profile width, so that no tables (no cohorts) still give an empty table of that width
 */
export function mergeProfiles(width: number, tables: readonly ProfileTable[]): ProfileTable {
  const counter = newCounter(width);
  for (const table of tables) {
    if (table.width !== width) {
      throw new Error(`mergeProfiles: every table must have profiles of width ${width} (got ${table.width})`);
    }
    for (let p = 0; p < table.patients.length; p++) addProfile(counter, table.profiles, p * width, table.patients[p]!);
  }
  return sortedTable(counter);
}

/**
 * An open-addressing hash table of profiles (linear probing, D. E. Knuth, *The Art of Computer
 * Programming* 3, 2nd ed., §6.4, Algorithm L): one typed-array lookup per patient, where a `Map` would
 * need a string per profile. At most half its slots are ever full, so a probe is short.
 */
interface ProfileCounter {
  width: number;
  distinct: number;
  /** Each slot's profile index, −1 where empty; the length is a power of two. */
  slots: Int32Array;
  profiles: Int32Array;
  patients: Float64Array;
}

const FIRST_SLOTS = 64;

function newCounter(width: number): ProfileCounter {
  return {
    width,
    distinct: 0,
    slots: new Int32Array(FIRST_SLOTS).fill(-1),
    profiles: new Int32Array((FIRST_SLOTS / 2) * width),
    patients: new Float64Array(FIRST_SLOTS / 2),
  };
}

/** A 32-bit hash of the profile at `source[offset …]`: multiply-xorshift mixing, field by field. */
function hashProfile(source: Int32Array, offset: number, width: number): number {
  let hash = width;
  for (let field = 0; field < width; field++) {
    // 0x9e3779b1 is ⌊2^32 / φ⌋, Knuth's multiplicative hashing constant (§6.4).
    hash = Math.imul(hash ^ source[offset + field]!, 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  return hash;
}

/** The slot holding the profile at `source[offset …]`, or the empty slot where it belongs. */
function findSlot(counter: ProfileCounter, source: Int32Array, offset: number): number {
  const { width, slots, profiles } = counter;
  const mask = slots.length - 1;
  let slot = hashProfile(source, offset, width) & mask;
  for (;;) {
    const index = slots[slot]!;
    if (index < 0) return slot;
    let same = true;
    for (let field = 0; field < width && same; field++) same = profiles[index * width + field] === source[offset + field];
    if (same) return slot;
    slot = (slot + 1) & mask;
  }
}

function addProfile(counter: ProfileCounter, source: Int32Array, offset: number, patients: number): void {
  const slot = findSlot(counter, source, offset);
  const index = counter.slots[slot]!;
  if (index >= 0) {
    counter.patients[index]! += patients;
    return;
  }
  const added = counter.distinct++;
  counter.slots[slot] = added;
  counter.profiles.set(source.subarray(offset, offset + counter.width), added * counter.width);
  counter.patients[added] = patients;
  if (counter.distinct * 2 >= counter.slots.length) grow(counter);
}

/** Doubles the slots (and the room for profiles) and puts every profile back. */
function grow(counter: ProfileCounter): void {
  const slotCount = counter.slots.length * 2;
  const profiles = new Int32Array((slotCount / 2) * counter.width);
  profiles.set(counter.profiles);
  const patients = new Float64Array(slotCount / 2);
  patients.set(counter.patients);
  counter.profiles = profiles;
  counter.patients = patients;
  counter.slots = new Int32Array(slotCount).fill(-1);
  for (let index = 0; index < counter.distinct; index++) {
    counter.slots[findSlot(counter, profiles, index * counter.width)] = index;
  }
}

function sortedTable(counter: ProfileCounter): ProfileTable {
  const { width, distinct } = counter;
  const order = Array.from({ length: distinct }, (_, index) => index);
  order.sort((a, b) => {
    for (let field = 0; field < width; field++) {
      const difference = counter.profiles[a * width + field]! - counter.profiles[b * width + field]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const profiles = new Int32Array(distinct * width);
  const patients = new Float64Array(distinct);
  let total = 0;
  order.forEach((index, rank) => {
    profiles.set(counter.profiles.subarray(index * width, (index + 1) * width), rank * width);
    patients[rank] = counter.patients[index]!;
    total += counter.patients[index]!;
  });
  return { width, profiles, patients, total };
}
