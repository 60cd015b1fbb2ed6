/**
 * The groups of a breakdown (statistics.md, "Breakdowns"): each patient's value of a referral
 * column, read from their index row, or their age band, made from the index row's age by the bands
 * of `--age-bands`. A patient missing the value is in the `unknown` group, never dropped, so that a
 * breakdown's rows always add up to the row they break down.
 */

/** The breakdown made from `age` by `--age-bands`. */
export const AGE_BAND = "age_band";

/** The group of a patient whose value is missing (empty, or a missing-value token). */
export const UNKNOWN_GROUP = "unknown";

/** The columns read from the index row for the breakdowns: every `by` column but `age_band`, which is made from `age`. */
export function groupColumnsOf(by: readonly string[]): string[] {
  return by.filter((column) => column !== AGE_BAND);
}

/** The bands' names in order: [18, 35, 55, 75] → 0-17, 18-34, 35-54, 55-74, 75+. */
export function ageBandNames(bands: readonly number[]): string[] {
  return [`0-${bands[0]! - 1}`, ...bands.slice(1).map((start, i) => `${bands[i]}-${start - 1}`), `${bands[bands.length - 1]}+`];
}

/** The band of an age: the last band whose start it reaches; `unknown` for an unknown age. */
export function ageBandOf(age: number | undefined, bands: readonly number[]): string {
  if (age === undefined) return UNKNOWN_GROUP;
  const names = ageBandNames(bands);
  let band = 0;
  while (band < bands.length && age >= bands[band]!) band++;
  return names[band]!;
}

/** What a patient brings to the breakdowns: the index row's age, and its values of the group columns. */
export interface GroupedPatient {
  age: number | undefined;
  /** The index row's value of each group column (`groupColumnsOf`), "" where missing. */
  groups: readonly string[];
}

/** A patient's group in one breakdown. */
export function groupOf(patient: GroupedPatient, column: string, settings: { by: readonly string[]; ageBands: readonly number[] | null }): string {
  if (column === AGE_BAND) return ageBandOf(patient.age, settings.ageBands ?? []);
  const value = patient.groups[groupColumnsOf(settings.by).indexOf(column)] ?? "";
  return value === "" ? UNKNOWN_GROUP : value;
}

/**
 * The groups found, in the order the rows show them: age bands in age order, other values in the
 * order of their text (code unit by code unit, the same on every machine), `unknown` last.
 */
export function groupOrder(column: string, found: ReadonlySet<string>, ageBands: readonly number[] | null): string[] {
  const known = [...found].filter((group) => group !== UNKNOWN_GROUP);
  if (column === AGE_BAND) {
    const names = ageBandNames(ageBands ?? []);
    known.sort((a, b) => names.indexOf(a) - names.indexOf(b));
  } else {
    known.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return found.has(UNKNOWN_GROUP) ? [...known, UNKNOWN_GROUP] : known;
}
