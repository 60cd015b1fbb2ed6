import type { ColumnWanted } from "../io/columns.js";
import type { ExtractName } from "../result.js";
import type { DateSetting } from "./dates.js";
import { WELL_KNOWN_COLUMNS } from "./well-known-columns.js";

/** How an extract's text is written (the config's `formats.<extract>`, else the run's settings). */
export interface ExtractFormat {
  /** `auto` decides each date column from its first non-missing value. */
  dateFormat: DateSetting;
  /** The delimiter the settings give; undefined for a comma, or another the header plainly uses. */
  delimiter: string | undefined;
  encoding: "utf-8" | "windows-1252";
}

/** An extract as the run reads it: where it is, what to call it in messages, its column mapping. */
export interface ExtractSource {
  /** Which extract of the run it is (for the config keys that messages name). */
  extract: ExtractName;
  /** Path to open. */
  path: string;
  /** The name messages use (the path as the user gave it). */
  file: string;
  /** The spec's column name → the extract's own header, for the columns the config maps. */
  columns: Readonly<Record<string, string | undefined>>;
  format: ExtractFormat;
  /** Optional columns that a setting's rule needs, with the setting's name (`--require-consent`). */
  needed: Readonly<Record<string, string>>;
  /** Optional columns the config maps to null: the extract has none, whatever its header holds. */
  absent?: readonly string[];
}

/** A config's column mapping as a source takes it: the headers, and the columns mapped to null (absent). */
export function mappingOf(columns: Readonly<Record<string, string | null | undefined>> = {}): Pick<ExtractSource, "columns" | "absent"> {
  const absent = Object.keys(columns).filter((name) => columns[name] === null);
  const mapped = Object.fromEntries(Object.entries(columns).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { columns: mapped, ...(absent.length > 0 ? { absent } : {}) };
}

/** A column's export names: its descriptor's (an outcome's column), else the shared ones (`patient_id`, the referrals'). */
export function wellKnownOf(column: { name: string; wellKnown?: readonly string[] }): { wellKnown?: readonly string[] } {
  const names = column.wellKnown ?? WELL_KNOWN_COLUMNS[column.name];
  return names ? { wellKnown: names } : {};
}

/** The columns an extract reads, under the names its own header uses, with what makes each one needed. */
export function wantedColumns<Name extends string>(
  source: ExtractSource,
  spec: readonly { name: Name; required: boolean; wellKnown?: readonly string[] }[],
): (ColumnWanted & { name: Name })[] {
  // A column the config maps must be in the header even where no rule of this run reads it (a
  // discharge date mapped while bed days are not reported): a mistyped header is an error, never ignored.
  const unread = Object.keys(source.columns)
    .filter((name) => source.columns[name] !== undefined && !spec.some((column) => column.name === name))
    .map((name) => ({ name: name as Name, required: false }));
  return [...spec, ...unread].filter((column) => column.required || !source.absent?.includes(column.name)).map((column) => {
    const mapped = source.columns[column.name];
    const neededBy = source.needed[column.name];
    return {
      ...column,
      header: mapped ?? column.name,
      ...(mapped !== undefined ? { mapped: true } : {}),
      ...(neededBy !== undefined ? { neededBy } : {}),
      ...wellKnownOf(column),
    };
  });
}
