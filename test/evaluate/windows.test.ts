import { describe, expect, it } from "vitest";
import { cohortRow, csv, evaluateExtracts } from "../helpers.js";

const referralOn = (date: string) => csv`
  patient_id,cohort,intervention_date
  p1,A,${date}
`;

/** Evaluates one patient with the given A&E dates and full coverage; returns their pre and post. */
async function prePost(index: string, dates: string[], flags: Record<string, unknown> = {}) {
  const ae = ["patient_id,arrival_date", ...dates.map((d) => `p1,${d}`)].join("\n") + "\n";
  const result = await evaluateExtracts(
    { referrals: referralOn(index), ae },
    { dataStart: "2000-01-01", dataEnd: "2030-12-31", ...flags },
  );
  const row = cohortRow(result, "ae_attendances", "A");
  return { pre: row.pre, post: row.post };
}

// Rule 3: pre is pre_start ≤ d < index, post is index < d ≤ post_end, months clamped to the month end.
describe("rule 3: windows of N calendar months", () => {
  it("includes pre_start and post_end, and nothing beyond them", async () => {
    expect(await prePost("2021-06-15", ["2020-12-15", "2021-12-15"])).toEqual({ pre: 1, post: 1 });
    expect(await prePost("2021-06-15", ["2020-12-14", "2021-12-16"])).toEqual({ pre: 0, post: 0 });
  });

  it("counts the day before and the day after the index date", async () => {
    expect(await prePost("2021-06-15", ["2021-06-14", "2021-06-16"])).toEqual({ pre: 1, post: 1 });
  });

  it("clamps to the month's end: 31 Aug + 6m is 28 Feb, − 6m is 28 Feb", async () => {
    expect(await prePost("2021-08-31", ["2021-02-28", "2022-02-28"])).toEqual({ pre: 1, post: 1 });
    expect(await prePost("2021-08-31", ["2021-02-27", "2022-03-01"])).toEqual({ pre: 0, post: 0 });
  });

  it("reaches 29 February in a leap year", async () => {
    expect(await prePost("2023-08-31", ["2024-02-29", "2024-03-01"])).toEqual({ pre: 0, post: 1 });
    expect(await prePost("2020-08-31", ["2020-02-29", "2020-02-28"])).toEqual({ pre: 1, post: 0 });
  });

  it("starts a window on 29 February", async () => {
    // 2020-02-29 ± 6m = 2019-08-29 and 2020-08-29.
    expect(await prePost("2020-02-29", ["2019-08-29", "2020-08-29"])).toEqual({ pre: 1, post: 1 });
    expect(await prePost("2020-02-29", ["2019-08-28", "2020-08-30"])).toEqual({ pre: 0, post: 0 });
  });

  it("takes any N: --window 1m and --window 12m", async () => {
    expect(await prePost("2021-03-31", ["2021-02-28", "2021-04-30"], { window: "1m" })).toEqual({ pre: 1, post: 1 });
    expect(await prePost("2021-03-31", ["2021-02-27", "2021-05-01"], { window: "1m" })).toEqual({ pre: 0, post: 0 });
    expect(await prePost("2021-03-31", ["2020-03-31", "2022-03-31"], { window: "12m" })).toEqual({ pre: 1, post: 1 });
  });
});

describe("rule 3: windows of N days", () => {
  it("is N days either side, both ends included", async () => {
    // 2021-06-15 − 182d = 2020-12-15; + 182d = 2021-12-14.
    expect(await prePost("2021-06-15", ["2020-12-15", "2021-12-14"], { window: "182d" })).toEqual({ pre: 1, post: 1 });
    expect(await prePost("2021-06-15", ["2020-12-14", "2021-12-15"], { window: "182d" })).toEqual({ pre: 0, post: 0 });
  });
});

describe("rule 3: --index-day", () => {
  const dates = ["2021-06-15", "2021-06-15 08:00:00", "2021-06-10", "2021-06-20"];
  it("exclude (the default) counts no event on the index day", async () => {
    expect(await prePost("2021-06-15", dates)).toEqual({ pre: 1, post: 1 });
  });
  it("pre counts them in the pre window", async () => {
    expect(await prePost("2021-06-15", dates, { indexDay: "pre" })).toEqual({ pre: 3, post: 1 });
  });
  it("post counts them in the post window", async () => {
    expect(await prePost("2021-06-15", dates, { indexDay: "post" })).toEqual({ pre: 1, post: 3 });
  });
});
