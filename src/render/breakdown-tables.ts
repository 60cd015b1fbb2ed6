import type { Settings } from "../config/settings.js";
import type { Count, OutcomeResult } from "../result.js";
import { FIGURE_COLUMNS } from "./figure-columns.js";
import type { ReportTable } from "./report-tables.js";
import type { Alignment } from "./text-grid.js";

/**
 * An outcome's breakdowns as report tables (statistics.md, "Breakdowns"), one per `--by` column,
 * under the outcome's table of cohorts: each cohort's rows within each group, then the Total's.
 * Every figure of a breakdown row is in the JSON and the tidy CSV; these tables show the figures of
 * the cohort table; the rows' warnings are the outcome's (`breakdownWarnings`).
 */

/** `age_band` → "age band", `imd_quintile` → "imd quintile": a column's name in words. */
export function columnInWords(column: string): string {
  return column.replace(/_/g, " ");
}

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
    const columns = FIGURE_COLUMNS.filter((column) => !column.shownIf || rows.some((row) => column.shownIf!(row)));
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
