import { describe, expect, it } from "vitest";
import { formatDataError } from "../src/errors.js";

describe("a problem as text: file:line: column: what is wrong (value)", () => {
  it("gives each part the problem has", () => {
    expect(formatDataError({ code: "invalid_date", file: "ae.csv", line: 3, column: "arrival_date", value: "2021-02-30", message: "is not a date" })).toBe(
      'ae.csv:3: arrival_date: is not a date ("2021-02-30")',
    );
    expect(formatDataError({ code: "empty", file: "ae.csv", line: 1, column: "", message: "the file is empty" })).toBe("ae.csv:1: the file is empty");
    expect(formatDataError({ code: "unknown_key", file: "c.json", line: 0, column: "referals", message: "is not a key" })).toBe("c.json: referals: is not a key");
  });

  it("is the message alone for a usage problem with no file or flag to name", () => {
    expect(formatDataError({ code: "usage", file: "", line: 0, column: "", message: "no referrals extract: give --referrals FILE" })).toBe(
      "no referrals extract: give --referrals FILE",
    );
  });
});
