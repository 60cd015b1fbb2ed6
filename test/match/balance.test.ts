import { describe, expect, it } from "vitest";
import { addMonths, civilFromDay, type Day, isoFromDay } from "../../src/core/day.js";
import { balanceWarnings, type BalanceRow } from "../../src/match/balance.js";
import { referredMask } from "../../src/match/candidates.js";
import { exactVariables } from "../../src/match/exact-variables.js";
import { matchCases } from "../../src/match/match-cases.js";
import { matchWindows } from "../../src/match/match-windows.js";
import { Moments, standardisedMeanDifference, varianceRatio } from "../../src/match/moments.js";
import { poolMoments } from "../../src/match/pool-moments.js";
import { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { csv } from "../helpers.js";
import { day, matchInputOf } from "./match-helpers.js";

const momentsOf = (values: number[]) => {
  const moments = new Moments();
  for (const value of values) moments.add(value);
  return moments;
};

describe("matching.md balance: SMD = (mean_cases − mean_controls) / √((var_cases + var_controls) / 2), and the variance ratio", () => {
  it("agrees with R for a mean", () => {
    const cases = momentsOf([1, 2, 3, 4, 5]);
    const controls = momentsOf([2, 2, 3, 3, 4]);
    // x <- 1:5; y <- c(2,2,3,3,4); (mean(x) - mean(y)) / sqrt((var(x) + var(y)) / 2) = 0.15811388300841911
    expect(standardisedMeanDifference(cases, controls)).toBeCloseTo(0.15811388300841911, 14);
    // var(x) / var(y) = 3.5714285714285716
    expect(varianceRatio(cases, controls)).toBeCloseTo(3.5714285714285716, 14);
  });

  it("agrees with R for a share, as the mean of a 0/1 indicator", () => {
    // f <- c(1,1,1,0,0); g <- c(1,0,0,0,0); (mean(f) - mean(g)) / sqrt((var(f) + var(g)) / 2) = 0.79999999999999993
    expect(standardisedMeanDifference(momentsOf([1, 1, 1, 0, 0]), momentsOf([1, 0, 0, 0, 0]))).toBeCloseTo(0.8, 14);
  });

  it("is 0 for two equal constants and null for two different ones (no spread to scale by)", () => {
    expect(standardisedMeanDifference(momentsOf([2, 2]), momentsOf([2, 2, 2]))).toBe(0);
    expect(standardisedMeanDifference(momentsOf([2, 2]), momentsOf([3, 3]))).toBeNull();
    expect(varianceRatio(momentsOf([1, 2]), momentsOf([3, 3]))).toBeNull();
  });

  it("warns of every |SMD| of 0.1 or more after matching, naming the variable", () => {
    const row = (variable: string, category: string | null, smdAfter: number): BalanceRow => ({
      variable, category, smdAfter, cases: 1, pool: 1, matchedCases: 1, controls: 1, smdBefore: 1, varianceRatioBefore: null, varianceRatioAfter: null,
    });
    expect(balanceWarnings([row("age", null, 0.0999), row("ltc_count", null, -0.1), row("sex", "F", 0.25)])).toEqual([
      "ltc_count: standardised mean difference -0.10 after matching (0.1 or more): the controls are not like the cases in this",
      "sex F: standardised mean difference 0.25 after matching (0.1 or more): the controls are not like the cases in this",
    ]);
  });
});

describe("matching.md balance: the pool is every candidate at every case's index date", () => {
  /**
   * The pool weighed pair by pair, as the spec says it: for each case, each person who is a
   * candidate at its date, their values at that date. poolMoments sums person by person instead.
   */
  it("has the moments of the pairs of a case and a candidate, counted one by one", async () => {
    const random = new Xoshiro128StarStar([5, 6, 7, 8]);
    const date = (from: string, days: number) => isoFromDay(day(from) + random.uniformInt(days));
    const people = ["patient_id,sex,birth_year,imd_decile,ltc_count,registered_from,registered_to,died"];
    const ae = ["patient_id,arrival_date"];
    for (let p = 0; p < 150; p++) {
      const from = random.uniformInt(4) === 0 ? date("2019-06-01", 1200) : "";
      const died = random.uniformInt(8) === 0 ? date("2020-06-01", 1000) : "";
      people.push(`p${p},${random.uniformInt(2) ? "F" : "M"},${1930 + random.uniformInt(40)},${random.uniformInt(11) || ""},${random.uniformInt(5)},${from},,${died}`);
      for (let e = random.uniformInt(8) - 3; e > 0; e--) ae.push(`p${p},${date("2019-07-01", 1450)}`);
    }
    // 12 cases on 9 dates: dates shared, years 2020-2022, month ends that clamp.
    const dates = ["2020-08-31", "2020-08-31", "2021-02-28", "2021-03-31", "2021-03-31", "2021-06-15", "2021-12-31", "2022-01-01", "2022-05-31", "2022-05-31", "2022-05-31", "2022-06-30"];
    const cases = ["patient_id,cohort,index_date", ...dates.map((d, i) => `p${i * 7},A,${d}`)].join("\n");
    for (const indexDay of ["exclude", "pre"] as const) {
      const input = await matchInputOf({ population: people.join("\n"), cases, outcomes: { ae_attendances: ae.join("\n") }, alsoReferred: ["p1", "p2"] }, { indexDay });
      const { population, activity } = input;
      const referred = referredMask(population, input.referredIds);
      const exact = exactVariables(population, false);
      const caseWindows = input.cases.map((c) => matchWindows(c.indexDate, input.settings.window));
      const pool = poolMoments({ population, referred, activity, indexDay, caseWindows, exact });

      const count = (person: number, from: Day, to: Day) => {
        let n = 0;
        for (let e = activity.start[0]![person]!; e < activity.start[0]![person + 1]!; e++) if (activity.days[0]![e]! >= from && activity.days[0]![e]! < to) n++;
        return n;
      };
      const near = [new Moments(), new Moments(), new Moments(), new Moments()];
      const bands = new Map<number, number>();
      const sexes = new Map<number, number>();
      let pairs = 0;
      for (const c of input.cases) {
        const t = c.indexDate;
        const priorStart = addMonths(t, -12);
        const preStart = addMonths(t, -6);
        const postEnd = addMonths(t, 6);
        const year = civilFromDay(t).year;
        for (let q = 0; q < population.size; q++) {
          if (referred[q] === 1 || population.registeredFrom[q]! > priorStart || population.registeredTo[q]! < postEnd || population.died[q]! <= postEnd) continue;
          pairs++;
          const age = year - population.birthYear[q]!;
          near[0]!.add(age);
          near[1]!.add(population.ltcCount[q]!);
          near[2]!.add(count(q, preStart, t + (indexDay === "pre" ? 1 : 0)));
          near[3]!.add(count(q, priorStart, preStart));
          bands.set(Math.floor(age / 5), (bands.get(Math.floor(age / 5)) ?? 0) + 1);
          sexes.set(population.sex[q]!, (sexes.get(population.sex[q]!) ?? 0) + 1);
        }
      }
      pool.near.forEach((moments, v) => {
        expect(moments.n).toBe(pairs);
        expect(moments.mean()).toBeCloseTo(near[v]!.mean()!, 10);
        expect(moments.variance()).toBeCloseTo(near[v]!.variance()!, 8);
      });
      expect(Object.fromEntries(pool.exact[0]!.counts)).toEqual(Object.fromEntries(sexes));
      expect(Object.fromEntries(pool.exact[1]!.counts)).toEqual(Object.fromEntries(bands));
    }
  });
});

describe("matching.md balance rows: all cases against the pool, matched cases against their controls", () => {
  it("lists each exact variable's shares and each near one's mean, before and after", async () => {
    // Cases (70,1) and (72,3) on 1 Jun 2021; candidates k1 (70,1), k2 (72,3), far (74,0), and a man.
    const input = await matchInputOf({
      population: csv`
        patient_id,sex,birth_year,ltc_count
        A,F,1951,1
        B,F,1949,3
        k1,F,1951,1
        k2,F,1949,3
        far,F,1947,0
        man,M,1950,2
      `,
      cases: "patient_id,cohort,index_date\nA,X,2021-06-01\nB,X,2021-06-01\n",
    });
    const { balance } = matchCases(input);
    const rowOf = (variable: string, category: string | null = null) => balance.rows.find((r) => r.variable === variable && r.category === category)!;
    expect(balance.rows.map((r) => [r.variable, r.category])).toEqual([
      ["sex", "F"], ["sex", "M"], ["age_band", "70-74"], ["age", null], ["ltc_count", null], ["ae_attendances_pre", null], ["ae_attendances_prior", null],
    ]);
    // The pool: k1, k2, far, man, once for each case (the two share a date): ages 70, 72, 74, 71.
    expect(rowOf("age")).toMatchObject({ cases: 71, pool: 71.75, matchedCases: 71, controls: 71, smdAfter: 0, varianceRatioAfter: 1 });
    // var(c(70, 72)) = 2, var(rep(c(70, 72, 74, 71), 2)) = 2.5: (71 - 71.75) / sqrt((2 + 2.5) / 2) = -0.5
    expect(rowOf("age").smdBefore).toBeCloseTo(-0.5, 12);
    expect(rowOf("age").varianceRatioBefore).toBeCloseTo(0.8, 12);
    expect(rowOf("ltc_count")).toMatchObject({ cases: 2, pool: 1.5, controls: 2 });
    expect(rowOf("sex", "M")).toMatchObject({ cases: 0, pool: 0.25, controls: 0 });
    expect(balance.warnings).toEqual([]);
  });
});
