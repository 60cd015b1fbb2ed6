import { describe, expect, it } from "vitest";
import { comparisonRows, matchCases, matchInOrder, prepareMatch } from "../../src/match/match-cases.js";
import { csv } from "../helpers.js";
import { day, matchInputOf, pairs } from "./match-helpers.js";

const positions = (...order: number[]) => Int32Array.from(order);

describe("matching.md exact strata: sex, five-year age band at the index date, IMD quintile, practice with an option", () => {
  // c1: F, born 1950, indexed in 2021: 71, band 70-74 (born 1947-1951); IMD decile 3, quintile 2.
  const population = csv`
    patient_id,sex,birth_year,imd_decile,practice
    c1,F,1950,3,G1
    same,f ,1950,4,G2
    band_top,F,1947,3,G1
    band_bottom,F,1951,3,g1
    male,M,1950,3,G1
    older,F,1946,3,G1
    younger,F,1952,3,G1
    quintile_3,F,1950,5,G1
    imd_unknown,F,1950,,G1
    c2,F,1950,,G1
  `;
  const cases = "patient_id,cohort,index_date\nc1,A,2021-06-01\nc2,A,2021-06-01\n";

  it("takes candidates of the case's stratum only: any case of sex, the band's edges, an unknown decile only for an unknown case", async () => {
    const result = matchCases(await matchInputOf({ population, cases }, { ratio: 10 }));
    expect(pairs(result.sets)).toEqual({ c1: "same,band_top,band_bottom", c2: "imd_unknown" });
  });

  it("with --match-exact practice, the practice too (compared as the codes are: trimmed, any case)", async () => {
    const result = matchCases(await matchInputOf({ population, cases }, { ratio: 10, exactPractice: true }));
    expect(pairs(result.sets)).toEqual({ c1: "band_top,band_bottom", c2: "imd_unknown" });
  });

  it("takes the band from the index date's year: in 2025 the case is 75", async () => {
    const later = matchCases(await matchInputOf({ population, cases: "patient_id,cohort,index_date\nc1,A,2025-01-01\n" }, { ratio: 10 }));
    // 75-79: born 1946-1950.
    expect(pairs(later.sets)).toEqual({ c1: "same,band_top,older" });
  });
});

/**
 * A worked distance. The cases, indexed 1 Jun 2021, are (age, ltc_count) = (70,1), (72,1), (70,3),
 * (72,3): each variance is 4/3 and the covariance 0 (no A&E, so the counts have no variance and are
 * left out). A candidate one year of age from a case is at √(1 · 3/4) = 0.866, within the default
 * caliper 1.0; two years, or one year and one condition, at √3 = 1.732 or √1.5 = 1.225, outside it.
 * In R: sqrt(mahalanobis(c(71, 1), c(70, 1), diag(4/3, 2))) = 0.8660254.
 */
const WORKED = {
  population: csv`
    patient_id,sex,birth_year,ltc_count
    A,F,1951,1
    B,F,1949,1
    C,F,1951,3
    D,F,1949,3
    k1,F,1951,1
    k2,F,1951,1
    k3,F,1950,1
    k4,F,1949,3
    k5,F,1947,1
    E,M,1950,1
  `,
  cases: "patient_id,cohort,index_date\nA,X,2021-06-01\nB,X,2021-06-01\nC,X,2021-06-01\nD,X,2021-06-01\n",
};

describe("matching.md nearest within the caliper, without replacement, ties to the lower row", () => {
  it("each case takes its nearest; a case with none within the caliper is unmatched", async () => {
    const problem = prepareMatch(await matchInputOf(WORKED, { caliper: 1 }));
    expect(problem.variables.distance).toEqual(["age", "ltc_count"]);
    expect(problem.variables.leftOut).toEqual([
      { variable: "ae_attendances_pre", reason: "no_variance" },
      { variable: "ae_attendances_prior", reason: "no_variance" },
    ]);
    const matched = matchInOrder(problem, positions(0, 1, 2, 3));
    // A: k1 and k2 at 0, k1 the lower row; B: k3 at 0.866; C: nothing within 1; D: k4 at 0.
    expect(pairs(matched.sets)).toEqual({ A: "k1", B: "k3", D: "k4" });
    expect(matched.sets.find((set) => set.case.patientId === "B")!.controls[0]!.distance).toBeCloseTo(0.8660254037844386, 14);
    expect(matched.unmatched.map(({ case: c, reason }) => [c.patientId, reason])).toEqual([["C", "none_within_caliper"]]);
    expect(matched.controlsPerCase).toEqual([1, 3]);
  });

  it("takes --ratio K nearest, keeps fewer where fewer are within the caliper", async () => {
    const matched = matchInOrder(prepareMatch(await matchInputOf(WORKED, { caliper: 1, ratio: 2 })), positions(0, 1, 2, 3));
    expect(pairs(matched.sets)).toEqual({ A: "k1,k2", B: "k3", D: "k4" });
    expect(matched.controlsPerCase).toEqual([1, 2, 1]);
  });

  it("never gives a person to two cases: the order decides who is nearer first", async () => {
    const input = await matchInputOf(WORKED, { caliper: 1, ratio: 3 });
    // A first takes k1, k2 and k3 (0.866), leaving B nothing within 1.
    expect(pairs(matchInOrder(prepareMatch(input), positions(0, 1, 2, 3)).sets)).toEqual({ A: "k1,k2,k3", D: "k4" });
    // B first takes k3, and A still has its two at 0.
    expect(pairs(matchInOrder(prepareMatch(input), positions(1, 0, 2, 3)).sets)).toEqual({ A: "k1,k2", B: "k3", D: "k4" });
  });

  it("without a caliper, takes the nearest however far", async () => {
    const matched = matchInOrder(prepareMatch(await matchInputOf(WORKED, { caliper: null })), positions(0, 1, 2, 3));
    // C (70,3): k2 (70,1) and k5 (74,1) are left, at √3 and √6 · … ; k2 is nearer.
    expect(pairs(matched.sets)).toEqual({ A: "k1", B: "k3", C: "k2", D: "k4" });
  });

  it("says why a case is unmatched: not in the population, its row skipped, no candidate in its stratum", async () => {
    const input = await matchInputOf({ ...WORKED, cases: `${WORKED.cases}E,X,2021-06-01\nnowhere,X,2021-06-01\nskipped,X,2021-06-01\n` });
    input.withInvalidRow = new Set(["skipped"]);
    const result = matchCases(input);
    expect(result.unmatched.map(({ case: c, reason }) => [c.patientId, reason])).toEqual([
      ["nowhere", "case_not_in_population"],
      ["skipped", "invalid_population_row"],
      ["E", "no_candidate"],
    ]);
  });

  it("breaks a tie between someone without any event and someone whose events are all outside the windows by row", async () => {
    const population = (first: string, second: string) => `patient_id,sex,birth_year\ncase,F,1950\n${first},F,1950\n${second},F,1950\n`;
    const ae = "patient_id,arrival_date\nold_events,2015-03-01\n";
    const cases = "patient_id,cohort,index_date\ncase,A,2021-06-01\n";
    const first = matchCases(await matchInputOf({ population: population("quiet", "old_events"), cases, outcomes: { ae_attendances: ae } }));
    const second = matchCases(await matchInputOf({ population: population("old_events", "quiet"), cases, outcomes: { ae_attendances: ae } }));
    expect(pairs(first.sets)).toEqual({ case: "quiet" });
    expect(pairs(second.sets)).toEqual({ case: "old_events" });
  });
});

describe("matching.md: a control inherits its case's index date and cohort; counts are taken there", () => {
  // P (1 Jun 2021) had an attendance in its pre window; Q (10 Jan 2022) none. x's attendance on
  // 1 May 2021 is in P's pre window, and in Q's prior window (10 Jan 2021 to 10 Jul 2021): at Q's
  // date x has no pre-window count, as y has not. Both cases are 71 and their prior counts 0, so
  // the distance is over the pre count alone.
  const extracts = {
    population: "patient_id,sex,birth_year\nP,F,1950\nQ,F,1951\ny,F,1950\nx,F,1950\n",
    cases: "patient_id,cohort,index_date\nP,early,2021-06-01\nQ,late,2022-01-10\n",
    outcomes: { ae_attendances: "patient_id,arrival_date\nP,2021-04-01\nx,2021-05-01\n" },
  };

  it("gives P the candidate whose use rose in the same months as P's", async () => {
    const problem = prepareMatch(await matchInputOf(extracts));
    expect(problem.variables.distance).toEqual(["ae_attendances_pre"]);
    expect(pairs(matchInOrder(problem, positions(0, 1)).sets)).toEqual({ P: "x", Q: "y" });
    // Q first: at Q's date x and y are alike (pre 0), and y is the lower row.
    expect(pairs(matchInOrder(prepareMatch(await matchInputOf(extracts)), positions(1, 0)).sets)).toEqual({ P: "x", Q: "y" });
  });

  it("writes each control with its case's cohort and index date, and the case's patient_id as matched_to", async () => {
    const result = matchCases(await matchInputOf(extracts));
    expect(comparisonRows(result)).toEqual([
      { patientId: "x", cohort: "early", indexDate: day("2021-06-01"), matchedTo: "P" },
      { patientId: "y", cohort: "late", indexDate: day("2022-01-10"), matchedTo: "Q" },
    ]);
  });
});

describe("matching.md near-match counts: the pre window as the evaluation counts it", () => {
  it("counts the index day in the pre window only with --index-day pre", async () => {
    const extracts = {
      population: "patient_id,sex,birth_year\nP,F,1950\nQ,F,1950\nother,F,1950\non_index_day,F,1950\n",
      cases: "patient_id,cohort,index_date\nP,A,2021-06-01\nQ,A,2021-06-01\n",
      outcomes: { ae_attendances: "patient_id,arrival_date\nP,2021-06-01\non_index_day,2021-06-01\n" },
    };
    // Excluded (the default): nothing varies among the cases, so the distance has no variable and
    // the lower row is taken; with `pre`, P's and on_index_day's attendance count.
    const excluded = prepareMatch(await matchInputOf(extracts));
    expect(excluded.variables.distance).toEqual([]);
    expect(pairs(matchInOrder(excluded, positions(0, 1)).sets)).toEqual({ P: "other", Q: "on_index_day" });
    const pre = prepareMatch(await matchInputOf(extracts, { indexDay: "pre" }));
    expect(pre.variables.distance).toEqual(["ae_attendances_pre"]);
    expect(pairs(matchInOrder(pre, positions(0, 1)).sets)).toEqual({ P: "on_index_day", Q: "other" });
  });
});

describe("matching.md: no case to match", () => {
  it("reports every case unmatched, and a balance without figures for cases", async () => {
    const result = matchCases(await matchInputOf({ population: "patient_id,sex,birth_year\na,F,1950\n", cases: "patient_id,cohort,index_date\nnowhere,A,2021-06-01\n" }));
    expect(result.sets).toEqual([]);
    expect(result.unmatched.map(({ reason }) => reason)).toEqual(["case_not_in_population"]);
    expect(result.balance.rows.find((row) => row.variable === "age")).toMatchObject({ cases: null, pool: null, smdBefore: null, smdAfter: null });
  });
});

describe("matching.md: same inputs and seed, same controls", () => {
  it("gives the same result twice, to the byte", async () => {
    const input = await matchInputOf(WORKED, { caliper: null, seed: 7 });
    expect(JSON.stringify(matchCases(input))).toBe(JSON.stringify(matchCases(input)));
  });

  it("refuses settings outside their ranges, and an order that is not every case once, naming the function", async () => {
    const input = await matchInputOf(WORKED);
    expect(() => matchInOrder(prepareMatch(input), positions(0, 1))).toThrow(/matchInOrder: the order must hold each of the 4 cases once/);
    expect(() => matchCases({ ...input, settings: { ...input.settings, ratio: 11 } })).toThrow(/matchCases: ratio must be a whole number from 1 to 10/);
    expect(() => matchCases({ ...input, settings: { ...input.settings, caliper: 0 } })).toThrow(/matchCases: caliper must be above 0/);
  });
});
