import { describe, expect, it } from "vitest";
import { maskIdentifiers, passesModulus11 } from "../../src/text/mask-identifiers.js";

// Every number here is in the never-issued 999 range. Check digits by hand (NHS Data Dictionary,
// Modulus 11: weights 10..2 on the first nine digits, 11 less the remainder, 11 → 0):
//   999234567: 9·10+9·9+9·8+2·7+3·6+4·5+5·4+6·3+7·2 = 347, 347 mod 11 = 6, 11 − 6 = 5 → 9992345675
//   999000001: 90+81+72+0+0+0+0+0+2 = 245, 245 mod 11 = 3, 11 − 3 = 8 → 9990000018
//   999765432: 90+81+72+49+36+25+16+9+4 = 382, 382 mod 11 = 8, 11 − 8 = 3 → 9997654323
const ARABIC_INDIC = "\u0669\u0669\u0669\u0662\u0663\u0664\u0665\u0666\u0667\u0665";
const FULL_WIDTH = "\uFF19\uFF19\uFF19\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF15";

describe("the Modulus 11 check", () => {
  it.each([
    ["9992345675", true],
    ["9990000018", true],
    ["9997654323", true],
    ["9992345676", false],
    [ARABIC_INDIC, true],
    [FULL_WIDTH, true],
  ])("%j passes: %s", (digits, passes) => expect(passesModulus11([...digits])).toBe(passes));
});

describe("ten digits written as NHS numbers are: masked in every spelling", () => {
  it.each([
    ["9992345675", "********75"],
    ["999 234 5675", "********75"],
    ["999  234  5675", "********75"],
    ["999-234-5675", "********75"],
    ["999 - 234 - 5675", "********75"],
    ["999\u2013234\u20135675", "********75"],
    ["999.234.5675", "********75"],
    ["999_234_5675", "********75"],
    ["999/234/5675", "********75"],
    ["(999) 234 5675", "********75"],
    ["(999)234-5675", "********75"],
    ["999\u00A0234\u00A05675", "********75"],
    ["999\u2009234\u202F5675", "********75"],
    ["999\u200B234\u200B5675", "********75"],
    [FULL_WIDTH, "********\uFF17\uFF15"],
    ["\uFF19\uFF19\uFF19 \uFF12\uFF13\uFF14 \uFF15\uFF16\uFF17\uFF15", "********\uFF17\uFF15"],
    [ARABIC_INDIC, "********\u0667\u0665"],
    ["patient 9992345675 moved", "patient ********75 moved"],
    ["999 234 5675 2021-03-04", "********75 2021-03-04"],
    ["2021-03-04 999 234 5675", "2021-03-04 ********75"],
    ["9992345675,9990000018", "********75,********18"],
  ])("%j → %j", (text, masked) => expect(maskIdentifiers(text)).toBe(masked));

  it("masks 3-3-4 and ten together even where the check digit fails: a mistyped number still points at someone", () => {
    expect(maskIdentifiers("999 234 5676")).toBe("********76");
    expect(maskIdentifiers("9992345676")).toBe("********76");
  });
});

describe("ten digits grouped otherwise are masked when they pass the Modulus 11 check", () => {
  it.each([
    ["99 92 34 56 75", "********75"],
    ["9992 345 675", "********75"],
    ["99.92.34.56.75", "********75"],
  ])("%j → %j", (text, masked) => expect(maskIdentifiers(text)).toBe(masked));

  it("and stay as they are when they fail it: not an NHS number", () => {
    expect(maskIdentifiers("99 92 34 56 76")).toBe("99 92 34 56 76");
  });
});

describe("dates, date-times and other numbers are shown as they are", () => {
  it.each([
    "2021-03-04",
    "2021-03-04 00:00:00.000",
    "2021-03-04 10:22",
    "2021-03-04 10:22:00",
    "2021-03-04T10:22:00",
    "2021-03-04T10:22:00.000Z",
    "04/03/2021 10:22",
    "04/03/2021 10 22",
    "04.03.2021 10:22:33",
    "2021/03/04 10 22",
    "20210304",
    "20210304 1022",
    "12345678901",
    "1234 rows, 56 patients",
    "lines 2, 3 and 4",
    "52428800 bytes",
  ])("%j", (text) => expect(maskIdentifiers(text)).toBe(text));
});

describe("no date or date-time of 1990–2035 in the formats extracts use is masked", () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const spellings = (y: number, m: number, d: number, h: number, min: number) => [
    `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(min)}`,
    `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(min)}:00.000`,
    `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:00Z`,
    `${pad(d)}/${pad(m)}/${y} ${pad(h)}:${pad(min)}`,
    `${d}/${m}/${y} ${h}:${pad(min)}`,
    `${pad(d)}.${pad(m)}.${y} ${pad(h)} ${pad(min)}`,
    `${y}${pad(m)}${pad(d)} ${pad(h)}${pad(min)}`,
    `${pad(d)}${pad(m)}${String(y).slice(2)} ${pad(h)}${pad(min)}`,
    `${y} ${pad(m)} ${pad(d)} ${pad(h)} ${pad(min)}`,
  ];
  it("each day at a few times of day", () => {
    const masked: string[] = [];
    for (let y = 1990; y <= 2035; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 28; d++) {
          for (const [h, min] of [[0, 0], [9, 5], [10, 22], [23, 59]] as const) {
            for (const text of spellings(y, m, d, h, min)) if (maskIdentifiers(text) !== text) masked.push(text);
          }
        }
      }
    }
    expect(masked).toEqual([]);
  });
});
