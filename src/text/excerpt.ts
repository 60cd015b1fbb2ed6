import { escapeControls } from "./escape-controls.js";
import { maskIdentifiers } from "./mask-identifiers.js";

/** The most of a value a message shows, in characters. */
export const EXCERPT_LENGTH = 40;
// Masking looks this far past the cut, so that a number the cut would split is masked whole first
// (the longest spelling, 3-3-4 digits with three gap characters twice, is 16 characters).
const LOOKAHEAD = 20;

function sizeInWords(value: string): string {
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 10 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${[...value].length} characters`;
}

/** Quoted as JSON quotes it (C0 controls as `\n`, `\u001B`), and the controls JSON leaves alone escaped too. */
const quoted = (text: string) => escapeControls(JSON.stringify(text));

/**
 * A value as a message may quote it: masked, its controls escaped, and cut to 40 characters with `…`
 * and its size (`"abcd…", 52 MB`) so that a bad field never fills the screen with a person's data.
 */
export function excerpt(value: string): string {
  const head = [...value.slice(0, (EXCERPT_LENGTH + LOOKAHEAD) * 2)];
  if (head.length <= EXCERPT_LENGTH) return quoted(maskIdentifiers(value));
  const masked = [...maskIdentifiers(head.slice(0, EXCERPT_LENGTH + LOOKAHEAD).join(""))];
  if (masked.length <= EXCERPT_LENGTH && head.length <= EXCERPT_LENGTH + LOOKAHEAD) return quoted(masked.join(""));
  return `${quoted(`${masked.slice(0, EXCERPT_LENGTH).join("")}…`)}, ${sizeInWords(value)}`;
}

/** A column name as a message shows it: masked, and cut to 40 characters with `…`. */
export function shownName(name: string): string {
  const characters = [...maskIdentifiers(name.length > EXCERPT_LENGTH * 4 ? name.slice(0, EXCERPT_LENGTH * 2) : name)];
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join("")}…` : characters.join("");
}
