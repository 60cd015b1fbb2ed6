/**
 * The scale mode's population extract (`--population N`, matching.md): everyone the activity rows can
 * belong to, a line each, in the order of their numbers: the referred patients, then the residents.
 * Each person's line is made from their number alone (home, age band and practice as their activity
 * rows give them; a referred patient's age as their referral row gives it), so that millions of
 * people are written in bounded memory.
 */
import { civilFromDay } from "../core/day.js";
import { isoDay } from "./iso-days.js";
import { ageOfBand, personOf, type PopulationShape } from "./population-activity.js";
import { populationPatient } from "./population-patients.js";
import { pseudonym } from "./pseudonyms.js";
import { hash32 } from "./random.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

/** Mixed into a person's number for what only the population extract says of them. */
const REGISTRATION_KEY = 0x85ebca6b;
const SPAN_DAYS = ACTIVITY_SPAN.end - ACTIVITY_SPAN.start + 1;

/** `people` lines of population.csv (`patient_id,sex,birth_year,imd_decile,practice,ltc_count,registered_from,registered_to,died`). */
export function* populationPeopleLines(shape: PopulationShape, people: number): Generator<string> {
  for (let serial = 0; serial < people; serial++) {
    const person = personOf(shape, serial);
    const drawn = hash32((serial ^ shape.key ^ REGISTRATION_KEY) >>> 0);
    const second = hash32(drawn);
    const referred = serial < shape.patients ? populationPatient(shape.seed, shape.key, serial) : undefined;
    // A referred patient's age is their referral row's, at their index date; everyone else's their band's, in 2022.
    const age = referred && referred.age !== "" ? Number(referred.age) : ageOfBand(person.ageBand) + (drawn % 5) - 2;
    const birthYear = (referred ? civilFromDay(referred.indexDate).year : 2022) - Math.max(0, age);
    const imd = 1 + (hash32(Number(person.lsoa.slice(1))) % 10);
    const ltc = Math.min(9, Math.floor(((second % 1000) / 1000) ** 2 * (1 + age / 12)));
    // A tenth registered part-way, one in fifty left, one in a hundred died; never a referred patient.
    const fate = (second >>> 16) % 100;
    const day = ACTIVITY_SPAN.start + ((drawn >>> 8) % SPAN_DAYS);
    const from = !referred && fate < 10 ? isoDay(day) : "";
    const to = !referred && fate >= 10 && fate < 12 ? isoDay(day) : "";
    const died = !referred && fate === 12 ? isoDay(day) : "";
    yield `${pseudonym(shape.key, serial, "PP")},${drawn & 1 ? "F" : "M"},${birthYear},${imd},${person.practice},${ltc},${from},${to},${died}\n`;
  }
}
