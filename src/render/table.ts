import type { Settings } from "../config/settings.js";
import type { Count, OutcomeResult, PublishedResult } from "../result.js";
import {
  activityAccounts,
  assumptionLines,
  excludedCell,
  type PatientFlow,
  patientFlows,
  readingNotes,
  runWarningSentences,
  skippedSentences,
} from "./accounts.js";
import { balanceTable, MATCH_TITLE, matchReading, matchSummaryLines, matchVariableLines } from "./match-report.js";
import { outcomeTables, outcomeWarnings, type ReportTable, totalRowsOf } from "./report-tables.js";
import { escapeControlsInLines } from "../text/escape-controls.js";
import { textGrid } from "./text-grid.js";

/** A report table as aligned text: caption, header, a rule, the cohorts, a rule, the Total, notes. */
function textTable(table: ReportTable): string[] {
  const grid = textGrid([table.header, ...table.rows], table.align);
  const rule = "-".repeat(Math.max(...grid.map((line) => line.length)));
  const total = grid.length - totalRowsOf(table);
  return [table.caption, "", grid[0]!, rule, ...grid.slice(1, total), ...(total < grid.length ? [rule, ...grid.slice(total)] : []), ...table.notes];
}

/**
 * One outcome: the Involve-style table (with the interval of each change where there is one), then
 * the statistics, the prior-window check, the comparison group and costs, then fragile-row warnings.
 */
export function outcomeSection(outcome: OutcomeResult<Count>, settings: Settings): string[] {
  const tables = outcomeTables(outcome, settings).map(textTable);
  const warnings = outcomeWarnings(outcome).map((warning) => `Warning: ${warning}`);
  return [...tables.flatMap((lines, i) => (i === 0 ? lines : ["", ...lines])), ...(warnings.length ? ["", ...warnings] : [])];
}

/** The match report: what became of the cases, what they were matched on, the balance, its warnings, and how to read it. */
export function matchSection(report: NonNullable<PublishedResult["match"]>, settings: Settings): string[] {
  const balance = balanceTable(report, settings);
  const grid = textGrid([balance.header, ...balance.rows], balance.align);
  const rule = "-".repeat(Math.max(...grid.map((line) => line.length)));
  return [
    MATCH_TITLE,
    "",
    ...textGrid(matchSummaryLines(report), ["left", "right"]),
    "",
    ...textGrid(matchVariableLines(report, settings), ["left", "left"]),
    "",
    balance.caption,
    "",
    grid[0]!,
    rule,
    ...grid.slice(1),
    ...balance.notes,
    ...(report.warnings.length ? ["", ...report.warnings.map((warning) => `Warning: ${warning}`)] : []),
    "",
    ...matchReading(report, settings),
  ];
}

function flowLines(flow: PatientFlow): string[][] {
  return [[flow.startWords, flow.start], ...flow.steps.map((step) => [`  excluded: ${step.words}`, excludedCell(step.excluded)]), [flow.endWords, flow.end]];
}

/** Referred patients through each exclusion to those included; the comparison group's likewise. */
function patientAccount(result: PublishedResult): string[] {
  return textGrid(patientFlows(result).flatMap(flowLines), ["left", "right"]);
}

/** Every activity row accounted for, both extracts in one grid so their figures line up. */
function rowAccount(result: PublishedResult): string[] {
  return [...textGrid(activityAccounts(result).flatMap(({ lines }) => lines), ["left", "right"]), ...readingNotes(result), ...skippedSentences(result)];
}

/** `--format table`: the Involve-style tables, then the account of every patient and row, then the assumptions. */
export function renderTable(result: PublishedResult): string {
  const warnings = runWarningSentences(result);
  const sections: string[][] = warnings.length ? [["Warnings", "", ...warnings.map((warning) => `! ${warning}`)]] : [];
  sections.push(...result.outcomes.map((outcome) => outcomeSection(outcome, result.settings)));
  if (result.match) sections.push(matchSection(result.match, result.settings));
  sections.push(["Patients", "", ...patientAccount(result)]);
  // `prepost match` reports no outcome, so no row is accounted for one.
  if (result.outcomes.length > 0) sections.push(["Activity rows", "", ...rowAccount(result)]);
  sections.push(["Assumptions", "", ...textGrid(assumptionLines(result), ["left", "left"])]);
  // Captions, notes and warnings name cohorts and files too: nothing in them reaches the terminal raw.
  return escapeControlsInLines(`${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`);
}
