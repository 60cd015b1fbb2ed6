import type { Count } from "./count.js";
import { type ActivityTally, countAt } from "./count-in-windows.js";
import type { Day } from "./day.js";
import type { Subjects } from "./subjects.js";
import { PLACE } from "./windows.js";

/** Rule 5 for one row (evaluation.md): its patients, window totals, per-patient rates and the pooled change. */
export interface CohortTotals<N extends Count = number> {
  cohort: string;
  label: string;
  patients: N;
  pre: N;
  post: N;
  pre_per_patient: number | null;
  post_per_patient: number | null;
  change_pct: number | null;
}

export interface CohortLabel {
  cohort: string;
  label: string;
}

/**
 * One row's patients, each with their own counts (zero where they had no activity): what the
 * aggregation and every statistic are computed from.
 */
export interface CohortCounts extends CohortLabel {
  /** Each patient's subject slot, in the order of the arrays below. */
  slots: Int32Array;
  pre: Int32Array;
  post: Int32Array;
  prior: Int32Array;
  /** 1 where the patient's prior window lies inside the data coverage (statistics.md). */
  priorCovered: Uint8Array;
}

/**
 * Rule 4: per-patient window counts of the included patients (referred, or comparison), grouped by
 * cohort in the given order.
 */
export function countsByCohort(
  cohorts: readonly CohortLabel[],
  included: readonly { cohort: string; slot: number }[],
  subjects: Subjects,
  tally: ActivityTally,
  dataStart: Day | null,
): CohortCounts[] {
  return cohorts.map(({ cohort, label }) => {
    const members = included.filter((patient) => patient.cohort === cohort);
    const counts: CohortCounts = {
      cohort,
      label,
      slots: Int32Array.from(members, (member) => member.slot),
      pre: new Int32Array(members.length),
      post: new Int32Array(members.length),
      prior: new Int32Array(members.length),
      priorCovered: new Uint8Array(members.length),
    };
    members.forEach(({ slot }, i) => {
      counts.pre[i] = countAt(tally, slot, PLACE.pre);
      counts.post[i] = countAt(tally, slot, PLACE.post);
      counts.prior[i] = countAt(tally, slot, PLACE.prior);
      counts.priorCovered[i] = dataStart !== null && subjects.priorStart[slot]! >= dataStart ? 1 : 0;
    });
    return counts;
  });
}

function sum(values: Int32Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `(post − pre) / pre × 100`, null where pre is 0. */
export function changePct(pre: number, post: number): number | null {
  return pre === 0 ? null : ((post - pre) / pre) * 100;
}

/** Rule 5 for one row: patients, window totals, per-patient rates and the pooled change. */
export function cohortFigures(label: CohortLabel, pre: Int32Array, post: Int32Array): CohortTotals {
  const patients = pre.length;
  const preTotal = sum(pre);
  const postTotal = sum(post);
  return {
    cohort: label.cohort,
    label: label.label,
    patients,
    pre: preTotal,
    post: postTotal,
    pre_per_patient: patients === 0 ? null : preTotal / patients,
    post_per_patient: patients === 0 ? null : postTotal / patients,
    change_pct: changePct(preTotal, postTotal),
  };
}

function concatenate<T extends Int32Array | Uint8Array>(parts: readonly T[], make: (length: number) => T): T {
  const joined = make(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** All cohorts together: pooled from the patients' counts, never an average of cohort percentages. */
export function pooledCounts(cohorts: readonly CohortCounts[]): CohortCounts {
  return {
    cohort: "Total",
    label: "Total",
    slots: concatenate(cohorts.map((c) => c.slots), (n) => new Int32Array(n)),
    pre: concatenate(cohorts.map((c) => c.pre), (n) => new Int32Array(n)),
    post: concatenate(cohorts.map((c) => c.post), (n) => new Int32Array(n)),
    prior: concatenate(cohorts.map((c) => c.prior), (n) => new Int32Array(n)),
    priorCovered: concatenate(cohorts.map((c) => c.priorCovered), (n) => new Uint8Array(n)),
  };
}
