/**
 * The shapes a value must have (a date, a time after it, a whole number), as a small grammar that
 * renders both to a regular expression (the DuckDB engine's pass, and the warehouse script in DuckDB,
 * PostgreSQL and Spark) and to the `LIKE` patterns of T-SQL, which has no regular expressions: each
 * grammar is bounded, so it expands to finitely many patterns. The grammars are those of
 * `extracts/dates.ts` and `extracts/fields.ts`, written here once for all the SQL; a test holds
 * their regular expressions to the TypeScript ones.
 */
export type TextPattern =
  | { kind: "chars"; set: string }
  | { kind: "digits"; min: number; max: number }
  | { kind: "seq"; parts: readonly TextPattern[] }
  | { kind: "optional"; part: TextPattern }
  | { kind: "either"; options: readonly TextPattern[] };

export const chars = (set: string): TextPattern => ({ kind: "chars", set });
export const digits = (min: number, max = min): TextPattern => ({ kind: "digits", min, max });
export const seq = (...parts: TextPattern[]): TextPattern => ({ kind: "seq", parts });
export const optional = (part: TextPattern): TextPattern => ({ kind: "optional", part });
export const either = (...options: TextPattern[]): TextPattern => ({ kind: "either", options });

/** dates.ts's TIME_OF_DAY: what may follow a date (only the day counts). */
export const TIME_OF_DAY = seq(
  chars("T "),
  digits(1, 2),
  chars(":"),
  digits(2),
  optional(seq(chars(":"), digits(2), optional(seq(chars(".,"), digits(1, 9))))),
  optional(either(chars("Z"), seq(chars("+-"), digits(2), optional(seq(optional(chars(":")), digits(2)))))),
);
/** The date part of `YYYY-MM-DD` (parseIso). */
export const ISO_DATE = seq(digits(4), chars("-"), digits(2), chars("-"), digits(2));
/** The date part of `D/M/YYYY` (parseDmy): day and month of one or two digits. */
export const DMY_DATE = seq(digits(1, 2), chars("/"), digits(1, 2), chars("/"), digits(4));
/** dates.ts's ISO_SHAPE, what `auto` takes for an ISO date (the start of the text). */
export const ISO_SHAPE = seq(digits(4), chars("-"), digits(1));
/** fields.ts's DIGITS, less the empty text (which is missing). */
export const WHOLE_NUMBER = digits(1, Number.POSITIVE_INFINITY);

// Outside a class, `-` and `/` mean themselves in every flavour (a backslash is not safe in a Spark literal).
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|]/g;

/** One character of the set, as a regular expression: a class, its `-` last so that it stands for itself. */
function regexSet(set: string): string {
  if (set.length === 1) return set.replace(REGEX_SPECIAL, "\\$&");
  const escaped = [...set].filter((c) => c !== "-").map((c) => (/[\\\]^]/.test(c) ? `\\${c}` : c)).join("");
  return `[${escaped}${set.includes("-") ? "-" : ""}]`;
}

/** A regular expression of the grammar (no anchors); `digit` is `\d` for JavaScript, `[0-9]` for SQL (a backslash is not safe in every SQL literal). */
export function toRegex(pattern: TextPattern, digit = "[0-9]"): string {
  switch (pattern.kind) {
    case "chars":
      return regexSet(pattern.set);
    case "digits": {
      const count = pattern.max === pattern.min ? `{${pattern.min}}` : pattern.max === Number.POSITIVE_INFINITY ? (pattern.min === 1 ? "+" : `{${pattern.min},}`) : `{${pattern.min},${pattern.max}}`;
      return pattern.min === 1 && pattern.max === 1 ? digit : `${digit}${count}`;
    }
    case "seq":
      return pattern.parts.map((part) => toRegex(part, digit)).join("");
    case "optional": {
      const inner = pattern.part;
      // A single character takes the `?` itself; anything longer is grouped first.
      if (inner.kind === "chars") return `${toRegex(inner, digit)}?`;
      if (inner.kind === "either") return `${toRegex(inner, digit)}?`;
      return `(?:${toRegex(inner, digit)})?`;
    }
    case "either":
      return `(?:${pattern.options.map((option) => toRegex(option, digit)).join("|")})`;
  }
}

/** T-SQL `LIKE` needs `[`, `%` and `_` written as a class of themselves to mean themselves. */
const likeLiteral = (character: string) => (/[[%_]/.test(character) ? `[${character}]` : character);

/**
 * Every T-SQL `LIKE` pattern the grammar can match, one per way through it: their union matches
 * exactly the texts the regular expression does. Unbounded repetition cannot be expanded.
 */
export function toLikePatterns(pattern: TextPattern): string[] {
  switch (pattern.kind) {
    case "chars":
      return [pattern.set.length === 1 ? likeLiteral(pattern.set) : `[${pattern.set}]`];
    case "digits": {
      if (!Number.isFinite(pattern.max)) throw new Error("toLikePatterns: an unbounded run of digits has no finite expansion");
      const runs: string[] = [];
      for (let count = pattern.min; count <= pattern.max; count++) runs.push("[0-9]".repeat(count));
      return runs;
    }
    case "seq":
      return pattern.parts.reduce<string[]>((heads, part) => heads.flatMap((head) => toLikePatterns(part).map((tail) => head + tail)), [""]);
    case "optional":
      return ["", ...toLikePatterns(pattern.part)];
    case "either":
      return pattern.options.flatMap(toLikePatterns);
  }
}
