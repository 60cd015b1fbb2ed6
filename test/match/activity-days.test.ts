import { describe, expect, it } from "vitest";
import { ActivityDaysBuilder, countBetween } from "../../src/match/activity-days.js";

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
