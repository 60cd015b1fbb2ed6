import { dayFromCivil } from "../../src/core/day.js";
import type { Population } from "../../src/extracts/population.js";
import { type ActivityDays, ActivityDaysBuilder } from "../../src/match/activity-days.js";
import type { MatchInput, MatchSettings, ReferredCase } from "../../src/match/match-cases.js";
import { readPopulationText } from "./population-helpers.js";

/** `2021-03-04` as a day. */
export function day(iso: string): number {
  const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
  return dayFromCivil(year, month, dayOfMonth);
}

/** Rows of a small CSV text (header first, no quoting), as objects by column name. */
export function rowsOf(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\n").map((line) => line.split(","));
  return lines.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i] ?? ""])));
}

/** One outcome's events, `patient_id,date` rows, filed by population position (people not in it left out). */
export function activityOf(population: Population, outcomes: Record<string, string>): ActivityDays {
  const names = Object.keys(outcomes);
  const builder = new ActivityDaysBuilder(population.size, names);
  names.forEach((name, o) => {
    for (const row of rowsOf(outcomes[name]!)) {
      const [id, date] = Object.values(row) as [string, string];
      const person = population.indexOf.get(id);
      if (person !== undefined) builder.add(o, person, day(date));
    }
  });
  return builder.done();
}

export const SETTINGS: MatchSettings = { window: { count: 6, unit: "m" }, indexDay: "exclude", ratio: 1, caliper: null, seed: 1, exactPractice: false };

/** A match input from inline extracts: `cases` as `patient_id,cohort,index_date` rows. */
export async function matchInputOf(
  extracts: { population: string; cases: string; outcomes?: Record<string, string>; alsoReferred?: string[] },
  settings: Partial<MatchSettings> = {},
): Promise<MatchInput> {
  const { population } = await readPopulationText(extracts.population);
  const cases: ReferredCase[] = rowsOf(extracts.cases).map((row) => ({ patientId: row.patient_id!, cohort: row.cohort!, indexDate: day(row.index_date!) }));
  return {
    cases,
    referredIds: [...cases.map((c) => c.patientId), ...(extracts.alsoReferred ?? [])],
    population,
    activity: activityOf(population, extracts.outcomes ?? { ae_attendances: "patient_id,arrival_date\n" }),
    settings: { ...SETTINGS, ...settings },
  };
}

/** Each set as `case → control, control…` by patient id, for short expectations. */
export function pairs(sets: readonly { case: ReferredCase; controls: readonly { patientId: string }[] }[]): Record<string, string> {
  return Object.fromEntries(sets.map((set) => [set.case.patientId, set.controls.map((control) => control.patientId).join(",")]));
}
