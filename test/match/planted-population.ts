/**
 * A registered population in which referral follows a bad spell of A&E use that comes and goes, and
 * the service's true effect is known, for tests of the whole matched evaluation (matching.md). Made
 * here, from its own seed, sharing no code with prepost but the synthetic extracts' random numbers.
 *
 * Everyone has a baseline rate of attendances (by age and long-term conditions, times a frailty no
 * extract holds). Bad spells start at random (more often for the frail) and add `SPELL_RATE`
 * attendances a month for `SPELL_DAYS`. Once a month, on a day of its own, someone not yet referred
 * is referred with a chance that grows with their attendances in the six months before that day:
 * referral follows a bad spell, and depends on nothing else a case's controls could differ in
 * (the spell itself is in no extract; its attendances are). The never-referred have spells just as
 * often, so their use rises and falls in the same way: a pre/post comparison of the referred shows a
 * large fall that is mostly the spell passing, which a comparison matched on recent use takes out.
 *
 * The effect (`keep` below 1) removes each of a referred patient's attendances after their index
 * date with probability 1 − keep; each removed one is remembered, so the true change it made to
 * each patient's post-window count is known exactly (`Planted.removedAfter`).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { addMonths, type Day, dayFromCivil, isoFromDay } from "../../src/core/day.js";
import { frailty, poisson } from "../../src/synth/distributions.js";
import { createRandom, type Random } from "../../src/synth/random.js";

export const SPAN = { start: dayFromCivil(2019, 1, 1), end: dayFromCivil(2023, 12, 31) };
export const PERIOD = { from: dayFromCivil(2020, 7, 1), to: dayFromCivil(2022, 6, 30) };
const SPELL_DAYS = 90;
const SPELL_RATE = 2 / 30.4;
const SPELL_ONSETS_PER_DAY = 1 / (48 * 30.4);
/** The monthly chance of referral per attendance beyond the second in the six months before. */
const REFERRAL_CHANCE = 0.0015;

export interface PlantedOptions {
  people: number;
  seed: number;
  /** The share of a referred patient's attendances after the index date that still happen: 1 for no effect. */
  keep: number;
}

export interface Person {
  patientId: string;
  sex: "F" | "M";
  birthYear: number;
  ltcCount: number;
  registeredFrom?: Day;
  registeredTo?: Day;
  died?: Day;
  indexDate?: Day;
  attendances: Day[];
}

export interface Planted {
  people: Person[];
  /** Per referred patient, the days of the attendances the service removed. */
  removed: Map<string, Day[]>;
}

function baselinePerDay(age: number, ltc: number): number {
  return (0.05 + 0.004 * Math.max(0, age - 50) + 0.05 * ltc) / 30.4;
}

function days(random: Random, from: Day, to: Day, rate: number): Day[] {
  const found: Day[] = [];
  for (let k = poisson(random, rate * (to - from)); k > 0; k--) found.push(random.int(from, to - 1));
  return found;
}

/** Once a month of the period, on a day of its own, a chance of referral from the attendances of the six months before it. */
function referralDay(random: Random, attendances: readonly Day[], registeredFrom: Day, registeredTo: Day): Day | undefined {
  for (let month = PERIOD.from; month <= PERIOD.to; month = addMonths(month, 1)) {
    const day = month + random.int(0, 27);
    const before = attendances.filter((attended) => attended >= addMonths(day, -6) && attended < day).length;
    // Referred only while registered over both windows, as a service's patients are.
    if (day - 370 < registeredFrom || addMonths(day, 6) > registeredTo) continue;
    if (random.chance(REFERRAL_CHANCE * Math.max(0, before - 2))) return day;
  }
  return undefined;
}

export function plantedPopulation(options: PlantedOptions): Planted {
  const random = createRandom(options.seed, 401);
  const people: Person[] = [];
  const removed = new Map<string, Day[]>();
  for (let i = 0; i < options.people; i++) {
    const sex = random.chance(0.55) ? "F" : "M";
    const age = random.int(60, 84);
    const birthYear = 2021 - age;
    const u = frailty(random, 1.5);
    const ltcCount = Math.min(6, poisson(random, 0.6 + 0.8 * u));
    const person: Person = { patientId: `P${String(i).padStart(6, "0")}`, sex, birthYear, ltcCount, attendances: [] };
    // A few move in or out during the span, or die: never candidates for a case whose windows they miss.
    const fate = random.float();
    if (fate < 0.04) person.registeredFrom = random.int(SPAN.start, SPAN.end);
    else if (fate < 0.08) person.registeredTo = random.int(SPAN.start, SPAN.end);
    else if (fate < 0.1) person.died = random.int(SPAN.start, SPAN.end);
    const attendances = days(random, SPAN.start, SPAN.end + 1, baselinePerDay(age, ltcCount) * u);
    for (const onset of days(random, SPAN.start - SPELL_DAYS, SPAN.end + 1, SPELL_ONSETS_PER_DAY * u)) {
      attendances.push(...days(random, Math.max(onset, SPAN.start), Math.min(onset + SPELL_DAYS, SPAN.end + 1), SPELL_RATE));
    }
    const end = Math.min(person.registeredTo ?? SPAN.end, person.died ?? SPAN.end);
    const start = person.registeredFrom ?? SPAN.start;
    person.attendances = attendances.filter((day) => day >= start && day <= end).sort((a, b) => a - b);
    person.indexDate = referralDay(random, person.attendances, start, end);
    if (person.indexDate !== undefined && options.keep < 1) {
      const index = person.indexDate;
      const kept: Day[] = [];
      const gone: Day[] = [];
      for (const day of person.attendances) (day > index && !random.chance(options.keep) ? gone : kept).push(day);
      person.attendances = kept;
      removed.set(person.patientId, gone);
    }
    people.push(person);
  }
  return { people, removed };
}

const iso = (day: Day | undefined) => (day === undefined ? "" : isoFromDay(day));

/** Writes referrals.csv, ae.csv, population.csv and evaluation.json into `dir`; returns the config's path. */
export async function writePlanted(dir: string, planted: Planted): Promise<string> {
  const referred = planted.people.filter((person) => person.indexDate !== undefined);
  await writeFile(join(dir, "referrals.csv"), ["patient_id,cohort,intervention_date", ...referred.map((p) => `${p.patientId},Planted,${iso(p.indexDate)}`)].join("\n") + "\n");
  const rows = planted.people.flatMap((person) => person.attendances.map((day) => ({ patientId: person.patientId, day })));
  rows.sort((a, b) => a.day - b.day);
  await writeFile(join(dir, "ae.csv"), ["patient_id,arrival_date", ...rows.map((row) => `${row.patientId},${iso(row.day)}`)].join("\n") + "\n");
  const population = planted.people.map((p) => [p.patientId, p.sex, p.birthYear, p.ltcCount, iso(p.registeredFrom), iso(p.registeredTo), iso(p.died)].join(","));
  await writeFile(join(dir, "population.csv"), ["patient_id,sex,birth_year,ltc_count,registered_from,registered_to,died", ...population].join("\n") + "\n");
  const config = {
    referrals: "referrals.csv",
    ae: "ae.csv",
    population: "population.csv",
    from: isoFromDay(PERIOD.from),
    to: isoFromDay(PERIOD.to),
    dataStart: isoFromDay(SPAN.start),
    dataEnd: isoFromDay(SPAN.end),
    window: "6m",
  };
  const path = join(dir, "evaluation.json");
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}
