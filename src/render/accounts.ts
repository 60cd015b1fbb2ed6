import type { Settings } from "../config/settings.js";
import { disclosed, SUPPRESSED_MARK } from "../disclosure/rule.js";
import { delimiterName } from "../io/file-kind.js";
import { type ActivityRowAccount, type AttritionStep, type Count, EXTRACT_NAMES, type ExtractName, type NotCountableReason, type PublishedResult } from "../result.js";
import { formatCount } from "./numbers.js";
import {
  comparisonExclusionInWords,
  coverageInWords,
  extractCoverageInWords,
  eligibilityInWords,
  engineInWords,
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

const NOT_COUNTABLE_ORDER: NotCountableReason[] = ["excluded_category", "not_emergency", "later_episode", "missing_date"];

/** Where every row of one activity extract went. */
export function activityLines(name: string, file: string, account: ActivityRowAccount<Count>, settings: Settings): Line[] {
  const count = (field: string, value: Count) => disclosed(account, field, formatCount(value));
  const lines: Line[] = [[`${name} rows read (${file})`, count("read", account.read)]];
  lines.push(["  counted in a pre or post window", count("counted", account.counted)]);
  if (settings.indexDay === "exclude") lines.push(["  on the index day (not counted)", count("onIndexDay", account.onIndexDay)]);
  lines.push(["  outside the windows", count("outsideWindows", account.outsideWindows)]);
  lines.push(["  of excluded patients", count("ofExcludedPatients", account.ofExcludedPatients)]);
  if (account.comparison !== undefined) lines.push(["  of comparison patients", count("comparison", account.comparison)]);
  for (const reason of NOT_COUNTABLE_ORDER) {
    const value = account.notCountable[reason];
    if (value !== 0) {
      lines.push([`  not countable: ${notCountableInWords(reason, settings)}`, count(`notCountable.${reason}`, value)]);
    }
  }
  lines.push(["  of patients not referred", count("activityOfOthers", account.activityOfOthers)]);
  lines.push(["  skipped as invalid", count("skipped", account.skipped)]);
  return lines;
}

/** Every activity extract's account, in the order A&E, admissions. */
export function activityAccounts(result: PublishedResult): { title: string; lines: Line[] }[] {
  const { ae, admissions } = result.rows.accounts;
  const accounts: { title: string; lines: Line[] }[] = [];
  if (ae) accounts.push({ title: "A&E", lines: activityLines("A&E", result.inputs.ae ?? "", ae, result.settings) });
  if (admissions) {
    accounts.push({ title: "Admissions", lines: activityLines("Admissions", result.inputs.admissions ?? "", admissions, result.settings) });
  }
  return accounts;
}

const SPEC_NAME: Record<string, string> = { referrals: "referrals", ae: "A&E", admissions: "admissions", comparison: "comparison" };

/**
 * How the extracts were read where it was not as the settings said, one sentence each: a column taken
 * by its export name, a delimiter the header showed (evaluation.md: never taken silently).
 */
export function readingNotes(result: PublishedResult): string[] {
  const notes: string[] = [];
  for (const extract of EXTRACT_NAMES) {
    const file = result.inputs[extract];
    if (!file) continue;
    const taken = Object.entries(result.inputs.columns[extract] ?? {}).filter(([, use]) => use?.by === "well_known_name");
    if (taken.length) {
      const pairs = taken.map(([column, use]) => `${column} from ${use!.header}`).join(", ");
      notes.push(`${file}: read ${pairs} (their ${SPEC_NAME[extract]} export names; map them in "columns" to choose others)`);
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

/** What the A&E categories rule did: the categories not counted, or that there was no category to read. */
export function categoriesInWords(result: PublishedResult): string {
  const { settings } = result;
  if (result.inputs.ae && result.inputs.columns.ae?.attendance_category === null) {
    return `${settings.aeCoding.toUpperCase()} coding; the extract has no attendance category column, so every attendance is counted (planned follow-ups included)`;
  }
  return `${settings.aeCoding.toUpperCase()} coding; categories not counted: ${settings.excludedAttendanceCategories.join(", ") || "none"}`;
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

const EXTRACT_WORDS: Record<ExtractName, string> = {
  referrals: "Referrals extract",
  ae: "A&E extract",
  admissions: "Admissions extract",
  comparison: "Comparison group extract",
};

/** Each extract read, by the path the user gave (`inputs`), in the order referrals, A&E, admissions, comparison. */
export function extractLines(result: PublishedResult): Line[] {
  return (Object.keys(EXTRACT_WORDS) as ExtractName[]).flatMap((extract): Line[] => {
    const file = result.inputs[extract];
    return file === undefined ? [] : [[EXTRACT_WORDS[extract], file]];
  });
}

const EXTRACT_TITLES = { ae: "A&E", admissions: "admissions" } as const;

/** Each activity extract's own coverage, under the run's (rule 2.5: the run's is their overlap). */
function extractCoverageLines(result: PublishedResult): Line[] {
  return (["ae", "admissions"] as const).flatMap((extract): Line[] => {
    const coverage = result.settings.coverage?.[extract];
    return coverage ? [[`  ${EXTRACT_TITLES[extract]}`, extractCoverageInWords(coverage, result.inputs[extract] ?? "")]] : [];
  });
}

/** The assumptions of the run, in words, after the extracts it read; suppression and costs only where they were asked for. */
export function assumptionLines(result: PublishedResult): Line[] {
  const { settings } = result;
  const lines: Line[] = [
    ...extractLines(result),
    ["Study period", periodInWords(settings)],
    ["Windows", `${windowInWords(settings.window)} before and after the index date (first intervention)`],
    ["Index day", indexDayInWords(settings.indexDay)],
    ["Data coverage", coverageInWords(settings)],
    ...extractCoverageLines(result),
    ["Eligibility", eligibilityInWords(settings)],
    ["A&E", categoriesInWords(result)],
    ["Admissions", `emergency methods counted: ${settings.emergencyAdmissionMethods.join(", ")}`],
    ["Intervals", intervalsInWords(settings)],
    ["Engine", engineInWords(settings.engine)],
  ];
  if (settings.unitCosts.ae !== null || settings.unitCosts.admission !== null) lines.push(["Unit costs", unitCostsInWords(settings)]);
  if (result.disclosure) lines.push(["Suppression", result.disclosure.note]);
  return lines;
}
