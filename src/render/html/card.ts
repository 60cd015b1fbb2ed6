import type { Settings } from "../../config/settings.js";
import { disclosed, isWithheld } from "../../disclosure/rule.js";
import type { Count, OutcomeResult } from "../../result.js";
import { formatChange, formatCount, formatInterval, formatPoints, formatPointsInterval } from "../numbers.js";
import { html, type SafeHtml } from "./escape.js";

/**
 * At a glance: each outcome's pooled change (the Total row), said so that a headline number is never
 * read as more than it is. The card says in words what the 95% interval says (that it includes no
 * change, or is all a fall or all a rise), says so where there is no interval (off, withheld, not
 * computable), and carries the row's warnings: a card for 23 patients must not look like a finding.
 */

type Row = OutcomeResult<Count>["total"];

interface IntervalWords {
  /** What "no change" is for this figure: "no change", "no difference". */
  nothing: string;
  format: (low: number, high: number) => string;
}

const CHANGE: IntervalWords = { nothing: "no change", format: formatInterval };
const DIFFERENCE: IntervalWords = { nothing: "no difference", format: formatPointsInterval };

/** The reading of a 95% interval: it includes 0, or lies wholly below or above it. */
function intervalReading(low: number, high: number, words: IntervalWords, below: string, above: string): string {
  const interval = words.format(low, high);
  if (low <= 0 && high >= 0) return `The 95% interval (${interval}) includes ${words.nothing}.`;
  return `The 95% interval (${interval}) is ${high < 0 ? below : above}.`;
}

/** Why a figure that should have an interval has none; "" where the result carries no intervals at all. */
function missingInterval(row: Row, fields: [low: string, high: string], settings: Settings, value: number | null | undefined): string {
  if (isWithheld(row, ...fields)) return "Its 95% interval is withheld (*): a count in this row is suppressed, and an interval over so few patients could give it away.";
  if (settings.bootstrap === 0) return "No 95% interval: intervals are off (--bootstrap 0), so nothing here says how far chance could move this figure.";
  if (value === null || value === undefined) return "";
  // statistics.md: a resample with no events before has no change; over 1% of them and there is no interval.
  return "No 95% interval could be computed: too many resamples of these patients had no events before, and so no change.";
}

function changeSentence(row: Row, settings: Settings): string {
  if (isWithheld(row, "change_pct")) return "The change is withheld (*): a count it is computed from is suppressed.";
  if (row.ci_low === undefined) return "";
  if (row.ci_low !== null && row.ci_high !== null && row.ci_high !== undefined) {
    return intervalReading(row.ci_low, row.ci_high, CHANGE, "all a fall", "all a rise");
  }
  return missingInterval(row, ["ci_low", "ci_high"], settings, row.change_pct);
}

function differenceSentence(row: Row, settings: Settings): string {
  if (isWithheld(row, "did_pct")) return "The difference is withheld (*): a count it is computed from is suppressed.";
  if (row.did_ci_low === undefined) return "";
  if (row.did_ci_low !== null && row.did_ci_high !== null && row.did_ci_high !== undefined) {
    return intervalReading(row.did_ci_low, row.did_ci_high, DIFFERENCE, "all below the comparison group's change", "all above the comparison group's change");
  }
  return missingInterval(row, ["did_ci_low", "did_ci_high"], settings, row.did_pct);
}

const paragraph = (className: string, text: string): SafeHtml => (text ? html`<p class="${className}">${text}</p>` : html``);

export function headlineCard(outcome: OutcomeResult<Count>, settings: Settings): SafeHtml {
  const total = outcome.total;
  const patients = disclosed(total, "patients", formatCount(total.patients));
  const pre = disclosed(total, "pre", formatCount(total.pre));
  const post = disclosed(total, "post", formatCount(total.post));
  const warnings = total.warnings ?? [];
  const did =
    total.did_pct !== undefined
      ? html`<p>Against the comparison group: ${disclosed(total, "did_pct", formatPoints(total.did_pct))}</p>${paragraph("interval", differenceSentence(total, settings))}`
      : html``;
  // A fragile row's card is marked as such (and styled as a caution, not a result), its warnings in it.
  return html`<div class="card${warnings.length ? " fragile" : ""}"><p><strong>${outcome.label}</strong></p><p class="headline">${disclosed(total, "change_pct", formatChange(total.change_pct))}</p><p>${pre} before, ${post} after, ${patients} patients</p>${paragraph("interval", changeSentence(total, settings))}${did}${
    warnings.length ? html`<p class="caution"><strong>Not a finding on its own:</strong></p><ul class="card-warnings">${warnings.map((warning) => html`<li>${warning}</li>`)}</ul>` : html``
  }</div>`;
}
