import { describe, expect, it } from "vitest";
import { ageBandNames, ageBandOf, groupOf, groupOrder, UNKNOWN_GROUP } from "../../src/core/breakdowns.js";

describe("statistics.md breakdowns: age_band from age by --age-bands", () => {
  const bands = [18, 35, 55, 75];
  it("names the bands from where each starts", () => {
    expect(ageBandNames(bands)).toEqual(["0-17", "18-34", "35-54", "55-74", "75+"]);
  });
  it("puts each age in its band, both ends of a band included", () => {
    expect([0, 17, 18, 34, 35, 54, 55, 74, 75, 103].map((age) => ageBandOf(age, bands))).toEqual(["0-17", "0-17", "18-34", "18-34", "35-54", "35-54", "55-74", "55-74", "75+", "75+"]);
  });
  it("puts an unknown age in the unknown group", () => {
    expect(ageBandOf(undefined, bands)).toBe(UNKNOWN_GROUP);
  });
});

describe("statistics.md breakdowns: a referral column's value, unknown where missing", () => {
  const settings = { by: ["sex", "age_band", "pcn"], ageBands: [65] };
  it("reads the value of its column, and makes the age band from age", () => {
    const patient = { age: 70, groups: ["F", "PCN 3"] };
    expect(groupOf(patient, "sex", settings)).toBe("F");
    expect(groupOf(patient, "pcn", settings)).toBe("PCN 3");
    expect(groupOf(patient, "age_band", settings)).toBe("65+");
  });
  it("puts a missing value in the unknown group", () => {
    expect(groupOf({ age: undefined, groups: ["", "PCN 3"] }, "sex", settings)).toBe(UNKNOWN_GROUP);
  });
});

describe("statistics.md breakdowns: the order of the groups", () => {
  it("shows age bands in age order and unknown last", () => {
    expect(groupOrder("age_band", new Set(["75+", UNKNOWN_GROUP, "18-34", "0-17"]), [18, 35, 55, 75])).toEqual(["0-17", "18-34", "75+", UNKNOWN_GROUP]);
  });
  it("shows other values in the order of their text, whatever the locale, unknown last", () => {
    expect(groupOrder("imd_quintile", new Set(["5", UNKNOWN_GROUP, "1", "3"]), null)).toEqual(["1", "3", "5", UNKNOWN_GROUP]);
    expect(groupOrder("sex", new Set(["M", "F", "ä", "a"]), null)).toEqual(["F", "M", "a", "ä"]);
  });
});
