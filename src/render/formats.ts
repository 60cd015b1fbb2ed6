import type { PublishedResult } from "../result.js";
import { renderAttritionCsv } from "./attrition-csv.js";
import { renderCsv } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderTable } from "./table.js";

/** Every output format, by the name `--format` takes: one renderer each, all from the same result. */
export const RENDERERS = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  "attrition-csv": renderAttritionCsv,
  markdown: renderMarkdown,
  html: renderHtml,
} satisfies Record<string, (result: PublishedResult) => string>;

export type FormatName = keyof typeof RENDERERS;

export const FORMAT_NAMES = Object.keys(RENDERERS) as FormatName[];

/**
 * The format an output file's name asks for, when `--format` is not given; the longest match wins,
 * so `flow.attrition.csv` is the attrition CSV and `figures.csv` the tidy one.
 */
const EXTENSIONS: [suffix: string, format: FormatName][] = [
  [".attrition.csv", "attrition-csv"],
  [".json", "json"],
  [".csv", "csv"],
  [".md", "markdown"],
  [".markdown", "markdown"],
  [".html", "html"],
  [".htm", "html"],
  [".txt", "table"],
];

export function formatForFile(path: string): FormatName | undefined {
  const name = path.toLowerCase();
  return EXTENSIONS.find(([suffix]) => name.endsWith(suffix))?.[1];
}

export const KNOWN_EXTENSIONS = EXTENSIONS.map(([suffix]) => suffix);
