import type { ExtractCoverageSettings, Settings } from "../config/settings.js";
import type { ComparisonExclusionReason, ExclusionReason, NotCountableReason, PublishedResult } from "../result.js";
import { formatUnitCost } from "./numbers.js";
import { describedOutcome } from "../outcomes/registry.js";
import { AGE_BAND, ageBandNames } from "../core/breakdowns.js";
import { windowMonths } from "../core/months.js";
import { parseWindowLength } from "../core/windows.js";

/** The words every human-readable format uses for the same things, so they never drift apart. */

export function windowInWords(window: string): string {
  const count = Number(window.slice(0, -1));
  const unit = window.endsWith("m") ? (count === 1 ? "calendar month" : "calendar months") : count === 1 ? "day" : "days";
  return `${count} ${unit}`;
}

export function exclusionInWords(reason: ExclusionReason, settings: Settings): string {
  switch (reason) {
    case "invalid_referral_row":
      // A skipped row might have been the first contact: the index date cannot be trusted.
      return settings.skipInvalid ? "a referral row skipped as invalid" : "a referral row skipped as invalid (none: --skip-invalid off)";
    case "outside_period":
      return "index date outside the study period";
    case "no_consent":
      return settings.requireConsent ? "no consent to the review" : "no consent (rule off)";
    case "too_few_onward_referrals":
      return settings.minOnwardReferrals !== null
        ? `fewer than ${settings.minOnwardReferrals} onward referral${settings.minOnwardReferrals === 1 ? "" : "s"}`
        : "too few onward referrals (rule off)";
    case "age":
      return settings.minAge !== null ? `age unknown or under ${settings.minAge}` : "age (rule off)";
    case "incomplete_window":
      return "look-back or follow-up not fully covered by the activity data";
  }
}

/** Why an outcome's row was not countable, in words: the outcome says its own reasons. */
export function notCountableInWords(outcome: string, reason: NotCountableReason, settings: Settings): string {
  if (reason === "missing_date") return "HES missing-date placeholder";
  return describedOutcome(outcome, settings)?.describe(reason, settings) ?? reason.replace(/_/g, " ");
}

export function indexDayInWords(rule: Settings["indexDay"]): string {
  return rule === "exclude"
    ? "events on the index date are not counted"
    : `events on the index date count in the ${rule} window`;
}

/** The engine never changes an answer; the line says which one read the extracts, for timing questions. */
export function engineInWords(engine: Settings["engine"]): string {
  if (engine === "warehouse") return "warehouse: counted by prepost's SQL in the warehouse (prepost sql), read back from its result";
  return engine === "duckdb"
    ? "duckdb: each activity extract counted in one pass of an embedded DuckDB"
    : "stream: each activity extract read row by row (csv-parse)";
}

export function periodInWords(settings: Settings): string {
  if (settings.from === null && settings.to === null) return "any index date (no --from or --to)";
  return `index dates ${settings.from ?? "(any)"} to ${settings.to ?? "(any)"}, inclusive`;
}

/** The run's data coverage (rule 2.5): the overlap of every activity extract's, and where each bound came from. */
export function coverageInWords(settings: Settings): string {
  if (settings.dataStart === null || settings.dataEnd === null) return `unknown (${settings.dataStartSource}; ${settings.dataEndSource})`;
  const source = (inferred: boolean, words: string) => (inferred ? `inferred, ${words}` : words);
  const start = source(settings.dataStartInferred, settings.dataStartSource);
  const end = source(settings.dataEndInferred, settings.dataEndSource);
  return `${settings.dataStart} to ${settings.dataEnd} (${start === end ? start : `start: ${start}; end: ${end}`})`;
}

/** One activity extract's own coverage, and whether each bound was given or inferred from its event dates. */
export function extractCoverageInWords(coverage: ExtractCoverageSettings, file: string): string {
  const sources =
    coverage.startSource === coverage.endSource
      ? coverage.startSource === "inferred"
        ? "both inferred from its own event dates"
        : "both given"
      : `start ${coverage.startSource}, end ${coverage.endSource}`;
  return `${coverage.start} to ${coverage.end} (${file}: ${sources})`;
}

export function eligibilityInWords(settings: Settings): string {
  const rules = [
    settings.requireConsent ? "consent required" : "consent not required",
    settings.minOnwardReferrals !== null ? `at least ${settings.minOnwardReferrals} onward referral(s)` : "no minimum of onward referrals",
    settings.minAge !== null ? `aged ${settings.minAge} or over` : "any age",
    "complete look-back and follow-up windows",
  ];
  return rules.join("; ");
}

export function comparisonExclusionInWords(reason: ComparisonExclusionReason): string {
  switch (reason) {
    case "referred":
      return "also referred to the service (a referred patient cannot be a control)";
    case "outside_period":
      return "pseudo index date outside the study period";
    case "incomplete_window":
      return "look-back or follow-up not fully covered by the activity data";
  }
}

/** statistics.md: above this rise from the prior to the pre window, the table says so in words. */
export const PRIOR_RISE_PCT = 10;

/** The regression-to-the-mean reading of a row's prior-window check, or "" where there is nothing to say. */
export function priorCheckInWords(priorChangePct: number | null | undefined): string {
  if (priorChangePct === null || priorChangePct === undefined) return "";
  return priorChangePct > PRIOR_RISE_PCT
    ? "use was rising into the referral: part of the fall after it may be regression to the mean"
    : "no marked rise into the referral";
}

export function intervalsInWords(settings: Settings): string {
  return settings.bootstrap === 0
    ? "off (--bootstrap 0)"
    : `95% percentile bootstrap, ${settings.bootstrap} replicates, seed ${settings.seed}`;
}

/** Each outcome's unit cost or cost column, and their source, as given: there is never a default. */
export function unitCostsInWords(result: Pick<PublishedResult, "settings" | "outcomes">): string {
  const { settings } = result;
  const parts = result.outcomes.flatMap((outcome) => {
    const column = settings.costColumns?.[outcome.outcome];
    if (column !== undefined) return [`${outcome.label}: each row's ${column}`];
    const costName = describedOutcome(outcome.outcome, settings)?.costName ?? outcome.outcome;
    const cost = settings.unitCosts[costName];
    const unit = outcome.unit === "nights" ? "a night" : "each";
    return cost === null || cost === undefined ? [] : [`${outcome.label} ${formatUnitCost(cost)} ${unit}`];
  });
  if (parts.length === 0) return "none given (no costs shown)";
  return `${parts.join("; ")} (source: ${settings.costSource ?? "not given"})`;
}

/** "A&E attendances, unplanned admissions and emergency bed days": the outcome labels as a phrase, the first capitalised. */
export function outcomesInWords(labels: readonly string[]): string {
  const lower = labels.map((label, i) => (i === 0 || /^[A-Z0-9&]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)));
  return lower.length <= 1 ? (lower[0] ?? "") : `${lower.slice(0, -1).join(", ")} and ${lower.at(-1)}`;
}

/** The month-by-month series' span, in words (statistics.md): calendar months, or blocks of 30 days for a window in days. */
export function monthsInWords(settings: Pick<Settings, "window" | "months">): string {
  const blocks = settings.window.endsWith("d");
  const unit = blocks ? "blocks of 30 days (the last one in each window cut at its edge)" : "calendar months";
  const beyond = settings.months > windowMonths(parseWindowLength(settings.window));
  return `-${settings.months} to +${settings.months} ${unit} around the index date, the index day alone as month 0${beyond ? "; over the patients whose data cover every month" : ""}`;
}

/** The breakdowns asked for (`--by`), in words: each column, age bands with their names. */
export function breakdownsInWords(settings: Pick<Settings, "by" | "ageBands">): string {
  const columns = settings.by.map((column) =>
    column === AGE_BAND ? `age band (${ageBandNames(settings.ageBands ?? []).join(", ")}, from the age on the index row)` : `${column.replace(/_/g, " ")} (the index row's value)`,
  );
  return `by ${columns.join("; ")}; a patient without a value in the unknown group`;
}
