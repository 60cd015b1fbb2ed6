import type { Settings } from "../config/settings.js";
import { disclosed, isWithheld, SUPPRESSED_MARK } from "../disclosure/rule.js";
import type { BreakdownRow, Count, OutcomeResult } from "../result.js";
import { formatChange, formatCount, formatInterval, formatRate } from "./numbers.js";
import type { ReportTable } from "./report-tables.js";
import type { Alignment } from "./text-grid.js";

/**
 * An outcome's breakdowns as report tables (statistics.md, "Breakdowns"), one per `--by` column,
 * under the outcome's table of cohorts: each cohort's rows within each group, then the Total's.
 * Every figure of a breakdown row is in the JSON and the tidy CSV; these tables show the figures of
 * the cohort table; the rows' warnings are the outcome's (`breakdownWarnings`).
 */

type Row = BreakdownRow<Count>;

/** `age_band` → "age band", `imd_quintile` → "imd quintile": a column's name in words. */
export function columnInWords(column: string): string {
  return column.replace(/_/g, " ");
}

const count = (field: "patients" | "pre" | "post") => (row: Row) => disclosed(row, field, formatCount(row[field]));

const COLUMNS: { header: string; cell: (row: Row) => string }[] = [
  { header: "Patients", cell: count("patients") },
  { header: "Pre", cell: count("pre") },
  { header: "Post", cell: count("post") },
  { header: "Pre per patient", cell: (row) => disclosed(row, "pre_per_patient", formatRate(row.pre_per_patient)) },
  { header: "Post per patient", cell: (row) => disclosed(row, "post_per_patient", formatRate(row.post_per_patient)) },
  { header: "Change", cell: (row) => disclosed(row, "change_pct", formatChange(row.change_pct)) },
];

const INTERVAL = { header: "95% CI", cell: (row: Row) => (isWithheld(row, "ci_low", "ci_high") ? SUPPRESSED_MARK : formatInterval(row.ci_low, row.ci_high)) };

/**
 * The warnings of an outcome's breakdown rows, each with its row and group, the Total's last; none
 * for a group a cohort has no patient in, where there is nothing to read.
 */
export function breakdownWarnings(outcome: OutcomeResult<Count>): string[] {
  const rows = [...outcome.cohorts, outcome.total].flatMap((row) => (row.breakdowns ?? []).flatMap((breakdown) => breakdown.rows));
  return rows.filter((row) => row.patients !== 0).flatMap((row) => (row.warnings ?? []).map((warning) => `${row.label}, ${columnInWords(row.by)} ${row.group}: ${warning}`));
}

export function breakdownTables(outcome: OutcomeResult<Count>, _settings: Settings): ReportTable[] {
  const breakdowns = outcome.total.breakdowns ?? [];
  return breakdowns.map((total, b) => {
    const cohortRows = outcome.cohorts.flatMap((cohort) => cohort.breakdowns?.[b]?.rows ?? []);
    const rows = [...cohortRows, ...total.rows];
    const withInterval = rows.some((row) => (row.ci_low !== undefined && row.ci_low !== null) || isWithheld(row, "ci_low"));
    const columns = [...COLUMNS, ...(withInterval ? [INTERVAL] : [])];
    const words = columnInWords(total.by);
    return {
      id: `${outcome.outcome}-by-${total.by}`,
      caption: `${outcome.label} by ${words}: each cohort's patients in each group`,
      header: ["Cohort", words.charAt(0).toUpperCase() + words.slice(1), ...columns.map((column) => column.header)],
      // The group is right-aligned, though a word: a left-aligned column after the first is laid out as running text in HTML.
      align: ["left", "right", ...columns.map((): Alignment => "right")],
      rows: rows.map((row) => [row.label, row.group, ...columns.map((column) => column.cell(row))]),
      totalRows: total.rows.length,
      notes: [`Each cohort's patients by their ${words} at the first intervention (unknown where the referrals do not say); each cohort's groups add up to its row above.`],
    };
  });
}
