import { type CohortCounts, type CohortLabel } from "../core/aggregate.js";
import { inconsistentResult } from "./long-form.js";

/** One profile of a frequency table from the long form: `n` patients with counts `a` and `b`. */
export interface Profile {
  a: number;
  b: number;
  n: number;
}

/**
 * A cohort's patients from its frequency tables, as the per-patient arrays the statistics read
 * (`CohortCounts`): each (pre, post) profile expanded to its patients, and the covered patients'
 * (prior, pre) profiles laid on patients of the same pre count. Every statistic reads the pairs and
 * the prior-window profiles as separate tables (profile-table.ts), so which patient of a pre count
 * takes which prior count changes no figure; only the tables must agree, or the result is refused.
 */
export function cohortCountsFromTables(label: CohortLabel, pairs: readonly Profile[], prior: readonly Profile[], file: string, firstSlot = 0): CohortCounts {
  const patients = pairs.reduce((sum, profile) => sum + profile.n, 0);
  // No patient is known: each one made here is given a slot of its own, numbered on from `firstSlot`.
  const slots = Int32Array.from({ length: patients }, (_, i) => firstSlot + i);
  const counts: CohortCounts = { ...label, slots, pre: new Int32Array(patients), post: new Int32Array(patients), prior: new Int32Array(patients), priorCovered: new Uint8Array(patients) };
  // The covered patients' prior counts, waiting for a patient with their pre count.
  const waiting = new Map<number, number[]>();
  for (const { a: priorCount, b: pre, n } of prior) {
    const list = waiting.get(pre) ?? [];
    for (let i = 0; i < n; i++) list.push(priorCount);
    waiting.set(pre, list);
  }
  let i = 0;
  for (const { a: pre, b: post, n } of pairs) {
    for (let k = 0; k < n; k++, i++) {
      counts.pre[i] = pre;
      counts.post[i] = post;
      const list = waiting.get(pre);
      if (list && list.length > 0) {
        counts.prior[i] = list.pop()!;
        counts.priorCovered[i] = 1;
      }
    }
  }
  const left = [...waiting.values()].reduce((sum, list) => sum + list.length, 0);
  if (left > 0) {
    throw inconsistentResult(file, `its prior rows for ${label.cohort} hold ${left} patient(s) its pairs rows do not`);
  }
  return counts;
}
