import type { PublishedResult } from "../result.js";
import { maskIdentifiers } from "../text/mask-identifiers.js";

function masked(value: unknown): unknown {
  if (typeof value === "string") return maskIdentifiers(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, masked(field)]));
  return value;
}

/**
 * The result with every text in it masked as messages are: cohort values and labels, file names,
 * column names, skipped reasons, warnings, settings. Every format renders this one object, JSON
 * included, so that what could be an NHS number is printed whole in none of them (outputs.md). Keys
 * and numbers are left as they are.
 */
export function maskedLabels(result: PublishedResult): PublishedResult {
  return masked(result) as PublishedResult;
}
