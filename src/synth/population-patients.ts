/**
 * The scale mode's referred patients, each drawn from its own stream (`createRandom(seed, stream, i)`)
 * so that patient i can be recomputed at any time from its number alone: the activity rows look up
 * their owner's index date that way, and nothing is held in memory however many patients there are.
 */
import type { Day } from "../core/day.js";
import { dayFromCivil } from "../core/day.js";
import { clampedNormalInt, pickWeighted } from "./distributions.js";
import { isoDay } from "./iso-days.js";
import { pseudonym } from "./pseudonyms.js";
import { createRandom, type Random } from "./random.js";
import { PCN_COHORT, WEST_KENT_COHORTS, type WestKentCohort } from "./west-kent-cohorts.js";

const PATIENT_STREAM = 101;

/** First interventions from October 2020 to October 2022: about a quarter fall outside the period. */
export const POPULATION_REFERRALS = { start: dayFromCivil(2020, 10, 1), end: dayFromCivil(2022, 10, 31) } as const;

const COHORT_WEIGHTS = WEST_KENT_COHORTS.map((cohort) => [cohort, cohort.patients] as const);
const CONTACTS = [
  [1, 0.5],
  [2, 0.25],
  [3, 0.15],
  [4, 0.1],
] as const;
const ONWARD_REFERRALS = [
  ["0", 0.4],
  ["", 0.1],
  ["1", 0.3],
  ["2", 0.15],
  ["3", 0.05],
] as const;

export interface PopulationPatient {
  patientId: string;
  indexDate: Day;
  cohort: WestKentCohort;
  age: string;
  contacts: number;
}

function patientRandom(seed: number, serial: number): Random {
  return createRandom(seed, PATIENT_STREAM, serial);
}

/** Patient `serial`'s index date: the first draw of its stream, so it is cheap to recompute. */
export function populationIndexDate(seed: number, serial: number): Day {
  return patientRandom(seed, serial).int(POPULATION_REFERRALS.start, POPULATION_REFERRALS.end);
}

function ageOf(random: Random, cohort: WestKentCohort): string {
  if (random.chance(0.01)) return "";
  if (cohort.cohort === PCN_COHORT && random.chance(0.03)) return String(random.int(15, 17));
  return String(clampedNormalInt(random, cohort.age.mean, cohort.age.sd, cohort.age.min, cohort.age.max));
}

export function populationPatient(seed: number, key: number, serial: number): PopulationPatient {
  const random = patientRandom(seed, serial);
  const indexDate = random.int(POPULATION_REFERRALS.start, POPULATION_REFERRALS.end);
  const cohort = pickWeighted(random, COHORT_WEIGHTS);
  return { patientId: pseudonym(key, serial, "PP"), indexDate, cohort, age: ageOf(random, cohort), contacts: pickWeighted(random, CONTACTS) };
}

/** Every referral row of patients 0…count − 1, patient by patient, generated as they are written. */
export function* populationReferralFields(seed: number, key: number, count: number): Generator<string[]> {
  const random = createRandom(seed, PATIENT_STREAM + 1);
  for (let serial = 0; serial < count; serial++) {
    const patient = populationPatient(seed, key, serial);
    const consent = random.chance(0.92) ? "Yes" : "No";
    yield [patient.patientId, patient.cohort.cohort, isoDay(patient.indexDate), consent, pickWeighted(random, ONWARD_REFERRALS), patient.age];
    for (let k = 1; k < patient.contacts; k++) {
      const day = patient.indexDate + random.int(1, 240);
      yield [patient.patientId, patient.cohort.cohort, isoDay(day), random.chance(0.7) ? "Yes" : "", pickWeighted(random, ONWARD_REFERRALS), patient.age];
    }
  }
}
