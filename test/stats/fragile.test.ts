import { describe, expect, it } from "vitest";
import { fragileRowWarnings } from "../../src/stats/fragile.js";

describe("statistics.md fragile figures: fewer than 30 patients or fewer than 10 pre-window events", () => {
  it("says nothing for a sturdy row, at the edges included", () => {
    expect(fragileRowWarnings(30, 10)).toEqual([]);
    expect(fragileRowWarnings(1486, 363)).toEqual([]);
  });

  it("warns of a small cohort, saying why its change is not an effect", () => {
    const warnings = fragileRowWarnings(29, 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Fewer than 30 patients \(29\)/);
    expect(warnings[0]).toMatch(/chance.*should not be read as an effect/);
  });

  it("warns of few pre-window events, and of none", () => {
    expect(fragileRowWarnings(200, 9)).toEqual([expect.stringMatching(/^Fewer than 10 events in the pre window \(9\)/)]);
    expect(fragileRowWarnings(200, 1)[0]).toMatch(/^Fewer than 10 events in the pre window \(1\)/);
    expect(fragileRowWarnings(200, 0)).toEqual([expect.stringMatching(/^No events in the pre window/)]);
  });

  it("gives both warnings where both apply, patients first", () => {
    const warnings = fragileRowWarnings(1, 0);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Fewer than 30 patients \(1\)/);
    expect(warnings[1]).toMatch(/^No events/);
  });

  it("words a count of 1 as any other, so that a suppressed count (*) cannot be told by grammar", () => {
    const withCount = (patients: number, pre: number) => fragileRowWarnings(patients, pre).map((w) => w.replace(/\(\d+\)/g, "(n)"));
    expect(withCount(1, 1)).toEqual(withCount(7, 7));
    expect(withCount(1, 1)).toEqual(withCount(2, 2));
  });
});
