import { isAbsolute, relative, sep } from "node:path";
import type { ConfigFile } from "../config/config-file.js";
import type { ExtractName } from "../result.js";
import type { InspectedFile } from "./report.js";
import { AN_EXTRACT } from "./extract-match.js";
import { isHesCategory } from "./rules.js";

/**
 * A first evaluation config from what `inspect` saw: the extracts' paths, the column mappings a
 * run would otherwise take silently (well-known export names, now written down), and the formats
 * that differ from the defaults. Every entry is a choice the analyst can read and change; each is
 * listed, with why, in `choices`.
 */
export interface StartingConfig {
  config: ConfigFile;
  choices: string[];
  /** Files left out of the config, and why. */
  leftOut: string[];
}

/** The date columns a run reads, one per extract. */
const DATE_COLUMN: Readonly<Record<ExtractName, string>> = { referrals: "intervention_date", ae: "arrival_date", admissions: "admission_date", comparison: "index_date" };

/** A path as written in the config: relative to its folder, with forward slashes (it may be shared). */
function configPath(from: string, to: string): string {
  const path = relative(from, to);
  return isAbsolute(path) ? path : path.split(sep).join("/");
}

/**
 * The shipped schema is worth naming (editors then check the file) where it is near: both under a
 * folder two deep or deeper (a project with prepost in its node_modules), not only under `/` or
 * `/home` (a global install), where the path would break as soon as the config is shared.
 */
function isNear(configDir: string, schemaPath: string): boolean {
  const path = relative(configDir, schemaPath);
  if (isAbsolute(path)) return false;
  const ups = path.split(sep).filter((part) => part === "..").length;
  const depth = configDir.split(sep).filter((part) => part !== "").length;
  return depth - ups >= 2;
}

type Format = NonNullable<NonNullable<ConfigFile["formats"]>[ExtractName]>;

function formatOf(report: InspectedFile, extract: ExtractName, choices: string[]): Format | undefined {
  const format: Format = {};
  const dateHeader = report.extract.columns.find((column) => column.column === DATE_COLUMN[extract])?.header;
  const date = report.columns.find((column) => column.name === dateHeader)?.date;
  if (date?.format === "dmy") {
    format.dateFormat = "dmy";
    choices.push(`formats.${extract}.dateFormat = "dmy": ${dateHeader} is written D/M/YYYY`);
  }
  const { delimiter, notUtf8Line } = report.text;
  if (delimiter !== null && delimiter !== ",") {
    format.delimiter = delimiter as Format["delimiter"];
    choices.push(`formats.${extract}.delimiter = ${JSON.stringify(delimiter)}: the header uses it`);
  }
  if (notUtf8Line !== null) {
    format.encoding = "windows-1252";
    choices.push(`formats.${extract}.encoding = "windows-1252": not UTF-8 from line ${notUtf8Line}`);
  }
  return Object.keys(format).length > 0 ? format : undefined;
}

function columnsOf(report: InspectedFile, extract: ExtractName, choices: string[]): Record<string, string> | undefined {
  const mapped = report.extract.columns.filter((column) => column.by === "well_known");
  for (const column of mapped) choices.push(`columns.${extract}.${column.column} = ${JSON.stringify(column.header)}: a well-known export name`);
  return mapped.length > 0 ? Object.fromEntries(mapped.map((column) => [column.column, column.header!])) : undefined;
}

function addExtract(start: StartingConfig, report: InspectedFile, extract: ExtractName, path: string): void {
  const { config, choices } = start;
  config[extract] = path;
  choices.push(`${extract} = ${JSON.stringify(path)}: ${report.file} looks like ${AN_EXTRACT[extract]} extract`);
  const columns = columnsOf(report, extract, choices);
  if (columns) config.columns = { ...config.columns, [extract]: columns };
  const format = formatOf(report, extract, choices);
  if (format) config.formats = { ...config.formats, [extract]: format };
  for (const missing of report.extract.columns.filter((column) => column.required && column.header === null)) {
    choices.push(`to do: ${report.file} has no ${missing.column} column: map it in columns.${extract}.${missing.column}`);
  }
  const category = report.extract.columns.find((column) => column.column === "attendance_category")?.header ?? null;
  if (extract === "ae" && isHesCategory(category)) {
    config.aeCoding = "hes";
    choices.push(`aeCoding = "hes": the category column is HES's AEATTENDCAT (2, a planned follow-up, is not counted)`);
  }
}

/**
 * The config for the inspected files: `files` pairs each report with its absolute path; paths in
 * the config are relative to `configDir`. The first file that looks like each extract is taken.
 */
export function startingConfig(files: readonly { path: string; report: InspectedFile }[], configDir: string, schemaPath: string | undefined): StartingConfig {
  const schema = schemaPath !== undefined && isNear(configDir, schemaPath) ? { $schema: configPath(configDir, schemaPath) } : {};
  const start: StartingConfig = { config: schema, choices: [], leftOut: [] };
  for (const { path, report } of files) {
    const extract = report.extract.looksLike;
    if (extract === null) start.leftOut.push(`${report.file}: fits none of the extracts`);
    else if (start.config[extract] !== undefined) start.leftOut.push(`${report.file}: a second ${extract} extract (the config takes one)`);
    else addExtract(start, report, extract, configPath(configDir, path));
  }
  return { ...start, config: inReadingOrder(start.config) };
}

const KEY_ORDER = ["$schema", "referrals", "ae", "admissions", "comparison", "columns", "formats", "aeCoding"];

/** Paths first, then what each extract's columns and formats are, as the spec's example reads. */
function inReadingOrder(config: ConfigFile): ConfigFile {
  const entries = Object.entries(config).sort(([a], [b]) => KEY_ORDER.indexOf(a) - KEY_ORDER.indexOf(b));
  return Object.fromEntries(entries) as ConfigFile;
}
