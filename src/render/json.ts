import type { PublishedResult } from "../result.js";

// What JSON.stringify leaves raw but a terminal or an editor acts on: C1 controls, DEL, bidi
// embeddings, overrides and isolates, the line and paragraph separators.
const RAW_CONTROLS = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * `--format json`: the result object as the spec's JSON section fixes it, numbers unrounded. Every
 * control is written as a JSON escape (`\u202e`), which a reader decodes to the same string, so the
 * text is safe on a terminal and the values are as they were.
 */
export function renderJson(result: PublishedResult): string {
  const text = JSON.stringify(result, null, 2).replace(RAW_CONTROLS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${text}\n`;
}
