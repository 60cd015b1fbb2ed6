import type { Settings } from "../config/settings.js";
import type { ActivityRowAccount, CohortFigures, NotCountableReason, OutcomeResult, Result } from "../result.js";
import { formatChange, formatCount, formatRate } from "./numbers.js";
import { type Alignment, textGrid } from "./text-grid.js";
import {
  coverageInWords,
  eligibilityInWords,
  engineInWords,
  exclusionInWords,
  indexDayInWords,
  notCountableInWords,
  periodInWords,
  windowInWords,
} from "./wording.js";

const HEADER = ["Cohort", "Patients", "Pre", "Post", "Pre per patient", "Post per patient", "Change"];
const ALIGN: Alignment[] = ["left", "right", "right", "right", "right", "right", "right"];

function cohortCells(row: CohortFigures): string[] {
  return [
    row.label,
    formatCount(row.patients),
    formatCount(row.pre),
    formatCount(row.post),
    formatRate(row.pre_per_patient),
    formatRate(row.post_per_patient),
    formatChange(row.change_pct),
  ];
}

/** One Involve-style table: a row per cohort, then the pooled Total. */
export function outcomeTable(outcome: OutcomeResult, settings: Settings): string[] {
  const title = `${outcome.label}: ${windowInWords(settings.window)} before and after the first intervention`;
  const grid = textGrid([HEADER, ...outcome.cohorts.map(cohortCells), cohortCells(outcome.total)], ALIGN);
  const rule = "-".repeat(Math.max(...grid.map((line) => line.length)));
  return [title, "", grid[0]!, rule, ...grid.slice(1, -1), rule, grid[grid.length - 1]!];
}

function patientAccount(result: Result): string[] {
  const referred = result.attrition.length ? result.attrition[0]!.remaining + result.attrition[0]!.excluded : 0;
  const lines: string[][] = [[`Referred patients (from ${formatCount(result.rows.referrals)} referral rows)`, formatCount(referred)]];
  for (const step of result.attrition) {
    lines.push([`  excluded: ${exclusionInWords(step.reason, result.settings)}`, step.excluded === 0 ? "0" : `-${formatCount(step.excluded)}`]);
  }
  const included = result.attrition.at(-1)?.remaining ?? 0;
  lines.push(["Patients included", formatCount(included)]);
  return textGrid(lines, ["left", "right"]);
}

const NOT_COUNTABLE_ORDER: NotCountableReason[] = ["excluded_category", "not_emergency", "later_episode", "missing_date"];

function activityAccount(name: string, file: string, account: ActivityRowAccount, settings: Settings): string[] {
  const lines: string[][] = [[`${name} rows read (${file})`, formatCount(account.read)]];
  lines.push(["  counted in a pre or post window", formatCount(account.counted)]);
  if (settings.indexDay === "exclude") lines.push(["  on the index day (not counted)", formatCount(account.onIndexDay)]);
  lines.push(["  outside the windows", formatCount(account.outsideWindows)]);
  lines.push(["  of excluded patients", formatCount(account.ofExcludedPatients)]);
  if (account.comparison !== undefined) lines.push(["  of comparison patients", formatCount(account.comparison)]);
  for (const reason of NOT_COUNTABLE_ORDER) {
    if (account.notCountable[reason] > 0) {
      lines.push([`  not countable: ${notCountableInWords(reason, settings)}`, formatCount(account.notCountable[reason])]);
    }
  }
  lines.push(["  of patients not referred", formatCount(account.activityOfOthers)]);
  lines.push(["  skipped as invalid", formatCount(account.skipped)]);
  return textGrid(lines, ["left", "right"]);
}

function rowAccount(result: Result): string[] {
  const lines: string[] = [];
  const { ae, admissions } = result.rows.accounts;
  if (ae) lines.push(...activityAccount("A&E", result.inputs.ae ?? "", ae, result.settings));
  if (admissions) lines.push(...activityAccount("Admissions", result.inputs.admissions ?? "", admissions, result.settings));
  for (const skipped of result.rows.skipped) {
    const where = skipped.lines.join(", ") + (skipped.rows > skipped.lines.length ? ", …" : "");
    const column = skipped.column ? `${skipped.column} ` : "";
    lines.push(`Skipped ${formatCount(skipped.rows)} row(s) of ${skipped.file}: ${column}${skipped.reason} (lines ${where})`);
  }
  return lines;
}

function assumptions(settings: Settings): string[] {
  return textGrid(
    [
      ["Study period", periodInWords(settings)],
      ["Windows", `${windowInWords(settings.window)} before and after the index date (first intervention)`],
      ["Index day", indexDayInWords(settings.indexDay)],
      ["Data coverage", coverageInWords(settings)],
      ["Eligibility", eligibilityInWords(settings)],
      ["A&E", `${settings.aeCoding.toUpperCase()} coding; categories not counted: ${settings.excludedAttendanceCategories.join(", ") || "none"}`],
      ["Admissions", `emergency methods counted: ${settings.emergencyAdmissionMethods.join(", ")}`],
      ["Engine", engineInWords(settings.engine)],
    ],
    ["left", "left"],
  );
}

/** `--format table`: the Involve-style tables, then the account of every patient and row, then the assumptions. */
export function renderTable(result: Result): string {
  const sections: string[][] = result.outcomes.map((outcome) => outcomeTable(outcome, result.settings));
  sections.push(["Patients", "", ...patientAccount(result)]);
  sections.push(["Activity rows", "", ...rowAccount(result)]);
  sections.push(["Assumptions", "", ...assumptions(result.settings)]);
  return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
