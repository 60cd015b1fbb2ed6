import type { Settings } from "../config/settings.js";
import { disclosed, SUPPRESSED_MARK } from "../disclosure/rule.js";
import { delimiterName } from "../io/file-kind.js";
import { type ActivityRowAccount, type AttritionStep, type Count, inputFile, type PublishedResult } from "../result.js";
import { describedExtract, describedOutcome } from "../outcomes/registry.js";
import { formatCount } from "./numbers.js";
import { matchingInWords } from "./match-report.js";
import {
  breakdownsInWords,
  comparisonExclusionInWords,
  coverageInWords,
  extractCoverageInWords,
  eligibilityInWords,
  engineInWords,
  monthsInWords,
  exclusionInWords,
  indexDayInWords,
  intervalsInWords,
  notCountableInWords,
  periodInWords,
  unitCostsInWords,
  windowInWords,
} from "./wording.js";

/**
 * The accounts every human format prints, as labelled cells: the patient flow, where every activity
 * row went, and the assumptions. Counts pass through the disclosure rendering rule.
 */
export type Line = [label: string, value: string];

export interface FlowStep {
  words: string;
  excluded: string;
  remaining: string;
}

export interface PatientFlow {
  title: string;
  startWords: string;
  start: string;
  steps: FlowStep[];
  endWords: string;
  end: string;
}

/**
 * Comparison patients listed, where the comparison flow starts. Evaluated results may not record it
 * yet: the first step's excluded + remaining is then the same number (suppressed results always
 * record it, rounded from the true total).
 */
export function comparisonListed(result: PublishedResult): Count {
  if (result.comparison_listed !== undefined) return result.comparison_listed;
  const first = result.comparison_attrition?.[0];
  if (!first || first.excluded === null || first.remaining === null || result.disclosure) return null;
  return first.excluded + first.remaining;
}

function flowSteps<Reason extends string>(steps: readonly AttritionStep<Reason, Count>[], words: (reason: Reason) => string): FlowStep[] {
  return steps.map((step) => ({
    words: words(step.reason),
    excluded: disclosed(step, "excluded", formatCount(step.excluded)),
    remaining: disclosed(step, "remaining", formatCount(step.remaining)),
  }));
}

/** Referred → each exclusion in rule order → included; and the comparison group's, where there is one. */
export function patientFlows(result: PublishedResult): PatientFlow[] {
  const shownCount = (value: Count) => (value === null ? SUPPRESSED_MARK : formatCount(value));
  const referralRows = disclosed(result.rows, "referrals", formatCount(result.rows.referrals));
  const steps = flowSteps(result.attrition, (reason) => exclusionInWords(reason, result.settings));
  const flows: PatientFlow[] = [
    {
      title: "Referred patients",
      startWords: `Referred patients (from ${referralRows} referral rows)`,
      start: shownCount(result.referred),
      steps,
      endWords: "Patients included",
      end: steps.at(-1)?.remaining ?? shownCount(result.referred),
    },
  ];
  if (result.comparison_attrition) {
    const comparisonSteps = flowSteps(result.comparison_attrition, comparisonExclusionInWords);
    flows.push({
      title: "Comparison group",
      startWords: "Comparison patients listed",
      start: shownCount(comparisonListed(result)),
      steps: comparisonSteps,
      endWords: "Comparison patients included",
      end: comparisonSteps.at(-1)?.remaining ?? shownCount(comparisonListed(result)),
    });
  }
  return flows;
}

/** An exclusion as the accounts print it: "-12", or "0", or "*". */
export function excludedCell(excluded: string): string {
  return excluded === "0" || excluded === SUPPRESSED_MARK ? excluded : `-${excluded}`;
}

/** Where every row of one outcome's extract went. */
export function activityLines(outcome: string, name: string, file: string, account: ActivityRowAccount<Count>, settings: Settings): Line[] {
  const count = (field: string, value: Count) => disclosed(account, field, formatCount(value));
  const lines: Line[] = [[`${name}: rows read (${file})`, count("read", account.read)]];
  lines.push(["  counted in a pre or post window", count("counted", account.counted)]);
  if (settings.indexDay === "exclude") lines.push(["  on the index day (not counted)", count("onIndexDay", account.onIndexDay)]);
  lines.push(["  outside the windows", count("outsideWindows", account.outsideWindows)]);
  lines.push(["  of excluded patients", count("ofExcludedPatients", account.ofExcludedPatients)]);
  if (account.comparison !== undefined) lines.push(["  of comparison patients", count("comparison", account.comparison)]);
  // In the order the outcome's rule tests them, `missing_date` last (`Outcome.reasons`).
  for (const [reason, value] of Object.entries(account.notCountable)) {
    if (value !== 0) {
      lines.push([`  not countable: ${notCountableInWords(outcome, reason, settings)}`, count(`notCountable.${reason}`, value)]);
    }
  }
  if (account.missingCost !== undefined) lines.push(["  counted, with no cost given", count("missingCost", account.missingCost)]);
  lines.push(["  of patients not referred", count("activityOfOthers", account.activityOfOthers)]);
  lines.push(["  skipped as invalid", count("skipped", account.skipped)]);
  return lines;
}

/** Every outcome's account of its extract's rows, in the order of the outcomes. */
export function activityAccounts(result: PublishedResult): { title: string; lines: Line[] }[] {
  return result.outcomes.flatMap((outcome) => {
    const account = result.rows.accounts[outcome.outcome];
    if (!account) return [];
    return [{ title: outcome.label, lines: activityLines(outcome.outcome, outcome.label, inputFile(result.inputs, outcome.extract) ?? "", account, result.settings) }];
  });
}

/** The extracts of a result, in the order of `inputs`: referrals, the activity extracts, the comparison group. */
function extractNames(result: PublishedResult): string[] {
  return Object.keys(result.inputs).filter((key) => inputFile(result.inputs, key) !== undefined);
}

/** What the accounts call an extract ("A&E extract", "Comparison group extract"). */
function extractTitle(name: string, result: PublishedResult): string {
  if (name === "referrals") return "Referrals extract";
  if (name === "comparison") return "Comparison group extract";
  if (name === "population") return "Population extract";
  const what = describedExtract(name, result.settings)?.what ?? name;
  const title = what.replace(/^the /, "");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * How the extracts were read where it was not as the settings said, one sentence each: a column taken
 * by its export name, a delimiter the header showed (evaluation.md: never taken silently).
 */
export function readingNotes(result: PublishedResult): string[] {
  const notes: string[] = [];
  for (const extract of extractNames(result)) {
    const file = inputFile(result.inputs, extract)!;
    const taken = Object.entries(result.inputs.columns[extract] ?? {}).filter(([, use]) => use?.by === "well_known_name");
    if (taken.length) {
      const pairs = taken.map(([column, use]) => `${column} from ${use!.header}`).join(", ");
      notes.push(`${file}: read ${pairs} (their SUS+/HES export names; map them in "columns" to choose others)`);
    }
    const format = result.inputs.formats[extract];
    if (format?.delimiterFromHeader) {
      notes.push(`${file}: read as ${delimiterName(format.delimiter ?? ",")}-delimited, as its header shows (set formats.${extract}.delimiter to say so)`);
    }
  }
  return notes;
}

/** What the run noticed that an analyst must look at (an episode-level admissions extract, say). */
export function runWarningSentences(result: PublishedResult): string[] {
  return result.warnings.map((warning) => warning.message);
}

/** Each outcome's assumptions, titled by its label: the categories, methods or codes its rule counts. */
function outcomeAssumptionLines(result: PublishedResult): Line[] {
  return result.outcomes.flatMap((reported): Line[] => {
    const outcome = describedOutcome(reported.outcome, result.settings);
    const words = outcome?.assumption?.(result.settings, result.inputs.columns[reported.extract]);
    return words === undefined ? [] : [[reported.label, words]];
  });
}

/** One sentence per file and reason of the rows skipped under `--skip-invalid`. */
export function skippedSentences(result: PublishedResult): string[] {
  return result.rows.skipped.map((skipped) => {
    const rows = disclosed(skipped, "rows", formatCount(skipped.rows));
    const column = skipped.column ? `${skipped.column} ` : "";
    // Under suppression the line numbers are withheld: their number would tell the count.
    if (skipped.lines.length === 0) return `Skipped ${rows} row(s) of ${skipped.file}: ${column}${skipped.reason}`;
    const more = skipped.rows === null || skipped.rows > skipped.lines.length ? ", …" : "";
    return `Skipped ${rows} row(s) of ${skipped.file}: ${column}${skipped.reason} (lines ${skipped.lines.join(", ")}${more})`;
  });
}

/** Each extract read, by the path the user gave (`inputs`), in the order referrals, the activity extracts, comparison. */
export function extractLines(result: PublishedResult): Line[] {
  return extractNames(result).map((extract): Line => [extractTitle(extract, result), inputFile(result.inputs, extract)!]);
}

/** Each activity extract's own coverage, under the run's (rule 2.5: the run's is their overlap). */
function extractCoverageLines(result: PublishedResult): Line[] {
  return Object.entries(result.settings.coverage ?? {}).map(([extract, coverage]): Line => [
    `  ${extractTitle(extract, result).replace(/ extract.*$/, "")}`,
    extractCoverageInWords(coverage, inputFile(result.inputs, extract) ?? ""),
  ]);
}

/** The assumptions of the run, in words, after the extracts it read; suppression and costs only where they were asked for. */
export function assumptionLines(result: PublishedResult): Line[] {
  const { settings } = result;
  const lines: Line[] = [
    ...extractLines(result),
    ["Study period", periodInWords(settings)],
    ["Windows", `${windowInWords(settings.window)} before and after the index date (first intervention)`],
    ["Index day", indexDayInWords(settings.indexDay)],
    // Absent from a result made before the months were (a hand-made one, say): nothing to say of them.
    ...(settings.months !== undefined ? [["Months", monthsInWords(settings)] as Line] : []),
    ["Data coverage", coverageInWords(settings)],
    ...extractCoverageLines(result),
    ["Eligibility", eligibilityInWords(settings)],
    ...((settings.by?.length ?? 0) > 0 ? [["Breakdowns", breakdownsInWords(settings)] as Line] : []),
    ...outcomeAssumptionLines(result),
    ["Intervals", intervalsInWords(settings)],
    ["Engine", engineInWords(settings.engine)],
  ];
  const matching = matchingInWords(settings);
  if (matching !== undefined) lines.push(["Matching", matching]);
  const costed = Object.values(settings.unitCosts).some((cost) => cost !== null) || Object.keys(settings.costColumns ?? {}).length > 0;
  if (costed) lines.push(["Costs", unitCostsInWords(result)]);
  if (result.disclosure) lines.push(["Suppression", result.disclosure.note]);
  return lines;
}
