import { describe, expect, it } from "vitest";
import {
  consentField,
  eventDayField,
  FieldIssue,
  type FieldRule,
  optionalTextField,
  optionalWholeNumberField,
  patientIdField,
  requiredDayField,
  requiredTextField,
} from "../../src/extracts/fields.js";
import { seeded } from "../engines/random-csv.js";

const ALPHABET = ["0", "1", "2", "9", "-", "/", "T", " ", ":", ".", ",", "Z", "+", "a", "Y", "é", "ẞ", "\t", "1800-01-01", "2021-02-2", "/2021", "00:00"];

/** Random strings, many of them close to a date, a number or a consent word. */
function randomTexts(seed: number, count: number): string[] {
  const rng = seeded(seed);
  const near = ["2021-03-04", "04/03/2021", "2020-02-29", "2021-02-29", "1800-01-01", "1582-10-15", "YES", "true", "42", "007", ""];
  return Array.from({ length: count }, () => {
    let text = rng.chance(0.5) ? rng.pick(near) : "";
    for (let n = rng.int(0, 6); n > 0; n--) text = rng.chance(0.5) ? text + rng.pick(ALPHABET) : rng.pick(ALPHABET) + text;
    return text;
  });
}

/** The fast twin gives what the schema gives: the same value, or the same message. */
function agrees<T>(rule: FieldRule<T>, text: string): void {
  const parsed = rule.schema.safeParse(text);
  const checked = rule.check(text);
  if (parsed.success) expect(checked, JSON.stringify(text)).toEqual(parsed.data);
  else expect(checked, JSON.stringify(text)).toEqual(new FieldIssue(parsed.error.issues[0]!.message));
}

const RULES: Record<string, FieldRule<unknown>> = {
  patientIdField,
  requiredTextField: requiredTextField("a cohort"),
  optionalTextField,
  optionalWholeNumberField,
  consentField,
  "requiredDayField iso": requiredDayField("iso"),
  "requiredDayField dmy": requiredDayField("dmy"),
  "eventDayField iso": eventDayField("iso"),
  "eventDayField dmy": eventDayField("dmy"),
};

describe("each field rule's fast check agrees with its zod schema", () => {
  for (const [name, rule] of Object.entries(RULES)) {
    it(`${name}: on 3,000 random strings`, () => {
      for (const text of randomTexts(name.length * 7919, 3000)) agrees(rule, text);
    });
  }
});
