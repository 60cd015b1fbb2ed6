import { maskIdentifiers } from "../text/mask-identifiers.js";

// What a column name never is, and a first row of data usually holds: a date (`04/03/1958`,
// `1958-03-04`), a number (`12`, `3.5`), a UK postcode (`ME14 1XX`).
const DATE = /^\s*\p{Nd}{1,4}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{1,4}(?:[ T]\S*)?\s*$/u;
const NUMBER = /^\s*[-+]?\p{Nd}+(?:[.,]\p{Nd}+)?\s*$/u;
const POSTCODE = /^\s*[A-Z]{1,2}\p{Nd}[A-Z\p{Nd}]?\s*\p{Nd}[A-Z]{2}\s*$/iu;

/**
 * Whether a file's first line looks like a row of data rather than a header: some field is a date, a
 * number, a postcode, or what could be an NHS number. Such a line is a person's data and is never
 * quoted back as "the columns found" (evaluation.md, "Bad input").
 */
export function headerLooksLikeData(header: readonly string[]): boolean {
  return header.some((name) => DATE.test(name) || NUMBER.test(name) || POSTCODE.test(name) || maskIdentifiers(name) !== name);
}
