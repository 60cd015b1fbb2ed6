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

describe("a message never echoes a whole field", () => {
  const problem = (value: string) => formatDataError({ code: "invalid_date", file: "ae.csv", line: 3, column: "arrival_date", value, message: "is not a date" });

  it("cuts a long value to 40 characters, with … and its size", () => {
    expect(problem("x".repeat(52 * 1024 * 1024))).toBe(`ae.csv:3: arrival_date: is not a date ("${"x".repeat(40)}…", 52 MB)`);
    expect(problem("y".repeat(52))).toBe(`ae.csv:3: arrival_date: is not a date ("${"y".repeat(40)}…", 52 characters)`);
  });

  it("masks an NHS number before the cut, so that the cut never leaves part of one showing", () => {
    const value = `${"z".repeat(34)}999 234 5675${"z".repeat(20)}`;
    expect(problem(value)).toBe(`ae.csv:3: arrival_date: is not a date ("${"z".repeat(34)}******…", 66 characters)`);
  });

  it("shows controls and bidi overrides as their codes, never raw", () => {
    expect(problem("\u001B[31mred\u202Eevil")).toBe('ae.csv:3: arrival_date: is not a date ("\\u001b[31mred\\u202Eevil")');
    expect(formatDataError({ code: "x", file: "a\u202E.csv", line: 0, column: "c\u001B", message: "m\nfake line" })).toBe("a\\u202E.csv: c\\u001B: m\\u000Afake line");
  });
});
