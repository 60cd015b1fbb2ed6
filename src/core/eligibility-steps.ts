import type { Count, Suppressible } from "./count.js";

/** Why a referred patient is excluded, one reason per eligibility rule, in rule order (evaluation.md rule 2). */
export type ExclusionReason =
  | "invalid_referral_row"
  | "outside_period"
  | "no_consent"
  | "too_few_onward_referrals"
  | "age"
  | "incomplete_window";
export type ComparisonExclusionReason = "referred" | "outside_period" | "incomplete_window";

export interface AttritionStep<Reason extends string = ExclusionReason, N extends Count = number> extends Suppressible {
  reason: Reason;
  excluded: N;
  remaining: N;
}
