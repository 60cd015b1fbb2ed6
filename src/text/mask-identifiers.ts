/**
 * The one masking of NHS numbers, for every message prepost prints and every label it renders
 * (evaluation.md, "Bad input"; outputs.md). What could be an NHS number shows only its last two
 * digits (eight stars, then those two), in whatever spelling it was written.
 */

// Any decimal digit: ASCII, full-width (a copy from a Japanese-locale spreadsheet keeps its width),
// Arabic-Indic, Devanagari, … Unicode's Nd.
const DIGIT = /\p{Nd}/u;
// What people (and spreadsheets) put between groups of digits: any space (no-break and thin ones too),
// invisible joiners and soft hyphens, any dash or a minus sign, a dot, an underscore, a slash, brackets.
const GAP = "[\\p{Zs}\\t\\p{Pd}\\u2212._/()\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]";
// Groups of digits with at most three gap characters between them: a chain to look for numbers in.
const CHAIN = new RegExp(`\\p{Nd}+(?:${GAP}{1,3}\\p{Nd}+)*`, "gu");
const GROUP = /\p{Nd}+/gu;

/** The value of one Nd digit: its distance from the zero of its run of ten. */
function digitValue(digit: string): number {
  const ascii = digit.normalize("NFKC");
  if (ascii >= "0" && ascii <= "9") return ascii.charCodeAt(0) - 48;
  let code = digit.codePointAt(0)!;
  let steps = 0;
  while (steps < 9 && DIGIT.test(String.fromCodePoint(code - 1))) {
    code--;
    steps++;
  }
  return steps;
}

/** Ten digits whose last is their Modulus 11 check digit (nhs-number.ts has the rule). */
export function passesModulus11(digits: readonly string[]): boolean {
  if (digits.length !== 10) return false;
  const values = digits.map(digitValue);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += values[i]! * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === values[9];
}

interface Group {
  start: number;
  end: number;
  digits: string[];
}

/**
 * Whether consecutive groups holding ten digits in all are to be masked. Ten together, or 3, 3 and
 * 4 apart, the ways NHS numbers are written, are masked whatever their check digit: a mistyped number
 * still points at a patient. Any other grouping (`99 92 34 56 75`, `9992 345 675`) is masked when it
 * passes the Modulus 11 check, unless it could be a date and a time: a year of four digits beside a
 * group of one or two (`2021-03-04 10:22` is 4-2-2-2 before the colon, `04/03/2021 10` 2-2-4-2), or
 * a compact date of six or eight digits (`20210304 10`, `040321 1022`).
 */
function isNumberLike(groups: readonly Group[]): boolean {
  const sizes = groups.map((group) => group.digits.length);
  if (sizes.length === 1 || sizes.join("-") === "3-3-4") return true;
  const year = (size: number, i: number) => size === 4 && ((sizes[i - 1] ?? 9) <= 2 || (sizes[i + 1] ?? 9) <= 2);
  if (sizes.some((size, i) => year(size, i) || size === 6 || size === 8)) return false;
  return passesModulus11(groups.flatMap((group) => group.digits));
}

function groupsOf(chain: string): Group[] {
  return [...chain.matchAll(GROUP)].map((found) => ({ start: found.index, end: found.index + found[0].length, digits: [...found[0]] }));
}

/** A chain of digit groups with every run of ten digits that could be an NHS number masked. */
function maskChain(chain: string): string {
  const groups = groupsOf(chain);
  let out = "";
  let at = 0;
  for (let i = 0; i < groups.length; ) {
    let total = 0;
    let j = i;
    while (j < groups.length && total < 10) total += groups[j++]!.digits.length;
    const window = groups.slice(i, j);
    if (total !== 10 || !isNumberLike(window)) {
      i++;
      continue;
    }
    const digits = window.flatMap((group) => group.digits);
    out += chain.slice(at, window[0]!.start) + "*".repeat(digits.length - 2) + digits.slice(-2).join("");
    at = window[window.length - 1]!.end;
    i = j;
  }
  return out + chain.slice(at);
}

/** Every value in the text that could be an NHS number, in any spelling, shows only its last two digits. */
export function maskIdentifiers(text: string): string {
  // `(999) 234 5675`: the bracket before the number goes with it, as its closing one does.
  return text.replace(CHAIN, maskChain).replace(/\((\*{8}\p{Nd}{2})(?!\))/gu, "$1");
}

/** Whether the whole text is one NHS number, in any spelling masked above, whose check digit is right. */
export function isNhsNumber(text: string): boolean {
  const masked = maskIdentifiers(text.trim());
  if (!/^\*{8}\p{Nd}{2}$/u.test(masked)) return false;
  return passesModulus11([...text].filter((character) => DIGIT.test(character)));
}
