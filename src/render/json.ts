import type { PublishedResult } from "../result.js";

/** `--format json`: the result object as the spec's JSON section fixes it, numbers unrounded. */
export function renderJson(result: PublishedResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
