import { formatDataError, maskIdentifiers, safeText } from "../errors.js";
import { describeDateFormat } from "../extracts/dates.js";
import { delimiterName } from "../io/file-kind.js";
import { AN_EXTRACT } from "./extract-match.js";
import type { ColumnReport, InspectedFile, InspectReport, Problem, SpecColumnMatch, TextReport } from "./report.js";

/** The plain-text report: one block per inspected file (an unreadable file goes to standard error). */


const plural = (count: number, noun: string) => `${count.toLocaleString("en-GB")} ${noun}${count === 1 ? "" : "s"}`;
const quoted = (value: string) => maskIdentifiers(JSON.stringify(value));

function textLine(text: TextReport): string {
  if (text.container === "parquet") return "Parquet (typed columns, no text encoding)";
  const encoding = text.notUtf8Line !== null ? `not UTF-8 (from line ${text.notUtf8Line}; read as Windows-1252)` : `UTF-8${text.bom ? " with a byte-order mark" : ""}`;
  const delimiter = `${delimiterName(text.delimiter!)}-delimited${text.delimiterFromHeader ? " (as the header shows)" : ""}`;
  const gzip = text.container === "csv.gz" ? "gzip-compressed, " : "";
  return `${gzip}${encoding}, ${delimiter}, ${text.lineEnds === "none" ? "a single line" : `${text.lineEnds} line ends`}`;
}

function missingText(column: ColumnReport): string {
  const parts = Object.entries(column.missing).filter(([, count]) => count > 0).map(([how, count]) => `${count} ${how === "empty" ? "empty" : how}`);
  return parts.length > 0 ? `; missing: ${parts.join(", ")}` : "";
}

function dateText(column: ColumnReport): string {
  const date = column.date!;
  const format = date.format === "mixed" ? `mixed formats (${date.iso} YYYY-MM-DD, ${date.dmy} D/M/YYYY)` : describeDateFormat(date.format);
  const time = date.withTime > 0 ? `, ${date.withTime} with a time of day` : "";
  const range = date.earliestMonth ? `, ${date.earliestMonth} to ${date.latestMonth}` : "";
  const hes = date.hesMissing > 0 ? `; ${plural(date.hesMissing, "HES missing-date placeholder")}` : "";
  const unfit = date.notFitting > 0 ? `; ${plural(date.notFitting, "value")} not fitting (see problems)` : "";
  return `date ${format}${time}${range}${hes}${unfit}`;
}

function codeText(column: ColumnReport): string {
  const listed = column.values!.map(({ value, rows }) => `${quoted(value)} ${rows}`).join(", ");
  const rest = column.valuesNotListed ? `${listed ? ", " : ""}${plural(column.valuesNotListed, "other value")} in fewer than 5 rows each` : "";
  const range = column.wholeNumbers ? ` (whole numbers ${column.wholeNumbers.min} to ${column.wholeNumbers.max})` : "";
  return `code${range}: ${listed}${rest}`;
}

export function columnText(column: ColumnReport): string {
  const distinct = column.distinct === null ? "more than 50 distinct values" : plural(column.distinct, "distinct value");
  const what = {
    identifier: () => `identifier-like: ${distinct} (not shown)`,
    date: () => dateText(column),
    code: () => codeText(column),
    number: () => (column.wholeNumbers ? `number: whole numbers ${column.wholeNumbers.min} to ${column.wholeNumbers.max}` : "number"),
    text: () => `text: ${distinct} (not shown)`,
    empty: () => "empty: no values",
  }[column.kind]();
  return `${what}${missingText(column)}`;
}

function suppliesText(match: SpecColumnMatch): string {
  if (match.header === null) return match.required ? "not found (required)" : "not found";
  return `${match.header}${match.by === "well_known" ? " (a well-known export name)" : ""}`;
}

const padded = (names: readonly string[]) => {
  const width = Math.min(32, Math.max(0, ...names.map((name) => name.length)));
  return (name: string) => name.padEnd(width);
};

export function problemText(file: string, problem: Problem): string {
  return formatDataError({ code: problem.code, file, line: problem.line, column: problem.column, message: problem.message });
}

function fileText(report: InspectedFile): string[] {
  const extract = report.extract.looksLike;
  const looks = extract === null ? "fits none of the extracts" : `looks like ${AN_EXTRACT[extract]} extract${report.extract.complete ? "" : ", but a required column is missing"}`;
  const pad = padded(report.header.names.map(maskIdentifiers));
  const lines = [
    `${report.file}: ${looks}`,
    `  text: ${textLine(report.text)}`,
    `  rows: ${report.rows.toLocaleString("en-GB")} (header on line ${report.header.line})`,
    `  columns:`,
    ...report.columns.map((column) => `    ${pad(maskIdentifiers(column.name))}  ${columnText(column)}`),
  ];
  if (extract !== null) {
    const padSpec = padded(report.extract.columns.map((column) => column.column));
    lines.push(`  supplies, as ${extract}:`, ...report.extract.columns.map((column) => `    ${padSpec(column.column)}  ${maskIdentifiers(suppliesText(column))}`));
  }
  if (report.rules.length > 0) lines.push("  rules:", ...report.rules.map((rule) => `    ${rule.note}`));
  lines.push(report.problems.length === 0 ? "  problems: none seen" : "  problems:", ...report.problems.map((problem) => `    ${problemText(report.file, problem)}`));
  return lines;
}

export function renderText(report: InspectReport): string {
  const blocks = report.files.filter((file): file is InspectedFile => file.readable).map((file) => fileText(file).join("\n"));
  // A header name or a code can hold a terminal escape or a bidi override: shown as its code.
  return blocks.length > 0 ? `${safeText(blocks.join("\n\n"))}\n` : "";
}

/** What `--write-config` wrote, each entry with why, so that the analyst can check every choice. */
export function writtenConfigText(written: NonNullable<InspectReport["writtenConfig"]>): string {
  const lines = [`wrote ${written.file}, a starting config; each entry is a choice to check:`, ...written.choices.map((choice) => `  ${maskIdentifiers(choice)}`)];
  if (written.leftOut.length > 0) lines.push("left out:", ...written.leftOut.map((why) => `  ${why}`));
  return `${safeText(lines.join("\n"))}\n`;
}
