import type { AttritionStep, ExclusionReason } from "./eligibility-steps.js";
import type { Day } from "./day.js";
import type { ReferredPatient } from "./index-patients.js";
import type { Subjects } from "./subjects.js";

export interface EligibilityCriteria {
  from: Day | null;
  to: Day | null;
  requireConsent: boolean;
  minOnwardReferrals: number | null;
  minAge: number | null;
  /** The data coverage; null where it is unknown (no activity to infer it from). */
  dataStart: Day | null;
  dataEnd: Day | null;
  /** Patients with a referral row that was invalid (skipped): their index date cannot be trusted. */
  invalidReferralRows: ReadonlySet<string>;
}

export const EXCLUSION_ORDER: readonly ExclusionReason[] = [
  "invalid_referral_row",
  "outside_period",
  "no_consent",
  "too_few_onward_referrals",
  "age",
  "incomplete_window",
];

/** True where a window starts before the data does or ends after it (or the coverage is unknown). */
export function isWindowIncomplete(start: Day, end: Day, dataStart: Day | null, dataEnd: Day | null): boolean {
  return dataStart === null || dataEnd === null || start < dataStart || end > dataEnd;
}

/** Rule 2.1: the index date is before `--from` or after `--to` (each bound optional, inclusive). */
export function isOutsidePeriod(indexDate: Day, criteria: Pick<EligibilityCriteria, "from" | "to">): boolean {
  return (criteria.from !== null && indexDate < criteria.from) || (criteria.to !== null && indexDate > criteria.to);
}

/** The first rule, in order, that excludes the patient; undefined if none does. */
export function exclusionOf(patient: ReferredPatient, subjects: Subjects, criteria: EligibilityCriteria): ExclusionReason | undefined {
  // Bad input: a skipped row might have been the earliest contact, so the index date (and the
  // index row's cohort, consent and age) cannot be trusted.
  if (criteria.invalidReferralRows.has(patient.patientId)) return "invalid_referral_row";
  if (isOutsidePeriod(patient.indexDate, criteria)) return "outside_period";
  if (criteria.requireConsent && !patient.consent) return "no_consent";
  if (criteria.minOnwardReferrals !== null && patient.onwardReferrals < criteria.minOnwardReferrals) {
    return "too_few_onward_referrals";
  }
  if (criteria.minAge !== null && (patient.age === undefined || patient.age < criteria.minAge)) return "age";
  // Counting half-observed follow-up would fake a reduction, so this rule is never off.
  const slot = patient.slot;
  if (isWindowIncomplete(subjects.preStart[slot]!, subjects.postEnd[slot]!, criteria.dataStart, criteria.dataEnd)) {
    return "incomplete_window";
  }
  return undefined;
}

export interface Eligibility {
  attrition: AttritionStep[];
  included: ReferredPatient[];
  /** By slot: 1 where the patient is included. */
  isIncluded: Uint8Array;
}

/**
 * Rule 2: each patient is counted under the first rule that excludes them, and only under it.
 * `unindexed` patients had referral rows, every one of them invalid: they have no index date, are
 * referred all the same, and are excluded as `invalid_referral_row`.
 */
export function applyEligibility(
  patients: readonly ReferredPatient[],
  subjects: Subjects,
  criteria: EligibilityCriteria,
  unindexed = 0,
): Eligibility {
  const excludedBy = new Map<ExclusionReason, number>(EXCLUSION_ORDER.map((reason) => [reason, 0]));
  excludedBy.set("invalid_referral_row", unindexed);
  const included: ReferredPatient[] = [];
  const isIncluded = new Uint8Array(subjects.size);
  for (const patient of patients) {
    const reason = exclusionOf(patient, subjects, criteria);
    if (reason) {
      excludedBy.set(reason, excludedBy.get(reason)! + 1);
    } else {
      included.push(patient);
      isIncluded[patient.slot] = 1;
    }
  }
  let remaining = patients.length + unindexed;
  const attrition = EXCLUSION_ORDER.map((reason) => {
    const excluded = excludedBy.get(reason)!;
    remaining -= excluded;
    return { reason, excluded, remaining };
  });
  return { attrition, included, isIncluded };
}
