/**
 * The West Kent example's population extract (matching.md): the ICB's registered population, one
 * row per person, under the same pseudonyms as the other extracts. Everyone in the activity extracts
 * is in it (the referred patients, the comparison group, the residents never referred), and so are
 * residents who were never in hospital at all, as most of an ICB's people are. Drawn from a stream
 * of its own, after every other row is made: the published counts are as they were.
 *
 * It has no `imd_decile`: matched exactly, it would split the example's 80,000 people (an ICB has
 * well over a million) into strata too small to hold, at a heavy user's date, anyone alike.
 *
 * The comparison group's people had a bad spell around their own pseudo index dates, rising into it
 * and falling after it as the referred patients' use does, without being referred: among them, and
 * among the residents whose use ran high by chance, a matched comparison finds people whose use fell
 * in the same months, and so shows how much of the referred patients' fall would have come anyway.
 */
import { civilFromDay, type Day } from "../core/day.js";
import { pickIndexWeighted, poisson } from "./distributions.js";
import type { Random } from "./random.js";
import type { PopulationRow } from "./rows.js";
import type { WestKentPerson } from "./west-kent-appointments.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

/** Residents never in hospital nor in any extract but this one. */
export const RESIDENTS_WITHOUT_ACTIVITY = 40_000;

/** West Kent's GP practices, by made-up code: a few large ones, many small. */
const PRACTICES = Array.from({ length: 24 }, (_, i) => `G82${String(101 + i * 7).padStart(3, "0")}`);
const PRACTICE_WEIGHTS = PRACTICES.map((_, i) => 1 / (1 + i / 4));

/** Share of the residents who joined a practice during the span, left it, or died in it. */
const JOINED = 0.05;
const LEFT = 0.03;
const DIED = 0.01;

/** The year of the person's age as drawn: a referred patient's index date, a comparison patient's pseudo one, else mid-span. */
const MID_SPAN_YEAR = civilFromDay(Math.round((ACTIVITY_SPAN.start + ACTIVITY_SPAN.end) / 2)).year;

/** Long-term conditions: more with age and with the frailty hospital use is drawn from. */
function ltcCount(random: Random, age: number, frailty: number): number {
  return Math.min(9, poisson(random, (0.15 + 0.035 * Math.max(0, age - 30)) * (0.5 + 0.5 * frailty)));
}

function personRow(random: Random, person: { patientId: string; age: number; frailty: number }, ageYear: number, settled: boolean): PopulationRow {
  const row: PopulationRow = {
    patientId: person.patientId,
    sex: random.chance(0.52) ? "F" : "M",
    birthYear: ageYear - person.age,
    practice: PRACTICES[pickIndexWeighted(random, PRACTICE_WEIGHTS)]!,
    ltcCount: ltcCount(random, person.age, person.frailty),
    registeredFrom: null,
    registeredTo: null,
    died: null,
  };
  // Referred and comparison patients are registered throughout: their windows are what the example is for.
  if (settled) return row;
  const day = (): Day => random.int(ACTIVITY_SPAN.start, ACTIVITY_SPAN.end);
  const fate = random.float();
  if (fate < JOINED) row.registeredFrom = day();
  else if (fate < JOINED + LEFT) row.registeredTo = day();
  else if (fate < JOINED + LEFT + DIED) row.died = day();
  return row;
}

/**
 * Everyone, in pseudonym order (as a registration extract sorted by its key comes): `people` as the
 * example drew them, with each comparison patient's pseudo index date, and `newIds` for the residents
 * who have no activity.
 */
export function westKentPopulation(random: Random, people: readonly WestKentPerson[], comparisonDates: ReadonlyMap<string, Day>, newIds: readonly string[]): PopulationRow[] {
  const rows = people.map((person) => {
    const dated = person.referral?.indexDate ?? comparisonDates.get(person.patientId);
    return personRow(random, person, dated === undefined ? MID_SPAN_YEAR : civilFromDay(dated).year, dated !== undefined);
  });
  for (const patientId of newIds) {
    // Ages as the example's residents are drawn; frailty low, as people never in hospital mostly are.
    const age = random.int(0, 95);
    rows.push(personRow(random, { patientId, age, frailty: 0.3 + random.float() * 0.5 }, MID_SPAN_YEAR, false));
  }
  return rows.sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
}
