import { describe, expect, it } from "vitest";
import { priorCheckInWords } from "../../src/render/wording.js";

// statistics.md, "Regression to the mean: the prior window": above +10%, the table says in words that
// use was rising into the referral and that part of the fall after it may be regression to the mean.
describe("the table's words for the prior-window check", () => {
  const rising = "use was rising into the referral: part of the fall after it may be regression to the mean";

  it("says use was rising only above +10%", () => {
    expect(priorCheckInWords(31.22)).toBe(rising);
    expect(priorCheckInWords(10.000001)).toBe(rising);
    expect(priorCheckInWords(10)).toBe("no marked rise into the referral");
    expect(priorCheckInWords(-30)).toBe("no marked rise into the referral");
  });

  it("says nothing where there is no change to read (no patient with a covered prior window, or no use in it)", () => {
    expect(priorCheckInWords(null)).toBe("");
    expect(priorCheckInWords(undefined)).toBe("");
  });
});
