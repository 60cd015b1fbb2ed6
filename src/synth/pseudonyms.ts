/**
 * Pseudonymous patient identifiers, like the tokens an ICB's pseudonymisation service issues. A keyed
 * bijection of serial numbers (`hash32` of serial xor key) makes them unique with no lookup table,
 * which is what lets the scale mode name tens of millions of people in bounded memory.
 */
import { hash32 } from "./random.js";

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, "0"));

/** Up to 2^32 distinct identifiers per key: prefix and eight hexadecimal digits. */
export function pseudonym(key: number, serial: number, prefix: string): string {
  const token = hash32((serial ^ key) >>> 0);
  return prefix + HEX_PAIRS[token >>> 24] + HEX_PAIRS[(token >>> 16) & 255] + HEX_PAIRS[(token >>> 8) & 255] + HEX_PAIRS[token & 255];
}

/** The key of a seed's identifiers, so that two seeds name their people differently. */
export function pseudonymKey(seed: number): number {
  return hash32(seed ^ 0x5bd1e995);
}
