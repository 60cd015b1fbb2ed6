/**
 * Characters a terminal or a text viewer acts on instead of showing: C0 and C1 controls (ESC starts a
 * terminal escape sequence, CR rewrites the line), DEL, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows them (CVE-2021-42574,
 * "Trojan Source"), with the line and paragraph separators. Each is shown as its code, `\u202E`.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const CONTROLS_BUT_NEW_LINES = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const code = (character: string) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** A label or value with every control and bidi character shown as its code. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, code);
}

/** Text of several lines (a whole report, a message) with every control but the new line shown as its code. */
export function escapeControlsInLines(text: string): string {
  return text.replace(CONTROLS_BUT_NEW_LINES, code);
}
