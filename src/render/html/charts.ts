import { disclosed, SUPPRESSED_MARK } from "../../disclosure/rule.js";
import type { CohortFigures, Count, OutcomeResult } from "../../result.js";
import { formatChange, formatRate } from "../numbers.js";
import { html, px, type SafeHtml } from "./escape.js";

/**
 * The two charts of an outcome, inline SVG drawn from the result's figures (no script, no
 * network): each row's events per patient before and after, as paired bars; and each row's change
 * with its 95% confidence interval as a whisker. A suppressed figure is not drawn, and is labelled `*`.
 */

const WIDTH = 400;
const MARGIN = 8;
const FONT = 12;
/** Characters of a label that fit on one line of the chart; the whole label is in the row's tooltip. */
const LABEL_CHARS = 52;

type Row = CohortFigures<Count>;

function clip(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, chars - 1)}…`;
}

/** Round steps (1, 2 or 5 × 10ⁿ) and the domain they cover, for an axis over [low, high]. */
export function niceAxis(low: number, high: number, ticks = 5): { low: number; high: number; step: number } {
  // Nothing to span (every figure 0): an axis from low to low + 1, rather than none.
  if (high <= low) high = low + 1;
  const span = high - low;
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => raw / magnitude <= m) ?? 10) * magnitude;
  return { low: Math.floor(low / step) * step, high: Math.ceil(high / step) * step, step };
}

function tickValues(axis: { low: number; high: number; step: number }): number[] {
  const values: number[] = [];
  for (let i = 0; axis.low + i * axis.step <= axis.high + axis.step / 1e6; i++) values.push(Number((axis.low + i * axis.step).toPrecision(12)));
  return values;
}

function axisLines(axis: { low: number; high: number; step: number }, x: (v: number) => number, top: number, bottom: number, label: (v: number) => string): SafeHtml {
  return html`<g class="axis">${tickValues(axis).map(
    (v) => html`<line x1="${px(x(v))}" x2="${px(x(v))}" y1="${px(top)}" y2="${px(bottom)}" class="grid${v === 0 ? " zero" : ""}"/><text x="${px(x(v))}" y="${px(bottom + 13)}" text-anchor="middle">${label(v)}</text>`,
  )}</g>`;
}

function svg(height: number, title: string, body: SafeHtml): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" font-size="${FONT}"><title>${title}</title>${body}</svg>`;
}

const rowsOf = (outcome: OutcomeResult<Count>): Row[] => [...outcome.cohorts, outcome.total];
const isTotal = (outcome: OutcomeResult<Count>, row: Row) => row === outcome.total;

/** Paired bars: events per patient in the pre and post windows, a pair per cohort and Total. */
export function ratesChart(outcome: OutcomeResult<Count>): SafeHtml {
  const rows = rowsOf(outcome);
  const values = rows.flatMap((row) => [row.pre_per_patient, row.post_per_patient]).filter((v): v is number => v !== null);
  const axis = niceAxis(0, Math.max(0, ...values));
  const plotLeft = MARGIN + 4;
  const plotRight = WIDTH - MARGIN - 36;
  const x = (v: number) => plotLeft + ((v - axis.low) / (axis.high - axis.low || 1)) * (plotRight - plotLeft);
  const legendHeight = 22;
  const rowHeight = 52;
  const top = legendHeight;
  const bottom = top + rows.length * rowHeight;
  const bar = (row: Row, field: "pre_per_patient" | "post_per_patient", y: number) => {
    const value = row[field];
    const text = disclosed(row, field, formatRate(value));
    const width = value === null || text === SUPPRESSED_MARK ? 0 : Math.max(0, x(value) - x(0));
    return html`<rect class="${field === "pre_per_patient" ? "pre" : "post"}" x="${px(x(0))}" y="${px(y)}" width="${px(width)}" height="11"/><text x="${px(x(0) + width + 4)}" y="${px(y + 9.5)}">${text}</text>`;
  };
  const body = html`<g class="legend"><rect class="pre" x="${MARGIN}" y="4" width="12" height="12"/><text x="${MARGIN + 16}" y="14">Pre window</text><rect class="post" x="${MARGIN + 100}" y="4" width="12" height="12"/><text x="${MARGIN + 116}" y="14">Post window</text></g>
${axisLines(axis, x, top, bottom, (v) => String(v))}
${rows.map((row, i) => {
    const y = top + i * rowHeight;
    return html`<g class="row${isTotal(outcome, row) ? " total" : ""}"><title>${row.label}</title><text x="${MARGIN}" y="${px(y + 13)}" class="label">${clip(row.label, LABEL_CHARS)}</text>${bar(row, "pre_per_patient", y + 18)}${bar(row, "post_per_patient", y + 31)}</g>`;
  })}`;
  return svg(bottom + 18, `${outcome.label}: events per patient before and after the first intervention`, body);
}

/** A forest plot: each row's change (dot) with its 95% interval (whisker) where the result has one. */
export function changeChart(outcome: OutcomeResult<Count>): SafeHtml {
  const rows = rowsOf(outcome);
  const shown = (row: Row) => (row.suppressed?.includes("change_pct") ? null : row.change_pct);
  const values = rows.flatMap((row) => [shown(row), row.ci_low ?? null, row.ci_high ?? null]).filter((v): v is number => v !== null);
  const axis = niceAxis(Math.min(0, ...values), Math.max(0, ...values));
  // Room at the left for a tick label centred on the axis's end ("-100%"), and at the right for
  // the rows' values, so that neither a dot nor the axis runs into them.
  const left = MARGIN + 18;
  const right = WIDTH - MARGIN - 58;
  const x = (v: number) => left + ((v - axis.low) / (axis.high - axis.low || 1)) * (right - left);
  const rowHeight = 38;
  const top = 6;
  const bottom = top + rows.length * rowHeight;
  const marks = (row: Row, y: number) => {
    const change = shown(row);
    if (change === null) return html``;
    const whisker =
      row.ci_low !== undefined && row.ci_low !== null && row.ci_high !== undefined && row.ci_high !== null
        ? html`<line class="whisker" x1="${px(x(row.ci_low))}" x2="${px(x(row.ci_high))}" y1="${px(y)}" y2="${px(y)}"/><line class="whisker" x1="${px(x(row.ci_low))}" x2="${px(x(row.ci_low))}" y1="${px(y - 5)}" y2="${px(y + 5)}"/><line class="whisker" x1="${px(x(row.ci_high))}" x2="${px(x(row.ci_high))}" y1="${px(y - 5)}" y2="${px(y + 5)}"/>`
        : html``;
    return html`${whisker}<circle class="point" cx="${px(x(change))}" cy="${px(y)}" r="4.5"/>`;
  };
  const body = html`${axisLines(axis, x, top, bottom, (v) => formatChange(v).replace(".00", ""))}
${rows.map((row, i) => {
    const y = top + i * rowHeight;
    const value = disclosed(row, "change_pct", formatChange(row.change_pct));
    return html`<g class="row${isTotal(outcome, row) ? " total" : ""}"><title>${row.label}</title><text x="${MARGIN}" y="${px(y + 12)}" class="label">${clip(row.label, LABEL_CHARS)}</text><text x="${WIDTH - MARGIN}" y="${px(y + 30)}" text-anchor="end" class="value">${value}</text>${marks(row, y + 26)}</g>`;
  })}`;
  return svg(bottom + 18, `${outcome.label}: change from the pre to the post window, with 95% confidence intervals`, body);
}
