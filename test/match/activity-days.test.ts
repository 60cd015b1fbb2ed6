import { describe, expect, it } from "vitest";
import { MISSING_DATE } from "../../src/extracts/dates.js";
import { ActivityDaysBuilder, activityDaysSink, countBetween } from "../../src/match/activity-days.js";
import { matchSpan } from "../../src/match/match-windows.js";
import { day } from "./match-helpers.js";
import { readPopulationText } from "./population-helpers.js";

describe("activity days: each person's counted event days, per outcome, for counts at any index date", () => {
  it("files events given in any order by person, each person's days ascending", () => {
    const builder = new ActivityDaysBuilder(4, ["ae", "apc"]);
    for (const [outcome, person, day] of [[0, 2, 30], [0, 0, 12], [1, 2, 5], [0, 2, 10], [0, 2, 20], [0, 0, 11]] as const) builder.add(outcome, person, day);
    const activity = builder.done();
    expect([...activity.start[0]!]).toEqual([0, 2, 2, 5, 5]);
    expect([...activity.days[0]!]).toEqual([11, 12, 10, 20, 30]);
    expect([...activity.start[1]!]).toEqual([0, 0, 0, 1, 1]);
  });

  it("counts the days d with from ≤ d < to", () => {
    const builder = new ActivityDaysBuilder(1, ["ae"]);
    for (const day of [10, 20, 20, 30]) builder.add(0, 0, day);
    const activity = builder.done();
    expect(countBetween(activity, 0, 0, 10, 30)).toBe(3);
    expect(countBetween(activity, 0, 0, 11, 31)).toBe(3);
    expect(countBetween(activity, 0, 0, 20, 21)).toBe(2);
    expect(countBetween(activity, 0, 0, 31, 40)).toBe(0);
  });
});

describe("activity days from the evaluation's activity reading", () => {
  it("keeps the countable rows of the population's people, in the span", async () => {
    const { population } = await readPopulationText("patient_id,sex,birth_year\na,F,1950\nb,M,1960\n");
    const builder = new ActivityDaysBuilder(population.size, ["ae"]);
    const sink = activityDaysSink(builder, 0, population, { from: 100, to: 200 });
    sink("a", 150, undefined);
    sink("a", 99, undefined);
    sink("a", 200, undefined);
    sink("b", 160, "excluded_category");
    sink("b", MISSING_DATE, undefined);
    sink("not_in_population", 150, undefined);
    sink("b", 199, undefined);
    const activity = builder.done();
    expect([...activity.start[0]!]).toEqual([0, 1, 2]);
    expect([...activity.days[0]!]).toEqual([150, 199]);
  });
});

describe("the days matching looks at", () => {
  it("run from the earliest prior window's start to the latest index day", () => {
    expect(matchSpan([day("2021-05-31"), day("2021-03-15"), day("2022-07-31")], { count: 3, unit: "m" })).toEqual({
      from: day("2020-09-15"),
      to: day("2022-07-31") + 1,
    });
  });
});
