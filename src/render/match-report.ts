import type { Settings } from "../config/settings.js";
import { SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { BalanceLine, Count, MatchReport, UnmatchedReason } from "../result.js";
import type { Line } from "./accounts.js";
import { formatCount, formatRate, formatShare } from "./numbers.js";
import type { Alignment } from "./text-grid.js";
import { describedOutcome } from "../outcomes/registry.js";

/**
 * The match report (matching.md, "Outputs") as cells of text, for every human format: the cases and
 * what became of them, what was matched on, the balance table and its warnings, and what a matched
 * comparison can and cannot show. Counts pass through the disclosure rendering rule.
 */

export const MATCH_TITLE = "The matched comparison group";

const UNMATCHED_WORDS: Record<UnmatchedReason, string> = {
  case_not_in_population: "not in the population extract",
  invalid_population_row: "their population row was skipped as invalid",
  no_candidate: "no candidate left in their stratum at their date",
  none_within_caliper: "no candidate within the caliper",
};

export function unmatchedInWords(reason: UnmatchedReason): string {
  return UNMATCHED_WORDS[reason];
}

const VARIABLE_WORDS: Record<string, string> = {
  sex: "sex",
  age_band: "five-year age band",
  imd_quintile: "IMD quintile",
  practice: "practice",
  age: "age",
  ltc_count: "long-term conditions",
};

const LEFT_OUT_WORDS: Record<string, string> = {
  no_variance: "no variance among the cases",
  determined: "determined by the variables before it",
};

/**
 * A variable's name in words: `ae_attendances_pre` is "A&E attendances, pre window", and a nights
 * outcome matched on its spells (`emergency_bed_days_spells_prior`) "Emergency bed days (spells), prior window".
 */
export function variableInWords(variable: string, settings: Settings): string {
  const known = VARIABLE_WORDS[variable];
  if (known) return known;
  const window = /^(.*?)(_spells)?_(pre|prior)$/.exec(variable);
  if (!window) return variable;
  const label = describedOutcome(window[1]!, settings)?.label ?? window[1]!;
  return `${label}${window[2] ? " (spells)" : ""}, ${window[3] === "pre" ? "pre window" : "prior window"}`;
}

const shownCount = (value: Count) => (value === null ? SUPPRESSED_MARK : formatCount(value));

/** `settings`' matching in words, for the assumptions. */
export function matchingInWords(settings: Settings): string | undefined {
  if (settings.ratio === undefined) return undefined;
  const caliper = settings.caliper === null || settings.caliper === undefined ? "no caliper" : `caliper ${settings.caliper}`;
  const also = settings.matchExact?.length ? `; also matched exactly on ${settings.matchExact.join(", ")}` : "";
  return `up to ${settings.ratio} control${settings.ratio === 1 ? "" : "s"} per case, nearest first (Mahalanobis distance), ${caliper}, without replacement, cases in a random order from seed ${settings.seed}${also}`;
}

/** What became of the cases, and what they were matched on, as labelled cells. */
export function matchSummaryLines(report: MatchReport<Count>): Line[] {
  const lines: Line[] = [["Cases: referred patients included", shownCount(report.cases)]];
  lines.push(["  matched: with at least one control", shownCount(report.matched)]);
  for (const [reason, value] of Object.entries(report.unmatched) as [UnmatchedReason, Count][]) {
    lines.push([`  unmatched: ${unmatchedInWords(reason)}`, shownCount(value)]);
  }
  lines.push(["Controls", shownCount(report.controls)]);
  report.controls_per_case.forEach((value, k) => lines.push([`  cases with ${k} control${k === 1 ? "" : "s"}`, shownCount(value)]));
  return lines;
}

/** What the cases were matched on, and how, in words. */
export function matchVariableLines(report: MatchReport<Count>, settings: Settings): Line[] {
  const { variables } = report;
  const inWords = (variable: string) => variableInWords(variable, settings);
  const lines: Line[] = [
    ["Matched exactly on", variables.exact.map(inWords).join(", ")],
    ["As nearly as possible on", variables.distance.map(inWords).join(", ") || "nothing (every candidate of the stratum is as near)"],
  ];
  if (variables.left_out.length > 0) {
    lines.push(["Left out of the distance", variables.left_out.map(({ variable, reason }) => `${inWords(variable)} (${LEFT_OUT_WORDS[reason] ?? reason})`).join("; ")]);
  }
  return lines;
}

export interface BalanceTable {
  caption: string;
  header: string[];
  align: Alignment[];
  rows: string[][];
  notes: string[];
}

const withheldOr = (line: BalanceLine, field: string, text: string) => (line.suppressed?.includes(field) ? SUPPRESSED_MARK : text);

/** A standardised mean difference to three places, with a sign. */
export function formatSmd(value: number | null): string {
  if (value === null) return "n/a";
  const text = Math.abs(value).toFixed(3);
  return text === "0.000" ? "0.000" : `${value < 0 ? "-" : "+"}${text}`;
}

/** A category's share as a percentage, a near variable's mean to two places. */
function valueCell(line: BalanceLine, field: "cases" | "pool" | "matched_cases" | "controls"): string {
  const value = line[field];
  return withheldOr(line, field, line.category === null ? formatRate(value) : formatShare(value === null ? null : value * 100));
}

/** The balance (matching.md, "Balance"): each variable before matching and after, with the SMD and variance ratio. */
export function balanceTable(report: MatchReport<Count>, settings: Settings): BalanceTable {
  const { groups } = report.balance;
  const size = (value: Count) => (value === null ? SUPPRESSED_MARK : formatCount(value));
  return {
    caption: "Balance: all cases against the pool before matching, the matched cases against their controls after",
    header: [
      "Variable",
      "Category",
      `Cases (${size(groups.cases)})`,
      `Pool (${size(groups.pool)})`,
      `Matched cases (${size(groups.matched_cases)})`,
      `Controls (${size(groups.controls)})`,
      "SMD before",
      "SMD after",
      "Variance ratio before",
      "Variance ratio after",
    ],
    align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right"],
    rows: report.balance.rows.map((line) => [
      variableInWords(line.variable, settings),
      line.category ?? "(mean)",
      valueCell(line, "cases"),
      valueCell(line, "pool"),
      valueCell(line, "matched_cases"),
      valueCell(line, "controls"),
      withheldOr(line, "smd_before", formatSmd(line.smd_before)),
      withheldOr(line, "smd_after", formatSmd(line.smd_after)),
      withheldOr(line, "variance_ratio_before", line.category === null ? formatRate(line.variance_ratio_before) : ""),
      withheldOr(line, "variance_ratio_after", line.category === null ? formatRate(line.variance_ratio_after) : ""),
    ]),
    notes: [
      "Exact variables as the share of each category, near ones as their mean, each at the case's index date. The pool is every candidate at every case's date (a person once for each case they could be a control of): what a comparison would be without matching.",
      "SMD: the standardised mean difference, (cases − controls) / √((variance of cases + variance of controls) / 2); variance ratio: the cases' over the controls'. An |SMD| of 0.1 or more after matching is a warning.",
    ],
  };
}

/**
 * What a matched comparison can and cannot show, in words every format prints beside it: only what
 * was matched on is balanced.
 */
export function matchReading(report: MatchReport<Count>, settings: Settings): string[] {
  const matchedOn = [...report.variables.exact, ...report.variables.distance].map((variable) => variableInWords(variable, settings)).join("; ");
  return [
    `What it can show: how the referred patients' use changed beside people who were never referred but, at the same date, were alike in what they were matched on (${matchedOn}). A fall that both groups share, as a bad spell passes (regression to the mean), in a winter or with a change of services, is taken out of the difference in differences.`,
    "What it cannot show: that the two groups are alike in anything else. Only what was matched on is balanced: why someone was referred (a crisis at home, a clinician's judgement, being ready to change) is in no extract, and a difference there can move the referred patients' use all the same. Read the difference in differences as the change beyond what alike people's use did, not as proof that the service caused it.",
  ];
}
