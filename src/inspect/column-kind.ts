import { type ColumnTally, DISTINCT_CAP } from "./column-tally.js";
import { dateShaped, monthOf } from "./date-tally.js";
import type { ColumnKind, ColumnReport, DateReport } from "./report.js";

/** A code column has at most this many distinct values, each in two rows or more on average. */
const CODE_MAX_DISTINCT = 20;
/** Few enough distinct values to list them all; beyond, only those in `LISTED_MIN_ROWS` rows or more. */
const FEW_DISTINCT = 12;
export const LISTED_MIN_ROWS = 5;

/** Names that say the column identifies someone (or something): its values are never shown. */
const IDENTIFIER_NAME = /nhs|hesid|pseudo|token|person|patient|(^|[_ ])id$|^id([_ ]|$)/i;

export const looksLikeIdentifierName = (name: string) => IDENTIFIER_NAME.test(name);

/** What the header says of a column: an identifier (by its name, or supplying `patient_id`), a spec code column, or nothing. */
export type KindHint = "identifier" | "code" | undefined;

/** The spec's columns that hold codes: listed even where a tiny file repeats them little. */
const CODE_COLUMNS = new Set(["cohort", "consent", "attendance_category", "admission_method", "episode_order"]);

export function kindHint(name: string, specColumn: string | undefined): KindHint {
  if (specColumn === "patient_id" || looksLikeIdentifierName(name)) return "identifier";
  return specColumn !== undefined && CODE_COLUMNS.has(specColumn) ? "code" : undefined;
}

const distinctOf = (tally: ColumnTally) => tally.values?.size;

/**
 * What a column holds, from its tally. An identifier is decided first, so that its values are
 * never listed: by its name (or being the extract's `patient_id`), a value that looks like an NHS
 * number, or too many distinct values to track; a column of only unique values is one too. A code
 * column has few distinct values, each in two rows or more on average (a spec code column, such
 * as `cohort`, need not repeat them).
 */
export function kindOf(tally: ColumnTally, hint: KindHint): ColumnKind {
  const distinct = distinctOf(tally);
  const allWhole = tally.wholeNumbers === tally.filled;
  if (tally.filled === 0) return "empty";
  if (hint === "identifier" || tally.nhsNumberLike > 0) return "identifier";
  if (hint === "code" && distinct !== undefined && distinct <= CODE_MAX_DISTINCT) return "code";
  if (dateShaped(tally.dates) * 2 >= tally.filled) return "date";
  if (allWhole && (distinct === undefined || distinct > FEW_DISTINCT)) return "number";
  if (distinct === undefined) return "identifier";
  if (distinct <= CODE_MAX_DISTINCT && distinct * 2 <= tally.filled) return "code";
  if (allWhole) return "number";
  return distinct === tally.filled ? "identifier" : "text";
}

function dateReport(tally: ColumnTally): DateReport {
  const dates = tally.dates;
  return {
    format: dates.iso > 0 && dates.dmy > 0 ? "mixed" : (dates.format ?? "iso"),
    iso: dates.iso,
    dmy: dates.dmy,
    withTime: dates.withTime,
    earliestMonth: monthOf(dates.earliest),
    latestMonth: monthOf(dates.latest),
    hesMissing: dates.hesMissing,
    notFitting: dates.notDate + dates.otherFormat + dates.usOrder + dates.invalid,
  };
}

/** A code column's values, most frequent first: all of few, else only those in enough rows to be no one's. */
function listedValues(values: Map<string, number>): Pick<ColumnReport, "values" | "valuesNotListed"> {
  const sorted = [...values].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : 1));
  const listed = sorted.length <= FEW_DISTINCT ? sorted : sorted.filter(({ rows }) => rows >= LISTED_MIN_ROWS);
  return { values: listed, valuesNotListed: sorted.length - listed.length };
}

/** The column as the report shows it: values only for a code column, none ever of an identifier. */
export function columnReport(tally: ColumnTally, position: number, hint: KindHint): ColumnReport {
  const kind = kindOf(tally, hint);
  const report: ColumnReport = {
    name: tally.name,
    position,
    kind,
    filled: tally.filled,
    missing: { empty: tally.empty, ...tally.tokens },
    distinct: distinctOf(tally) ?? null,
    nhsNumberLike: tally.nhsNumberLike,
  };
  if (kind === "date") report.date = dateReport(tally);
  if ((kind === "number" || kind === "code") && tally.wholeNumbers === tally.filled) report.wholeNumbers = { min: tally.min, max: tally.max };
  if (kind === "code") Object.assign(report, listedValues(tally.values!));
  return report;
}

export { DISTINCT_CAP };
