import type { Count, OutcomeResult, PublishedResult } from "../result.js";
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
import { headlineCard } from "./html/card.js";
import { changeChart, ratesChart } from "./html/charts.js";
import { monthChart } from "./html/month-chart.js";
import { html, SafeHtml } from "./html/escape.js";
import { flowDiagram } from "./html/flow-diagram.js";
import { STYLE } from "./html/style.js";
import { lovePlot } from "./html/love-plot.js";
import { balanceTable, MATCH_TITLE, matchReading, matchSummaryLines, matchVariableLines } from "./match-report.js";
import { outcomeTables, outcomeWarnings, type ReportTable, totalRowsOf } from "./report-tables.js";
import type { Alignment } from "./text-grid.js";
import { outcomesInWords, periodInWords, windowInWords } from "./wording.js";

/**
 * `--format html`: one self-contained page (inline CSS and SVG; no script, font, image or request),
 * for a commissioner to read at a glance, on a phone or printed to PDF. Every text from the input
 * goes through the escaping `html` template; a Content-Security-Policy forbids any fetch or script.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function cell(tag: "th" | "td", text: string, align: Alignment, extra = ""): SafeHtml {
  const classes = [align, extra].filter(Boolean).join(" ");
  return tag === "th" ? html`<th scope="row" class="${classes}">${text}</th>` : html`<td class="${classes}">${text}</td>`;
}

/** The Total's rows are set apart: the first of them with a rule above, all of them in bold. */
function rowClass(table: ReportTable, r: number): SafeHtml {
  const first = table.rows.length - totalRowsOf(table);
  if (r < first) return html``;
  return r === first ? html` class="total"` : html` class="total more"`;
}

function reportTable(table: ReportTable): SafeHtml {
  const words = (i: number) => (table.align[i] === "left" && i > 0 ? "words" : "");
  // The caption is a heading outside the scrolling box, so that it wraps on a phone however wide the table.
  return html`<h3 id="${table.id}">${table.caption}</h3><div class="table-scroll"><table aria-labelledby="${table.id}">
<thead><tr>${table.header.map((header, i) => html`<th scope="col" class="${[table.align[i], words(i)].filter(Boolean).join(" ")}">${header}</th>`)}</tr></thead>
<tbody>${table.rows.map(
    (row, r) =>
      html`<tr${rowClass(table, r)}>${row.map((text, i) => cell(i === 0 ? "th" : "td", text, table.align[i]!, words(i)))}</tr>
`,
  )}</tbody></table></div>${table.notes.map((note) => html`<p class="note">${note}</p>`)}`;
}

function linesTable(caption: string, header: string, lines: readonly Line[]): SafeHtml {
  return html`<h3>${caption}</h3><div class="table-scroll"><table><thead><tr><th scope="col" class="left">Account</th><th scope="col" class="right">${header}</th></tr></thead><tbody>${lines.map(
    ([label, value]) => html`<tr>${cell("th", label.trim(), "left", label.startsWith("  ") ? "indent" : "")}${cell("td", value, "right")}</tr>`,
  )}</tbody></table></div>`;
}

const monthsWithIntervals = (outcome: OutcomeResult<Count>) =>
  [outcome.months?.referred, outcome.months?.comparison].some((series) => series?.months.some((month) => month.ci_low !== null));

function outcomeSection(outcome: OutcomeResult<Count>, result: PublishedResult): SafeHtml {
  const warnings = outcomeWarnings(outcome);
  // The figures (and their breakdowns) first, then what says how far to trust them, then the checks and costs.
  const tables = outcomeTables(outcome, result.settings);
  const leading = 1 + (outcome.total.breakdowns?.length ?? 0);
  const withIntervals = [...outcome.cohorts, outcome.total].some((row) => row.ci_low !== undefined && row.ci_low !== null);
  return html`<section id="${outcome.outcome}"><h2>${outcome.label}</h2>
<div class="charts"><figure><figcaption>Events per patient, before and after</figcaption>${ratesChart(outcome)}</figure><figure><figcaption>Change${withIntervals ? " with 95% confidence interval" : ""}</figcaption>${changeChart(outcome)}</figure>${
    outcome.months ? html`<figure class="wide"><figcaption>Mean per patient, month by month around the first intervention${monthsWithIntervals(outcome) ? ", with 95% intervals" : ""}</figcaption>${monthChart(outcome, result.settings)}</figure>` : html``
  }</div>
${tables.slice(0, leading).map(reportTable)}
${warnings.length ? html`<ul class="warnings">${warnings.map((warning) => html`<li>${warning}</li>`)}</ul>` : html``}
${tables.slice(leading).map(reportTable)}</section>`;
}

function patientsSection(result: PublishedResult): SafeHtml {
  const flows = patientFlows(result);
  return html`<section id="patients"><h2>Patients</h2><div class="flows">${flows.map(
    (flow, i) => html`<figure><figcaption>${flow.title}</figcaption>${flowDiagram(flow, `flow${i}`)}</figure>`,
  )}</div>${flows.map((flow) =>
    linesTable(flow.title, "Patients", [
      [flow.startWords, flow.start],
      ...flow.steps.map((step): Line => [`  excluded: ${step.words}`, excludedCell(step.excluded)]),
      [flow.endWords, flow.end],
    ]),
  )}</section>`;
}

function rowsSection(result: PublishedResult): SafeHtml {
  const skipped = [...readingNotes(result), ...skippedSentences(result)];
  return html`<section id="rows"><h2>Activity rows</h2><p class="note">Every row read is counted, or not countable by a rule, or reported.</p>${activityAccounts(result).map((account) => linesTable(account.title, "Rows", account.lines))}${
    skipped.length ? html`<ul>${skipped.map((sentence) => html`<li>${sentence}</li>`)}</ul>` : html``
  }</section>`;
}

/**
 * Where the months around the index date go, cases and controls side by side (statistics.md, "Month
 * by month"): the series are not in the result yet (the months work is a branch of its own). Once
 * an outcome carries them, each outcome's two series are drawn here beside each other, so that a
 * reader sees whether the matched groups moved together before the index date. Until then, nothing.
 */
function matchedMonths(_result: PublishedResult): SafeHtml {
  return html``;
}

/** The match report: the cases and what became of them, the balance as a Love plot and a table, and how to read it. */
function matchSection(result: PublishedResult): SafeHtml {
  const report = result.match;
  if (!report) return html``;
  const balance = balanceTable(report, result.settings);
  const plot = lovePlot(report, result.settings);
  const fewer = plot.leftOut > 0 ? ` (${plot.leftOut} ${plot.leftOut === 1 ? "category" : "categories"} of a variable with many left out: those nearest alike before matching)` : "";
  const variables = matchVariableLines(report, result.settings);
  return html`<section id="match"><h2>${MATCH_TITLE}</h2>
${matchReading(report, result.settings).map((paragraph) => html`<p>${paragraph}</p>`)}
${report.warnings.length ? html`<ul class="warnings">${report.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>` : html``}
<div class="charts"><figure><figcaption>Balance before and after matching: absolute standardised mean difference${fewer}</figcaption>${plot.svg}</figure><div>${linesTable("Cases and controls", "Patients", matchSummaryLines(report))}</div></div>
<div class="table-scroll"><table><tbody>${variables.map(([label, value]) => html`<tr><th scope="row" class="left">${label}</th><td class="words">${value}</td></tr>`)}</tbody></table></div>
<h3 id="match-balance">${balance.caption}</h3><div class="table-scroll"><table aria-labelledby="match-balance">
<thead><tr>${balance.header.map((header, i) => html`<th scope="col" class="${balance.align[i]!}">${header}</th>`)}</tr></thead>
<tbody>${balance.rows.map((row) => html`<tr>${row.map((text, i) => cell(i === 0 ? "th" : "td", text, balance.align[i]!))}</tr>
`)}</tbody></table></div>${balance.notes.map((note) => html`<p class="note">${note}</p>`)}
${matchedMonths(result)}</section>`;
}

function settingsSection(result: PublishedResult): SafeHtml {
  // The assumptions every format prints, the extracts read first (their "Intervals" line says how the intervals were made).
  const lines: Line[] = assumptionLines(result);
  return html`<section id="settings"><h2>Settings and data coverage</h2><div class="table-scroll"><table><tbody>${lines.map(
    ([label, value]) => html`<tr><th scope="row" class="left">${label}</th><td class="words">${value}</td></tr>`,
  )}</tbody></table></div></section>`;
}

export function renderHtml(result: PublishedResult): string {
  const { settings } = result;
  // `prepost match` reports the matched group alone.
  const title = result.outcomes.length > 0 ? "Acute care before and after the first intervention" : MATCH_TITLE;
  const page = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="${result.tool.name} ${result.tool.version}">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main>
<header><h1>${title}</h1>
${result.outcomes.length > 0 ? html`<p class="meta">${outcomesInWords(result.outcomes.map((outcome) => outcome.label))} in the ${windowInWords(settings.window)} before and after each patient's first intervention, by cohort. Study period: ${periodInWords(settings)}.</p>` : html``}
${result.disclosure ? html`<p class="disclosure"><strong>Disclosure control.</strong> ${result.disclosure.note}</p>` : html``}
${runWarningSentences(result).map((warning) => html`<p class="disclosure"><strong>Warning.</strong> ${warning}</p>`)}
<div class="cards">${result.outcomes.map((outcome) => headlineCard(outcome, settings))}</div></header>
${result.outcomes.map((outcome) => outcomeSection(outcome, result))}
${matchSection(result)}
${patientsSection(result)}
${result.outcomes.length > 0 ? rowsSection(result) : html``}
${settingsSection(result)}
<footer><p>Made by ${result.tool.name} ${result.tool.version}. Figures are counts of hospital activity, not evidence of cause on their own: read them with the regression-to-the-mean check and the comparison group where there is one.</p></footer>
</main>
</body>
</html>
`;
  return page.text;
}
