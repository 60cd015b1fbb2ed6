import { extractColumns } from "../extracts/activity-rows.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES } from "../outcomes/registry.js";
import { COMPARISON_COLUMNS } from "../extracts/comparison.js";
import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import { wellKnownOf } from "../extracts/source.js";
import { matchColumns } from "../io/columns.js";
import type { ExtractName } from "../result.js";
import { nearestNames } from "../text/nearest.js";
import type { ExtractMatch, SpecColumnMatch } from "./report.js";

/**
 * A built-in activity extract's columns, required as its first outcome needs them (an admissions
 * extract needs no discharge date until bed days are asked for).
 */
function activityColumns(name: string): { name: string; required: boolean; wellKnown?: readonly string[] }[] {
  const outcomes = BUILT_IN_OUTCOMES.filter((outcome) => outcome.extract.name === name);
  const needed = new Set(extractColumns(outcomes.slice(0, 1), false).filter((column) => column.required).map((column) => column.name));
  return extractColumns(outcomes, false).map((column) => ({ ...column, required: needed.has(column.name) }));
}

/** Each extract's spec columns, in the order the spec lists them. */
export const EXTRACT_COLUMNS: Readonly<Record<ExtractName, readonly { name: string; required: boolean; wellKnown?: readonly string[] }[]>> = {
  referrals: REFERRAL_COLUMNS,
  ...Object.fromEntries(BUILT_IN_EXTRACTS.map((extract) => [extract.name, activityColumns(extract.name)])),
  comparison: COMPARISON_COLUMNS,
};

/** "an A&E", "an outpatient": an extract's name with its article. */
const withArticle = (what: string) => `${/^[aeiouAEIOU]/.test(what) ? "an" : "a"} ${what}`;

/** How messages name each extract, with its article. */
export const AN_EXTRACT: Readonly<Record<ExtractName, string>> = {
  referrals: "a referrals",
  ...Object.fromEntries(BUILT_IN_EXTRACTS.map((extract) => [extract.name, withArticle(extract.what.replace(/^the | extract$/g, ""))])),
  comparison: "a comparison",
};

const EXTRACTS = Object.keys(EXTRACT_COLUMNS) as ExtractName[];


/**
 * Where each spec column would come from, found exactly as a run finds it (`matchColumns`, io/columns.ts):
 * its own name, without regard to case; else a well-known SUS+/HES export name, unless two of the
 * header's columns could each be it (a run refuses to choose, so inspect does not choose either).
 */
export function matchExtract(header: readonly string[], extract: ExtractName): SpecColumnMatch[] {
  const spec = EXTRACT_COLUMNS[extract]!;
  const wanted = spec.map((column) => ({ ...column, header: column.name, wellKnown: wellKnownOf(column).wellKnown ?? [] }));
  const { at, used } = matchColumns(header, wanted, { file: "" });
  return spec.map(({ name, required }): SpecColumnMatch => {
    const use = used[name];
    if (!use) return { column: name, required, header: null, by: null, nearest: nearestNames(name, header) };
    return { column: name, required, header: header[at[name]!]!, by: use.by === "well_known_name" ? "well_known" : "default" };
  });
}

interface Fit {
  extract: ExtractName;
  columns: SpecColumnMatch[];
  complete: boolean;
  /** Required columns found, `patient_id` (which every extract has) not counted. */
  distinctive: number;
  /** Columns found, optional ones included, `patient_id` not counted. */
  telling: number;
}

function fitOf(header: readonly string[], extract: ExtractName): Fit {
  const columns = matchExtract(header, extract);
  const found = columns.filter((column) => column.header !== null);
  return {
    extract,
    columns,
    complete: columns.every((column) => !column.required || column.header !== null),
    distinctive: found.filter((column) => column.required && column.column !== "patient_id").length,
    telling: found.filter((column) => column.column !== "patient_id").length,
  };
}

/**
 * The extract the header fits best: a complete one first (all its required columns there), then
 * the most required columns found that tell the extracts apart, then the most columns found
 * (`attendance_category` alone says A&E). A header sharing no more than `patient_id` with any
 * extract fits none.
 */
export function bestExtract(header: readonly string[]): ExtractMatch {
  const fits = EXTRACTS.map((extract) => fitOf(header, extract));
  const best = fits.reduce((a, b) => {
    if (a.complete !== b.complete) return a.complete ? a : b;
    if (a.distinctive !== b.distinctive) return a.distinctive > b.distinctive ? a : b;
    return b.telling > a.telling ? b : a;
  });
  if (best.telling === 0) return { looksLike: null, complete: false, columns: [] };
  return { looksLike: best.extract, complete: best.complete, columns: best.columns };
}
