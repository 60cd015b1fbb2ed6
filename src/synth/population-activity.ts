/**
 * Who the scale mode's activity rows belong to, one row at a time: a share belongs to referred
 * patients (dated around their index date), the rest to residents never referred (dated anywhere in
 * the span). Each person has a home (LSOA), an age band and a GP practice, drawn from their number
 * alone, so that every row of theirs agrees without anything held in memory.
 */
import { AGE_BANDS, LSOAS, PRACTICES } from "./export-codes.js";
import { populationIndexDate } from "./population-patients.js";
import { pseudonym } from "./pseudonyms.js";
import { hash32, type Random } from "./random.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

/** Share of activity rows belonging to referred patients. */
const REFERRED_SHARE = 0.3;
/** Residents in the extract per referred patient. */
const RESIDENTS_PER_PATIENT = 4;
/** Mixed into a person's number for their home and age band, apart from their pseudonym. */
const PERSON_KEY = 0x3c6ef372;

export interface PopulationShape {
  seed: number;
  key: number;
  patients: number;
  /**
   * With a population extract (`--population`): the people never referred, after the patients, whom
   * the residents' rows belong to; each referred patient then has three times a resident's share of
   * the rows (at most 30% in all), and the residents' share falls off with their number, so that a
   * few use hospitals a lot and most hardly at all. Without it, four residents per patient share them.
   */
  residents?: number;
}

/** One row's person and day; reused from row to row, so that no row allocates one. */
export interface Owner {
  patientId: string;
  day: number;
  lsoa: string;
  ageBand: string;
  practice: string;
}

/** An age inside a five-year band (1: 0–4 … 19: 90 and over), for what is drawn by age. */
export function ageOfBand(ageBand: string): number {
  return (Number(ageBand) - 1) * 5 + 2;
}

export function newOwner(): Owner {
  return { patientId: "", day: 0, lsoa: "", ageBand: "", practice: "" };
}

/** A person's home, age band and practice, from their number alone (as every row of theirs gives them). */
export function personOf(shape: PopulationShape, serial: number): { lsoa: string; ageBand: string; practice: string } {
  const person = hash32((serial ^ shape.key ^ PERSON_KEY) >>> 0);
  return {
    lsoa: LSOAS[person % LSOAS.length] as string,
    ageBand: AGE_BANDS[(person >>> 16) % AGE_BANDS.length] as string,
    practice: PRACTICES[hash32(person) % PRACTICES.length] as string,
  };
}

/** Draws the next row's person and day into `owner`. */
export function drawOwner(random: Random, shape: PopulationShape, owner: Owner): void {
  let serial: number;
  const residents = shape.residents;
  const referredShare = residents === undefined ? REFERRED_SHARE : Math.min(REFERRED_SHARE, (3 * shape.patients) / (3 * shape.patients + residents));
  if (random.chance(referredShare)) {
    serial = random.int(0, shape.patients - 1);
    const around = populationIndexDate(shape.seed, serial) + random.int(-300, 300);
    owner.day = Math.min(ACTIVITY_SPAN.end, Math.max(ACTIVITY_SPAN.start, around));
  } else {
    serial = shape.patients + (residents === undefined ? random.int(0, shape.patients * RESIDENTS_PER_PATIENT - 1) : Math.floor(residents * random.float() ** 2));
    owner.day = random.int(ACTIVITY_SPAN.start, ACTIVITY_SPAN.end);
  }
  owner.patientId = pseudonym(shape.key, serial, "PP");
  const person = personOf(shape, serial);
  owner.lsoa = person.lsoa;
  owner.ageBand = person.ageBand;
  owner.practice = person.practice;
}
