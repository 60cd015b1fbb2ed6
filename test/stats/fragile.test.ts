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

describe("under --suppress, the warnings are decided from the published counts", () => {
  it("a suppressed count (1 to 7) is below both bounds, and shown as *", () => {
    expect(fragileRowWarnings(null, null)).toEqual([
      "Fewer than 30 patients (*): a change in so small a group can easily be chance and should not be read as an effect of the service.",
      "Fewer than 10 events in the pre window (*): each one moves the change by over ten points, so it should not be read as an effect of the service.",
    ]);
  });

  it("a count rounded up to a bound is no longer below it (28 patients published as 30, 9 events as 10)", () => {
    expect(fragileRowWarnings(30, 10)).toEqual([]);
  });
});
