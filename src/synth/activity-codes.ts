/**
 * The codes the synthetic activity rows carry, with rough shares. Which codes count is the spec's
 * (evaluation.md, inputs); the shares only make the extracts look like real ones.
 */

/** ECDS unplanned attendances, all counted: 1 first attendance, 2 and 3 unplanned follow-ups. */
export const UNPLANNED_CATEGORIES = [
  ["1", 0.9],
  ["2", 0.06],
  ["3", 0.04],
] as const;

/** ECDS planned follow-up: excluded by default under `--ae-coding ecds`. */
export const PLANNED_FOLLOW_UP = "4";

/** Emergency admission methods (the spec's default list), mostly via A&E (21). */
export const EMERGENCY_METHODS = [
  ["21", 0.62],
  ["22", 0.1],
  ["23", 0.01],
  ["24", 0.04],
  ["25", 0.01],
  ["2A", 0.06],
  ["2B", 0.03],
  ["2C", 0.02],
  ["2D", 0.03],
  ["28", 0.08],
] as const;

/** Elective admissions (never counted): 11 waiting list, 12 booked, 13 planned. */
export const ELECTIVE_METHODS = [
  ["11", 0.45],
  ["12", 0.35],
  ["13", 0.2],
] as const;

/** Maternity admissions (never counted): 31 ante partum, 32 post partum. */
export const ANTE_PARTUM = "31";
export const POST_PARTUM = "32";

/** 81: a transfer from another provider, not in an emergency (never counted). */
export const TRANSFER_IN = "81";

/** 82 and 83: a baby's own birth admission, in this provider or outside it (never counted). */
export const BIRTH_METHODS = [
  ["82", 0.9],
  ["83", 0.1],
] as const;
