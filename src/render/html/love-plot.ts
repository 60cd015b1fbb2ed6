import type { Settings } from "../../config/settings.js";
import type { BalanceLine, Count, MatchReport } from "../../result.js";
import { formatSmd, variableInWords } from "../match-report.js";
import { html, px, type SafeHtml } from "./escape.js";
import { niceAxis } from "./charts.js";

/**
 * The Love plot of matching.md's balance (T. E. Love, "Graphical display of covariate balance",
 * 2004; as R's cobalt draws it): each variable's absolute standardised mean difference before
 * matching (open circle) and after (filled), against the 0.1 line that the warnings use. Drawn from
 * the report's figures only; a withheld or uncomputable SMD is not drawn.
 */

const WIDTH = 400;
const MARGIN = 8;
const LABEL_WIDTH = 190;
const ROW = 18;
/** A variable of more categories than this (a practice; not the age band's 21) shows those furthest apart before matching. */
const MOST_CATEGORIES = 30;
export const SMD_LINE = 0.1;

/** The lines drawn: every near variable, and each exact one's categories (its furthest apart first where it has many). */
export function plottedLines(rows: readonly BalanceLine[]): { lines: BalanceLine[]; leftOut: number } {
  const lines: BalanceLine[] = [];
  let leftOut = 0;
  const byVariable = new Map<string, BalanceLine[]>();
  for (const row of rows) byVariable.set(row.variable, [...(byVariable.get(row.variable) ?? []), row]);
  for (const group of byVariable.values()) {
    if (group.length <= MOST_CATEGORIES) {
      lines.push(...group);
      continue;
    }
    const apart = [...group].sort((a, b) => Math.abs(b.smd_before ?? 0) - Math.abs(a.smd_before ?? 0)).slice(0, MOST_CATEGORIES);
    lines.push(...group.filter((line) => apart.includes(line)));
    leftOut += group.length - MOST_CATEGORIES;
  }
  return { lines, leftOut };
}

const clip = (label: string) => (label.length <= 30 ? label : `${label.slice(0, 29)}…`);

export function lovePlot(report: MatchReport<Count>, settings: Settings): { svg: SafeHtml; leftOut: number } {
  const { lines, leftOut } = plottedLines(report.balance.rows);
  const values = lines.flatMap((line) => [line.smd_before, line.smd_after]).filter((v): v is number => v !== null).map(Math.abs);
  const axis = niceAxis(0, Math.max(SMD_LINE * 1.5, ...values));
  const left = MARGIN + LABEL_WIDTH;
  const right = WIDTH - MARGIN - 12;
  const x = (v: number) => left + ((v - axis.low) / (axis.high - axis.low || 1)) * (right - left);
  const top = 22;
  const bottom = top + lines.length * ROW;
  const ticks: number[] = [];
  for (let v = axis.low; v <= axis.high + axis.step / 1e6; v += axis.step) ticks.push(Number(v.toPrecision(12)));
  const dot = (value: number | null, y: number, kind: "before" | "after") =>
    value === null ? html`` : html`<circle class="smd-${kind}" cx="${px(x(Math.abs(value)))}" cy="${px(y)}" r="4"/>`;
  const body = html`<g class="legend"><circle class="smd-before" cx="${MARGIN + 6}" cy="10" r="4"/><text x="${MARGIN + 14}" y="14">Before matching</text><circle class="smd-after" cx="${MARGIN + 136}" cy="10" r="4"/><text x="${MARGIN + 144}" y="14">After</text></g>
<g class="axis">${ticks.map(
    (v) => html`<line x1="${px(x(v))}" x2="${px(x(v))}" y1="${px(top)}" y2="${px(bottom)}" class="grid"/><text x="${px(x(v))}" y="${px(bottom + 13)}" text-anchor="middle">${String(v)}</text>`,
  )}<line x1="${px(x(SMD_LINE))}" x2="${px(x(SMD_LINE))}" y1="${px(top)}" y2="${px(bottom)}" class="grid zero"/></g>
${lines.map((line, i) => {
    const y = top + i * ROW + ROW / 2;
    const name = `${variableInWords(line.variable, settings)}${line.category === null ? "" : `: ${line.category}`}`;
    return html`<g class="row"><title>${name}: SMD ${formatSmd(line.smd_before)} before, ${formatSmd(line.smd_after)} after</title><text x="${MARGIN}" y="${px(y + 4)}" class="label">${clip(name)}</text>${dot(line.smd_before, y, "before")}${dot(line.smd_after, y, "after")}</g>`;
  })}`;
  const height = bottom + 20;
  return {
    svg: html`<svg class="chart love" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" font-size="11"><title>Balance: each variable's absolute standardised mean difference before and after matching; the dashed line is 0.1</title>${body}</svg>`,
    leftOut,
  };
}
