import type { AttritionStep, ComparisonExclusionReason } from "./eligibility-steps.js";
import type { ComparisonPatient } from "../extracts/comparison.js";
import { type EligibilityCriteria, isOutsidePeriod, isWindowIncomplete } from "./eligibility.js";
import type { Subjects } from "./subjects.js";

export const COMPARISON_EXCLUSION_ORDER: readonly ComparisonExclusionReason[] = ["referred", "outside_period", "incomplete_window"];

export interface ComparisonMember {
  cohort: string;
  slot: number;
  /** The case whose matched set the control is in, where the extract says (`matched_to`). */
  matchedTo?: string;
}

export interface ComparisonEligibility {
  attrition: AttritionStep<ComparisonExclusionReason>[];
  included: ComparisonMember[];
}

/**
 * statistics.md: a referred patient cannot be a control (`referred`); of the referred patients' rules
 * only the study period and complete windows apply, after it, in that order.
 */
export function applyComparisonEligibility(
  patients: readonly ComparisonPatient[],
  subjects: Subjects,
  referredIds: ReadonlySet<string>,
  criteria: EligibilityCriteria,
): ComparisonEligibility {
  const excludedBy = new Map<ComparisonExclusionReason, number>(COMPARISON_EXCLUSION_ORDER.map((reason) => [reason, 0]));
  const included: ComparisonMember[] = [];
  for (const patient of patients) {
    const reason = comparisonExclusionOf(patient, subjects, referredIds, criteria);
    if (reason) excludedBy.set(reason, excludedBy.get(reason)! + 1);
    else included.push({ cohort: patient.cohort, slot: subjects.slotOf.get(patient.patientId)!, ...(patient.matchedTo !== undefined ? { matchedTo: patient.matchedTo } : {}) });
  }
  let remaining = patients.length;
  const attrition = COMPARISON_EXCLUSION_ORDER.map((reason) => {
    const excluded = excludedBy.get(reason)!;
    remaining -= excluded;
    return { reason, excluded, remaining };
  });
  return { attrition, included };
}

/** The first rule, in order, that excludes a comparison patient; undefined if none does. */
export function comparisonExclusionOf(
  patient: ComparisonPatient,
  subjects: Subjects,
  referredIds: ReadonlySet<string>,
  criteria: EligibilityCriteria,
): ComparisonExclusionReason | undefined {
  if (referredIds.has(patient.patientId)) return "referred";
  if (isOutsidePeriod(patient.indexDate, criteria)) return "outside_period";
  const slot = subjects.slotOf.get(patient.patientId)!;
  if (isWindowIncomplete(subjects.preStart[slot]!, subjects.postEnd[slot]!, criteria.dataStart, criteria.dataEnd)) {
    return "incomplete_window";
  }
  return undefined;
}
