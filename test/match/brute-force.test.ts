import { describe, expect, it } from "vitest";
import { addMonths, civilFromDay, type Day, isoFromDay } from "../../src/core/day.js";
import { caseOrder } from "../../src/match/case-order.js";
import { type MatchInput, type MatchSettings, matchCases, matchInOrder, prepareMatch } from "../../src/match/match-cases.js";
import { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { day, matchInputOf, pairs } from "./match-helpers.js";

/**
 * matching.md's greedy match written as plainly as it reads, for random extracts: every person
 * weighed against every case, with nothing filed, grouped or passed over, the distance from an
 * inverted covariance (Gauss–Jordan) instead of a Cholesky factor. The search's cells, quiet groups
 * and bounds must choose exactly the same controls. Which variables the distance is over is given
 * (`distanceOver`, as prepareMatch decided): the rule for leaving one out is tested on its own.
 */
function referenceMatch(input: MatchInput, order: Int32Array, distanceOver: readonly string[]): Record<string, string> {
  const { population: pop, activity, settings } = input;
  const shift = (t: Day, windows: number) => (settings.window.unit === "m" ? addMonths(t, windows * settings.window.count) : t + windows * settings.window.count);
  const countIn = (o: number, person: number, from: Day, to: Day) => {
    let n = 0;
    for (let e = activity.start[o]![person]!; e < activity.start[o]![person + 1]!; e++) if (activity.days[o]![e]! >= from && activity.days[o]![e]! < to) n++;
    return n;
  };
  const valuesAt = (person: number, t: Day) => {
    const values = [civilFromDay(t).year - pop.birthYear[person]!];
    if (pop.has.ltcCount) values.push(pop.ltcCount[person]!);
    for (let o = 0; o < activity.outcomes.length; o++) values.push(countIn(o, person, shift(t, -1), t), countIn(o, person, shift(t, -2), shift(t, -1)));
    return values;
  };
  const cases = input.cases.filter((c) => pop.indexOf.has(c.patientId));
  const caseValues = cases.map((c) => valuesAt(pop.indexOf.get(c.patientId)!, c.indexDate));
  const p = caseValues[0]!.length;
  const mean = Array.from({ length: p }, (_, j) => caseValues.reduce((sum, v) => sum + v[j]!, 0) / cases.length);
  const cov = (j: number, k: number) => caseValues.reduce((sum, v) => sum + (v[j]! - mean[j]!) * (v[k]! - mean[k]!), 0) / (cases.length - 1);
  const names = ["age", ...(pop.has.ltcCount ? ["ltc_count"] : []), ...activity.outcomes.flatMap((o) => [`${o}_pre`, `${o}_prior`])];
  const kept = Array.from({ length: p }, (_, j) => j).filter((j) => distanceOver.includes(names[j]!));
  const inverse = invert(kept.map((j) => kept.map((k) => cov(j, k))));
  const distance = (a: number[], b: number[]) => {
    const d = kept.map((j) => a[j]! - b[j]!);
    return Math.sqrt(d.reduce((sum, dj, j) => sum + dj * d.reduce((inner, dk, k) => inner + inverse[j]![k]! * dk, 0), 0));
  };
  const referred = new Set(input.referredIds);
  const used = new Set<number>();
  const quintile = (person: number) => Math.ceil(pop.imdDecile[person]! / 2);
  const band = (person: number, t: Day) => Math.floor((civilFromDay(t).year - pop.birthYear[person]!) / 5);
  const result: Record<string, string> = {};
  for (const i of order) {
    const c = cases[i]!;
    const person = pop.indexOf.get(c.patientId)!;
    const t = c.indexDate;
    const candidates: { person: number; d: number }[] = [];
    for (let q = 0; q < pop.size; q++) {
      if (referred.has(pop.patientIds[q]!) || used.has(q)) continue;
      if (pop.registeredFrom[q]! > shift(t, -2) || pop.registeredTo[q]! < shift(t, 1) || pop.died[q]! <= shift(t, 1)) continue;
      if (pop.sex[q] !== pop.sex[person] || band(q, t) !== band(person, t)) continue;
      if (pop.has.imdDecile && quintile(q) !== quintile(person)) continue;
      if (settings.exactPractice && pop.practice[q] !== pop.practice[person]) continue;
      const d = distance(valuesAt(q, t), caseValues[i]!);
      if (settings.caliper === null || d <= settings.caliper) candidates.push({ person: q, d });
    }
    candidates.sort((a, b) => a.d - b.d || a.person - b.person);
    const taken = candidates.slice(0, settings.ratio);
    for (const { person: q } of taken) used.add(q);
    if (taken.length > 0) result[c.patientId] = taken.map(({ person: q }) => pop.patientIds[q]).join(",");
  }
  return result;
}

/** Gauss–Jordan elimination with partial pivoting. */
function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]![col]!;
    for (let k = 0; k < 2 * n; k++) a[col]![k]! /= lead;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]!;
      for (let k = 0; k < 2 * n; k++) a[r]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/** Random extracts: 400 people, 30 cases in 2021-2022, registration and death dates, A&E and admissions. */
function randomExtracts(seed: number) {
  const random = new Xoshiro128StarStar([seed, 17, 29, 31]);
  const pick = <T,>(values: readonly T[]) => values[random.uniformInt(values.length)]!;
  const date = (from: string, days: number) => isoFromDay(day(from) + random.uniformInt(days));
  const people: string[] = ["patient_id,sex,birth_year,imd_decile,practice,ltc_count,registered_from,registered_to,died"];
  const ae: string[] = ["patient_id,arrival_date"];
  const admissions: string[] = ["patient_id,admission_date"];
  for (let p = 0; p < 400; p++) {
    const id = `p${p}`;
    const from = random.uniformInt(6) === 0 ? date("2019-06-01", 1200) : "";
    const to = random.uniformInt(15) === 0 ? date(from || "2021-06-01", 700) : "";
    const died = random.uniformInt(30) === 0 ? date("2021-01-01", 900) : "";
    people.push(`${id},${pick(["F", "M", "f"])},${1940 + random.uniformInt(14)},${pick(["", "1", "3", "4", "8"])},${pick(["G1", "G2"])},${random.uniformInt(4)},${from},${to},${died}`);
    if (random.uniformInt(3) === 0) for (let e = random.uniformInt(6); e >= 0; e--) ae.push(`${id},${date("2019-07-01", 1450)}`);
    if (random.uniformInt(5) === 0) for (let e = random.uniformInt(3); e >= 0; e--) admissions.push(`${id},${date("2019-07-01", 1450)}`);
  }
  const cases: string[] = ["patient_id,cohort,index_date"];
  const chosen = new Set<number>();
  while (chosen.size < 30) chosen.add(random.uniformInt(400));
  for (const p of chosen) cases.push(`p${p},A,${date("2021-01-01", 570)}`);
  const alsoReferred = [`p${random.uniformInt(400)}`, `p${random.uniformInt(400)}`];
  return { population: people.join("\n"), cases: cases.join("\n"), outcomes: { ae_attendances: ae.join("\n"), unplanned_admissions: admissions.join("\n") }, alsoReferred };
}

const SETTINGS: Partial<MatchSettings>[] = [
  { ratio: 1, caliper: null },
  { ratio: 3, caliper: 1 },
  { ratio: 2, caliper: 0.5, exactPractice: true },
  { ratio: 10, caliper: 2, window: { count: 3, unit: "m" }, indexDay: "exclude" },
  { ratio: 2, caliper: null, window: { count: 91, unit: "d" } },
];

describe("matching.md greedy match: the search chooses as weighing everyone against every case would", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random extracts ${seed}`, async () => {
      const extracts = randomExtracts(seed);
      for (const settings of SETTINGS) {
        const input = await matchInputOf(extracts, { ...settings, seed });
        const problem = prepareMatch(input);
        const order = caseOrder(problem.cases.length, seed);
        expect(pairs(matchInOrder(problem, order).sets)).toEqual(referenceMatch(input, order, problem.variables.distance));
      }
    });
  }

  it("matchCases takes the cases in caseOrder's order", async () => {
    const input = await matchInputOf(randomExtracts(9), { ratio: 2, caliper: 1, seed: 9 });
    expect(pairs(matchCases(input).sets)).toEqual(referenceMatch(input, caseOrder(30, 9), prepareMatch(input).variables.distance));
  });
});
