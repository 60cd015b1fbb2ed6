import { describe, expect, it } from "vitest";
import { notCandidateReason, referredMask } from "../../src/match/candidates.js";
import { matchWindows } from "../../src/match/match-windows.js";
import { csv } from "../helpers.js";
import { day } from "./match-helpers.js";
import { readPopulationText } from "./population-helpers.js";

/**
 * matching.md, "Cases and candidates": not in the referrals extract at all; registered from the
 * start of the prior window (t − 2W) to post_end(t) where registration dates are given; alive at
 * post_end(t) (no death date, or one after it). Months are added as in evaluation.md rule 3.
 */
async function reasons(people: string, indexDate: string, window: { count: number; unit: "m" | "d" }, referred: string[] = []) {
  const { population } = await readPopulationText(`patient_id,sex,birth_year,registered_from,registered_to,died\n${people}`);
  const mask = referredMask(population, referred);
  const windows = matchWindows(day(indexDate), window);
  return Object.fromEntries(population.patientIds.map((id, person) => [id, notCandidateReason(population, mask, person, windows) ?? "candidate"]));
}

describe("matching.md candidates: registered from t − 2W to post_end(t), alive at post_end(t), never referred", () => {
  it("with --window 3m at 31 May 2021: prior_start is 30 Nov 2020 (clamped), post_end 31 Aug 2021", async () => {
    const found = await reasons(
      csv`
        from_prior_start,F,1950,2020-11-30,,
        a_day_late,F,1950,2020-12-01,,
        to_post_end,F,1950,,2021-08-31,
        left_the_day_before,F,1950,,2021-08-30,
        died_on_post_end,F,1950,,,2021-08-31
        died_the_day_after,F,1950,,,2021-09-01
        no_dates,F,1950,,,
      `,
      "2021-05-31",
      { count: 3, unit: "m" },
    );
    expect(found).toEqual({
      from_prior_start: "candidate",
      a_day_late: "not_registered",
      to_post_end: "candidate",
      left_the_day_before: "not_registered",
      died_on_post_end: "died",
      died_the_day_after: "candidate",
      no_dates: "candidate",
    });
  });

  it("with --window 6m at 31 Aug 2021: post_end is 28 Feb 2022 (the month's end), prior_start 31 Aug 2020", async () => {
    const found = await reasons(
      csv`
        from_prior_start,F,1950,2020-08-31,2022-02-28,2022-03-01
        a_day_late,F,1950,2020-09-01,,
        died_on_post_end,F,1950,,,2022-02-28
      `,
      "2021-08-31",
      { count: 6, unit: "m" },
    );
    expect(found).toEqual({ from_prior_start: "candidate", a_day_late: "not_registered", died_on_post_end: "died" });
  });

  it("with --window 182d: 364 days before and 182 after", async () => {
    const found = await reasons("in,F,1950,2020-06-02,2021-11-30,\nout,F,1950,2020-06-03,,\nleft,F,1950,,2021-11-29,\n", "2021-06-01", { count: 182, unit: "d" });
    expect(found).toEqual({ in: "candidate", out: "not_registered", left: "not_registered" });
  });

  it("never takes anyone in the referrals extract, included or not", async () => {
    expect(await reasons("referred,F,1950,,,\nnot,F,1950,,,\n", "2021-06-01", { count: 6, unit: "m" }, ["referred", "someone_else"])).toEqual({
      referred: "referred",
      not: "candidate",
    });
  });
});
