import { escapeControlsInLines } from "../../text/escape-controls.js";

/**
 * HTML built only through the `html` template: every interpolated string is escaped (cohort labels,
 * file names, skipped reasons, anything from an input), so nothing from the data can become markup.
 * Markup is passed on only as `SafeHtml`, which only this template makes.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML (and inline SVG) content and quoted attribute values; controls and bidi
 * overrides are shown as their codes (`\u202E`), as a browser would otherwise reorder the text after one.
 */
export function escapeHtml(text: string): string {
  return escapeControlsInLines(text).replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

type Interpolation = string | number | SafeHtml | readonly Interpolation[] | null | undefined | false;

function interpolate(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += interpolate(value) + strings[i + 1]!;
  });
  return new SafeHtml(text);
}

/** A number for an SVG attribute, to two places (enough at any screen size, and stable in goldens). */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
