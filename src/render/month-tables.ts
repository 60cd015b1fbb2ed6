import type { Settings } from "../config/settings.js";
import { disclosed, isWithheld, SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { Count, MonthFigures, MonthSeries, MonthsResult, OutcomeResult } from "../result.js";
import { formatCount, formatMonthInterval, formatMonthMean } from "./numbers.js";
import type { ReportTable } from "./report-tables.js";
import type { Alignment } from "./text-grid.js";
import { windowMonths } from "../core/months.js";
import { parseWindowLength } from "../core/windows.js";

/**
 * The month-by-month series of an outcome as a report table (Markdown, HTML, the text table): a row
 * per month around the index date, the referred patients' mean and interval, the comparison
 * group's beside them. Every cell is final text, through the disclosure rendering rule.
 */

type Month = MonthFigures<Count>;

/** "-6", "index day", "+1"; a 30-day block says its days: "-7 (days -182 to -181)". */
export function monthInWords(month: Month): string {
  const name = month.month === 0 ? "index day" : month.month > 0 ? `+${month.month}` : String(month.month);
  if (month.first_day === null || month.last_day === null || month.month === 0) return name;
  const day = (d: number) => (d > 0 ? `+${d}` : String(d));
  return `${name} (days ${day(month.first_day)} to ${day(month.last_day)})`;
}

/** What the months are, in words: calendar months or 30-day blocks. */
export function monthUnitInWords(months: MonthsResult<Count>): string {
  return months.unit === "calendar_month" ? "calendar month" : "block of 30 days (the last one in each window cut at its edge)";
}

const mean = (month: Month | undefined) => (month ? disclosed(month, "mean", formatMonthMean(month.mean)) : "n/a");
const interval = (month: Month | undefined) =>
  !month ? "n/a" : isWithheld(month, "ci_low", "ci_high") ? SUPPRESSED_MARK : formatMonthInterval(month.ci_low, month.ci_high);
const hasIntervals = (series: MonthSeries<Count>) => series.months.some((month) => month.ci_low !== null || isWithheld(month, "ci_low"));

/** The series' patients in words, for the note under the table: beyond the window, only those whose data cover every month. */
function patientsInWords(months: MonthsResult<Count>, settings: Settings): string {
  const beyond = months.to > windowMonths(parseWindowLength(settings.window));
  const referred = disclosed(months.referred, "patients", formatCount(months.referred.patients));
  const comparison = months.comparison ? `; comparison group ${disclosed(months.comparison, "patients", formatCount(months.comparison.patients))}` : "";
  const whose = beyond ? `, the patients whose data cover months ${months.from} to +${months.to}` : "";
  return `Patients${whose}: referred ${referred}${comparison}.`;
}

export function monthsTable(outcome: OutcomeResult<Count>, settings: Settings): ReportTable | undefined {
  const { months } = outcome;
  if (!months) return undefined;
  const { referred, comparison } = months;
  const columns: { header: string; cell: (i: number) => string; words?: boolean }[] = [
    // Right-aligned though a word: a left-aligned column after the first is laid out as running text in HTML.
    { header: "Window", cell: (i) => referred.months[i]!.window ?? "" },
    { header: "Referred", cell: (i) => mean(referred.months[i]) },
    ...(hasIntervals(referred) ? [{ header: "95% CI", cell: (i: number) => interval(referred.months[i]) }] : []),
    ...(comparison ? [{ header: "Comparison", cell: (i: number) => mean(comparison.months[i]) }] : []),
    ...(comparison && hasIntervals(comparison) ? [{ header: "95% CI", cell: (i: number) => interval(comparison.months[i]) }] : []),
  ];
  const unit = monthUnitInWords(months);
  const perPatient = outcome.unit === "nights" ? "nights" : "events";
  const indexDay = settings.indexDay === "exclude" ? "not in either window" : `counted in the ${settings.indexDay} window`;
  return {
    id: `${outcome.outcome}-months`,
    caption: `${outcome.label}: month by month around the first intervention, ${perPatient} per patient`,
    header: ["Month", ...columns.map((column) => column.header)],
    align: ["left", ...columns.map((column): Alignment => (column.words ? "left" : "right"))],
    rows: referred.months.map((month, i) => [monthInWords(month), ...columns.map((column) => column.cell(i))]),
    totalRows: 0,
    notes: [
      `Mean ${perPatient} per patient in each ${unit} before (-) and after (+) the index date; the index day is a row of its own (${indexDay}). ` +
        `The pre window's months add up to its count and the post window's to its count, for the same patients.`,
      patientsInWords(months, settings),
    ],
  };
}
