import { createHmac } from "node:crypto";
import type { SecretKey } from "./secret-key.js";

/**
 * The pseudonym of a normalised NHS number: lower-case hex HMAC-SHA256 (RFC 2104, FIPS 180-4) of its
 * ten ASCII digits, keyed with the shared key's bytes. Keyed, because an unkeyed hash of an NHS
 * number is no protection: there are only about a billion valid numbers, and anyone can hash them
 * all in minutes. Without the key, a pseudonym can be neither reversed nor recomputed.
 */
export function pseudonym(key: SecretKey, nhsNumberDigits: string): string {
  return createHmac("sha256", key.reveal()).update(nhsNumberDigits, "ascii").digest("hex");
}
