import { windowMonths } from "../../core/months.js";
import { parseWindowLength } from "../../core/windows.js";
import type { Settings } from "../../config/settings.js";
import type { Count, MonthFigures, MonthSeries, OutcomeResult } from "../../result.js";
import { formatMonthMean } from "../numbers.js";
import { niceAxis } from "./charts.js";
import { html, px, type SafeHtml } from "./escape.js";

/**
 * An outcome's months around the index date as a line chart, inline SVG from the result's figures:
 * the mean per patient in each month, the referred patients as a solid line and the comparison group
 * as a dashed one, each with its 95% interval as a band; the pre and post windows shaded and the index
 * day marked. Month 0 (the index day, one day, not a month) is left out of the lines, which break
 * there, so that neither line joins the before to the after. A withheld or missing mean breaks its
 * line too: nothing is drawn that the table shows as `*` or n/a.
 */

const WIDTH = 400;
const LEFT = 40;
const RIGHT = 10;
const TOP = 34;
const PLOT_HEIGHT = 170;
const FONT = 12;

type Month = MonthFigures<Count>;

const drawn = (month: Month) => month.month !== 0 && month.mean !== null && !month.suppressed?.includes("mean");
const banded = (month: Month) => drawn(month) && month.ci_low !== null && month.ci_high !== null;

/** Runs of consecutive months that pass `keep`, month 0 always ending a run. */
function runs(months: readonly Month[], keep: (month: Month) => boolean): Month[][] {
  const found: Month[][] = [];
  let run: Month[] = [];
  for (const month of months) {
    if (keep(month)) run.push(month);
    else if (run.length) {
      found.push(run);
      run = [];
    }
  }
  if (run.length) found.push(run);
  return found;
}

interface Scale {
  x: (month: number) => number;
  y: (value: number) => number;
}

function seriesMarks(series: MonthSeries<Count>, group: "referred" | "comparison", scale: Scale): SafeHtml {
  const points = (run: readonly Month[], value: (month: Month) => number) => run.map((month) => `${px(scale.x(month.month))},${px(scale.y(value(month)))}`);
  const bands = runs(series.months, banded).map((run) => {
    const outline = [...points(run, (m) => m.ci_high!), ...points([...run].reverse(), (m) => m.ci_low!)];
    return html`<polygon class="band ${group}" points="${outline.join(" ")}"/>`;
  });
  const lines = runs(series.months, drawn).map(
    (run) => html`<polyline class="line ${group}" points="${points(run, (m) => m.mean!).join(" ")}"/>${run.map(
      (month) => html`<circle class="dot ${group}" cx="${px(scale.x(month.month))}" cy="${px(scale.y(month.mean!))}" r="2.5"><title>${`${monthLabel(month.month)}: ${formatMonthMean(month.mean)}`}</title></circle>`,
    )}`,
  );
  return html`<g class="series ${group}">${bands}${lines}</g>`;
}

function monthLabel(month: number): string {
  return month === 0 ? "0" : month > 0 ? `+${month}` : String(month);
}

export function monthChart(outcome: OutcomeResult<Count>, settings: Settings): SafeHtml {
  const months = outcome.months!;
  const groups: ["referred" | "comparison", MonthSeries<Count>][] = [["referred", months.referred], ...(months.comparison ? [["comparison", months.comparison] as ["comparison", MonthSeries<Count>]] : [])];
  const values = groups.flatMap(([, series]) => series.months.filter(drawn).flatMap((m) => [m.mean!, ...(banded(m) ? [m.ci_high!] : [])]));
  const axis = niceAxis(0, Math.max(0, ...values), 4);
  const count = months.to - months.from + 1;
  const slot = (WIDTH - LEFT - RIGHT) / count;
  const bottom = TOP + PLOT_HEIGHT;
  const scale: Scale = {
    x: (month) => LEFT + (month - months.from + 0.5) * slot,
    y: (value) => bottom - ((value - axis.low) / (axis.high - axis.low || 1)) * PLOT_HEIGHT,
  };
  const window = windowMonths(parseWindowLength(settings.window));
  const shade = (first: number, last: number, label: string) =>
    html`<rect class="window" x="${px(scale.x(first) - slot / 2)}" y="${TOP}" width="${px((last - first + 1) * slot)}" height="${PLOT_HEIGHT}"/><text class="window-label" x="${px((scale.x(first) + scale.x(last)) / 2)}" y="${TOP + 13}" text-anchor="middle">${label}</text>`;
  const ticks: number[] = [];
  for (let v = axis.low; v <= axis.high + axis.step / 1e6; v += axis.step) ticks.push(Number(v.toPrecision(12)));
  // Every month labelled up to ±12; beyond that every other one, so that labels never run together.
  const every = count > 25 ? 3 : count > 13 ? 2 : 1;
  const labelled = Array.from({ length: count }, (_, i) => months.from + i).filter((m) => m % every === 0);
  const legend = groups.map(
    ([group], i) => html`<line class="line ${group}" x1="${LEFT + i * 130}" x2="${LEFT + i * 130 + 22}" y1="10" y2="10"/><text x="${LEFT + i * 130 + 27}" y="14">${group === "referred" ? "Referred patients" : "Comparison group"}</text>`,
  );
  const unit = months.unit === "calendar_month" ? "Month" : "30-day block";
  const body = html`<g class="legend">${legend}</g>
${shade(-window, -1, "Pre window")}${shade(1, window, "Post window")}
<g class="axis">${ticks.map((v) => html`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(scale.y(v))}" y2="${px(scale.y(v))}"/><text x="${LEFT - 4}" y="${px(scale.y(v) + 3.5)}" text-anchor="end">${String(v)}</text>`)}
${labelled.map((m) => html`<text x="${px(scale.x(m))}" y="${bottom + 13}" text-anchor="middle">${monthLabel(m)}</text>`)}<text x="${px((LEFT + WIDTH - RIGHT) / 2)}" y="${bottom + 27}" text-anchor="middle">${unit} from the first intervention</text></g>
<line class="index-day" x1="${px(scale.x(0))}" x2="${px(scale.x(0))}" y1="${TOP}" y2="${bottom}"/><text class="index-label" x="${px(scale.x(0))}" y="${TOP - 4}" text-anchor="middle">index day</text>
${groups.map(([group, series]) => seriesMarks(series, group, scale))}`;
  const title = `${outcome.label}: mean per patient in each ${months.unit === "calendar_month" ? "month" : "30-day block"} before and after the first intervention, with 95% intervals`;
  return html`<svg class="chart months" viewBox="0 0 ${WIDTH} ${px(bottom + 34)}" width="${WIDTH}" height="${px(bottom + 34)}" role="img" font-size="${FONT}"><title>${title}</title>${body}</svg>`;
}
