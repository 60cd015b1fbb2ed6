import type { PublishedResult } from "../result.js";
import {
  activityAccounts,
  assumptionLines,
  excludedCell,
  type Line,
  patientFlows,
  readingNotes,
  runWarningSentences,
  skippedSentences,
} from "./accounts.js";
import { balanceTable, MATCH_TITLE, matchReading, matchSummaryLines, matchVariableLines } from "./match-report.js";
import { outcomeTables, outcomeWarnings, type ReportTable, totalRowsOf } from "./report-tables.js";
import { escapeControls } from "../text/escape-controls.js";
import type { Alignment } from "./text-grid.js";

/**
 * Text in Markdown: characters Markdown or HTML would act on are backslash-escaped (CommonMark
 * escapes any ASCII punctuation; `&` only where it would start an entity), and new lines become
 * spaces, so that a label can neither break a table nor become markup; other controls and bidi
 * overrides are shown as their codes (`\u202E`).
 */
export function markdownText(text: string): string {
  return escapeControls(
    text.replace(/[\\`*_[\]<>|#!~]|&(?=#?\w+;)/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, " "),
  );
}

/** A GitHub-flavoured table; the last `boldRows` rows (the Total's) in bold. */
function gfmTable(header: readonly string[], align: readonly Alignment[], rows: readonly (readonly string[])[], boldRows = 0): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const body = rows.map((row, i) => row.map((cell) => (i >= rows.length - boldRows && cell !== "" ? `**${markdownText(cell)}**` : markdownText(cell))));
  return [line(header.map(markdownText)), line(align.map((a) => (a === "right" ? "---:" : ":---"))), ...body.map(line)];
}

function reportTable(table: ReportTable): string[] {
  return [
    `### ${markdownText(table.caption)}`,
    "",
    ...gfmTable(table.header, table.align, table.rows, totalRowsOf(table)),
    ...(table.notes.length ? ["", ...table.notes.map((note) => `_${markdownText(note)}_`)] : []),
  ];
}

function lines(rows: readonly Line[]): string[] {
  return gfmTable(["", "Rows"], ["left", "right"], rows.map(([label, value]) => [label.trim(), value]));
}

/** The match report: the cases and what became of them, what was matched on, the balance and how to read it. */
function matchSections(result: PublishedResult): string[][] {
  const report = result.match;
  if (!report) return [];
  const balance = balanceTable(report, result.settings);
  return [
    [`## ${markdownText(MATCH_TITLE)}`],
    gfmTable(["", "Patients"], ["left", "right"], matchSummaryLines(report).map(([label, value]) => [label.trim(), value])),
    gfmTable(["", ""], ["left", "left"], matchVariableLines(report, result.settings)),
    [`### ${markdownText(balance.caption)}`, "", ...gfmTable(balance.header, balance.align, balance.rows), "", ...balance.notes.map((note) => `_${markdownText(note)}_`)],
    ...(report.warnings.length ? [["Warnings:", "", ...report.warnings.map((warning) => `- ${markdownText(warning)}`)]] : []),
    ...matchReading(report, result.settings).map((paragraph) => [markdownText(paragraph)]),
  ];
}

/** `--format markdown`: the Involve-style tables and every account, for papers and wikis (GitHub-flavoured tables). */
export function renderMarkdown(result: PublishedResult): string {
  const sections: string[][] = [["# Acute care before and after the first intervention"]];
  if (result.disclosure) sections.push([`> ${markdownText(result.disclosure.note)}`]);
  const warnings = runWarningSentences(result);
  if (warnings.length) sections.push(["**Warnings:**", "", ...warnings.map((warning) => `- ${markdownText(warning)}`)]);
  for (const outcome of result.outcomes) {
    sections.push([`## ${markdownText(outcome.label)}`]);
    for (const table of outcomeTables(outcome, result.settings)) sections.push(reportTable(table));
    const warnings = outcomeWarnings(outcome);
    if (warnings.length) sections.push(["Warnings:", "", ...warnings.map((warning) => `- ${markdownText(warning)}`)]);
  }
  sections.push(...matchSections(result));
  sections.push(["## Patients"]);
  for (const flow of patientFlows(result)) {
    const rows: Line[] = [[flow.startWords, flow.start], ...flow.steps.map((step): Line => [`excluded: ${step.words}`, excludedCell(step.excluded)]), [flow.endWords, flow.end]];
    sections.push([`### ${markdownText(flow.title)}`, "", ...gfmTable(["", "Patients"], ["left", "right"], rows)]);
  }
  if (result.outcomes.length > 0) sections.push(["## Activity rows"]);
  for (const account of activityAccounts(result)) sections.push([`### ${markdownText(account.title)}`, "", ...lines(account.lines)]);
  const skipped = [...readingNotes(result), ...skippedSentences(result)];
  if (skipped.length) sections.push(skipped.map((sentence) => `- ${markdownText(sentence)}`));
  sections.push(["## Assumptions", "", ...gfmTable(["Setting", "Value"], ["left", "left"], assumptionLines(result))]);
  sections.push([`_${markdownText(`${result.tool.name} ${result.tool.version}`)}_`]);
  return `${sections.map((section) => section.join("\n")).join("\n\n")}\n`;
}
