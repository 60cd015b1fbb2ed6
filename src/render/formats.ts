import type { PublishedResult } from "../result.js";

export type Renderer = (result: PublishedResult) => string;

/**
 * Every output format, by the name `--format` takes: one renderer each, all from the same result.
 * Each is loaded when asked for, so that a run writing JSON does not load the HTML report's code.
 */
const RENDERERS = {
  table: async () => (await import("./table.js")).renderTable,
  json: async () => (await import("./json.js")).renderJson,
  csv: async () => (await import("./csv.js")).renderCsv,
  "attrition-csv": async () => (await import("./attrition-csv.js")).renderAttritionCsv,
  "months-csv": async () => (await import("./months-csv.js")).renderMonthsCsv,
  "match-csv": async () => (await import("./match-csv.js")).renderMatchCsv,
  markdown: async () => (await import("./markdown.js")).renderMarkdown,
  html: async () => (await import("./html.js")).renderHtml,
} satisfies Record<string, () => Promise<Renderer>>;

/** A format rendered from the result: every one but the per-patient table. */
export type ResultFormatName = keyof typeof RENDERERS;

/**
 * The per-patient table (statistics.md, "Per-patient output"): rendered from the patients the
 * result adds up from, not from the result, and patient-level (`evaluateWithPatients`).
 */
export const PATIENTS_FORMAT = "patients-csv";

export type FormatName = ResultFormatName | typeof PATIENTS_FORMAT;

export const FORMAT_NAMES: FormatName[] = [...(Object.keys(RENDERERS) as ResultFormatName[]), PATIENTS_FORMAT];

export function rendererFor(format: ResultFormatName): Promise<Renderer> {
  return RENDERERS[format]();
}

/**
 * The format an output file's name asks for, when `--format` is not given; the longest match wins,
 * so `flow.attrition.csv` is the attrition CSV, `series.months.csv` the months', `balance.match.csv` the match report and `figures.csv` the tidy one.
 */
const EXTENSIONS: [suffix: string, format: FormatName][] = [
  [".attrition.csv", "attrition-csv"],
  [".months.csv", "months-csv"],
  [".patients.csv", PATIENTS_FORMAT],
  [".match.csv", "match-csv"],
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
