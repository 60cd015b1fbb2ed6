import type { Settings } from "../config/settings.js";
import { disclosed } from "../disclosure/rule.js";
import type { CohortFigures, Count, OutcomeResult, PublishedResult } from "../result.js";
import { activityAccounts, assumptionLines, excludedCell, patientFlows, skippedSentences } from "./accounts.js";
import { formatChange, formatCount, formatRate } from "./numbers.js";
import { type Alignment, textGrid } from "./text-grid.js";
import { windowInWords } from "./wording.js";

const HEADER = ["Cohort", "Patients", "Pre", "Post", "Pre per patient", "Post per patient", "Change"];
const ALIGN: Alignment[] = ["left", "right", "right", "right", "right", "right", "right"];

function cohortCells(row: CohortFigures<Count>): string[] {
  return [
    row.label,
    disclosed(row, "patients", formatCount(row.patients)),
    disclosed(row, "pre", formatCount(row.pre)),
    disclosed(row, "post", formatCount(row.post)),
    disclosed(row, "pre_per_patient", formatRate(row.pre_per_patient)),
    disclosed(row, "post_per_patient", formatRate(row.post_per_patient)),
    disclosed(row, "change_pct", formatChange(row.change_pct)),
  ];
}

/** One Involve-style table: a row per cohort, then the pooled Total. */
export function outcomeTable(outcome: OutcomeResult<Count>, settings: Settings): string[] {
  const title = `${outcome.label}: ${windowInWords(settings.window)} before and after the first intervention`;
  const grid = textGrid([HEADER, ...outcome.cohorts.map(cohortCells), cohortCells(outcome.total)], ALIGN);
  const rule = "-".repeat(Math.max(...grid.map((line) => line.length)));
  return [title, "", grid[0]!, rule, ...grid.slice(1, -1), rule, grid[grid.length - 1]!];
}

function patientAccount(result: PublishedResult): string[] {
  const [flow] = patientFlows(result);
  const lines = [[flow!.startWords, flow!.start], ...flow!.steps.map((step) => [`  excluded: ${step.words}`, excludedCell(step.excluded)]), [flow!.endWords, flow!.end]];
  return textGrid(lines, ["left", "right"]);
}

function rowAccount(result: PublishedResult): string[] {
  return [...activityAccounts(result).flatMap(({ lines }) => textGrid(lines, ["left", "right"])), ...skippedSentences(result)];
}

/** `--format table`: the Involve-style tables, then the account of every patient and row, then the assumptions. */
export function renderTable(result: PublishedResult): string {
  const sections: string[][] = result.outcomes.map((outcome) => outcomeTable(outcome, result.settings));
  sections.push(["Patients", "", ...patientAccount(result)]);
  sections.push(["Activity rows", "", ...rowAccount(result)]);
  sections.push(["Assumptions", "", ...textGrid(assumptionLines(result), ["left", "left"])]);
  return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
