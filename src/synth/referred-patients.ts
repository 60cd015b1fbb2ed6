/**
 * Who the provider referred: each cohort's included patients (exactly as many as published) and the
 * patients each eligibility rule must exclude (evaluation.md rule 2), in realistic shares.
 */
import { type Day, dayFromCivil } from "../core/day.js";
import { clampedNormalInt, frailty } from "./distributions.js";
import type { Random } from "./random.js";
import { PCN_COHORT, type WestKentCohort } from "./west-kent-cohorts.js";
import { PERIOD, REFERRAL_SPAN } from "./west-kent-calendar.js";
import { PATIENT_FRAILTY_SHAPE } from "./window-counts.js";

/**
 * What the rules make of a referred patient. Every fate but `included` is caught by exactly one rule,
 * the first in the spec's order that fails (later rules may fail too, as in real data).
 */
export type Fate =
  | "included"
  /** outside_period: first seen April–December 2020. */
  | "before_period"
  /** outside_period: first seen in the second half of 2020 and seen again inside the period. */
  | "before_period_returning"
  /** outside_period: first seen August–December 2022. */
  | "after_period"
  | "no_consent"
  | "no_onward_referral"
  /** age: under 18 at the first intervention (PCN cohort only). */
  | "under_18"
  /** age: no age recorded at the first intervention (PCN cohort only). */
  | "age_unknown";

/** Excluded patients per included patient of the cohort (the age fates in the PCN cohort only). */
export const EXCLUDED_SHARES: Readonly<Record<Exclude<Fate, "included">, number>> = {
  before_period: 0.07,
  before_period_returning: 0.03,
  after_period: 0.07,
  no_consent: 0.08,
  no_onward_referral: 0.12,
  under_18: 0.03,
  age_unknown: 0.008,
};

/** Ages below 18 are seen only in the PCN cohort; unknown ages anywhere, rarely, among the excluded. */
const UNDER_18_SHARE = 0.03;
const AGE_UNKNOWN_SHARE = 0.01;

export interface ReferredPatient {
  cohort: WestKentCohort;
  fate: Fate;
  indexDate: Day;
  /** Age at the first intervention; null where the provider recorded none. */
  age: number | null;
  frailty: number;
}

const RETURNING_FIRST_SEEN = dayFromCivil(2020, 7, 1);

function indexDateFor(random: Random, fate: Fate): Day {
  switch (fate) {
    case "before_period":
      return random.int(REFERRAL_SPAN.start, PERIOD.from - 1);
    case "before_period_returning":
      return random.int(RETURNING_FIRST_SEEN, PERIOD.from - 1);
    case "after_period":
      return random.int(PERIOD.to + 1, REFERRAL_SPAN.end);
    default:
      return random.int(PERIOD.from, PERIOD.to);
  }
}

function ageFor(random: Random, cohort: WestKentCohort, fate: Fate): number | null {
  const adult = (): number => clampedNormalInt(random, cohort.age.mean, cohort.age.sd, cohort.age.min, cohort.age.max);
  if (fate === "under_18") return random.int(15, 17);
  if (fate === "age_unknown") return null;
  // Included patients all pass the age rule; so do the over-55s and 18-55s by their cohort's definition.
  if (fate === "included") return adult();
  if (random.chance(AGE_UNKNOWN_SHARE)) return null;
  if (cohort.cohort === PCN_COHORT && random.chance(UNDER_18_SHARE)) return random.int(15, 17);
  return adult();
}

function fatesOf(cohort: WestKentCohort): Fate[] {
  const fates: Fate[] = Array.from({ length: cohort.patients }, () => "included" as const);
  for (const [fate, share] of Object.entries(EXCLUDED_SHARES) as [Exclude<Fate, "included">, number][]) {
    const ageFate = fate === "under_18" || fate === "age_unknown";
    if (ageFate && cohort.cohort !== PCN_COHORT) continue;
    for (let k = Math.round(share * cohort.patients); k > 0; k--) fates.push(fate);
  }
  return fates;
}

/** Every referred patient of every cohort, cohort by cohort, included ones first. */
export function planReferredPatients(random: Random, cohorts: readonly WestKentCohort[]): ReferredPatient[] {
  return cohorts.flatMap((cohort) =>
    fatesOf(cohort).map((fate) => ({
      cohort,
      fate,
      indexDate: indexDateFor(random, fate),
      age: ageFor(random, cohort, fate),
      frailty: frailty(random, PATIENT_FRAILTY_SHAPE),
    })),
  );
}
