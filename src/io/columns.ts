import { type DataError, InputError } from "../errors.js";
import { didYouMean } from "../text/nearest.js";
import { shownName } from "../text/excerpt.js";
import { headerLooksLikeData } from "./header-looks-like-data.js";

export interface ColumnWanted {
  /** The spec's name for the column (`patient_id`). */
  name: string;
  /** The extract's own name for it, from the config's column mapping (defaults to `name`). */
  header: string;
  required: boolean;
  /** The header was named in the config's `columns`: it must be there, required or not. */
  mapped?: boolean;
  /** The setting that switched on a rule needing this optional column (`--require-consent`): it must be there. */
  neededBy?: string;
  /** Export names (SUS+, HES) to look for where the column is neither found by its own name nor mapped. */
  wellKnown?: readonly string[];
}

/** Where each wanted column sits in the row; -1 for an optional column the extract lacks. */
export type ColumnPositions<Name extends string> = Record<Name, number>;

/** Which header a column was read from, and why that one. */
export interface ColumnUse {
  header: string;
  by: "default" | "mapping" | "well_known_name";
}

export interface FoundColumns<Name extends string> {
  at: ColumnPositions<Name>;
  /** Per column, the header it is read from; null for an optional column the extract lacks. */
  used: Record<Name, ColumnUse | null>;
}

/** Where messages say the columns are: the file, and the config key of its mapping (`columns.ae`). */
export interface ColumnPlace {
  file: string;
  /** The extract's key in the config (`ae`), for messages that say what to map; absent outside `evaluate`. */
  extract?: string;
}

const canonical = (name: string) => name.trim().toLowerCase();

function positionsOf(normalised: readonly string[], name: string): number[] {
  const positions: number[] = [];
  const wanted = canonical(name);
  normalised.forEach((found, position) => {
    if (found === wanted) positions.push(position);
  });
  return positions;
}

function mappingKey(place: ColumnPlace, column: ColumnWanted): string {
  return place.extract ? `"columns": { "${place.extract}": { "${column.name}": "…" } }` : "";
}

/**
 * What the header holds, for a message about a column not in it: its names, masked and cut; or, where
 * the first line looks like data (a file with no header row), only how many fields it has.
 */
function foundInWords(header: readonly string[], column: ColumnWanted): string {
  if (headerLooksLikeData(header)) {
    return `the file seems to have no header row: its first line, of ${header.length} field${header.length === 1 ? "" : "s"}, looks like data (not shown); add a header row naming the columns`;
  }
  const names = header.map(shownName);
  return `the columns found are: ${names.join(", ")}${didYouMean(column.header, names)}`;
}

function missing(header: readonly string[], column: ColumnWanted, place: ColumnPlace): DataError {
  const found = foundInWords(header, column);
  const key = mappingKey(place, column);
  const fix = key ? `; map it in the config with ${key}` : "";
  const what = column.mapped
    ? `not found (columns.${place.extract ?? "…"}.${column.name} maps ${column.name} to it); ${found}; correct the mapping`
    : column.neededBy
      ? `not found, but ${column.neededBy} needs it; ${found}${fix}, or turn that setting off`
      : `required column${column.header === column.name ? "" : ` (mapped from ${column.name})`} not found; ${found}${fix}`;
  return { code: "missing_column", file: place.file, line: 1, column: column.header, message: what };
}

/**
 * Finds the wanted columns in a header, ignoring case and surrounding white space; columns no rule
 * reads are ignored. Every column a run relies on must be there (evaluation.md): a required one, one
 * the config maps, one a setting's rule needs. A column found twice is an error (which one would be
 * read?), and so is a column taken by an export name that two of the header's columns could give.
 * Every problem of the header is reported at once.
 */
export function findColumns<Name extends string>(
  header: readonly string[],
  wanted: readonly (ColumnWanted & { name: Name })[],
  place: ColumnPlace,
): FoundColumns<Name> {
  const { problems, ...found } = matchColumns(header, wanted, place);
  if (problems.length > 0) throw new InputError(problems);
  return found;
}

/** `findColumns`' search, its problems returned rather than thrown (for `prepost inspect`, which reports them). */
export function matchColumns<Name extends string>(
  header: readonly string[],
  wanted: readonly (ColumnWanted & { name: Name })[],
  place: ColumnPlace,
): FoundColumns<Name> & { problems: DataError[] } {
  const normalised = header.map(canonical);
  const at = {} as ColumnPositions<Name>;
  const used = {} as Record<Name, ColumnUse | null>;
  const problems: DataError[] = [];
  for (const column of wanted) {
    let positions = positionsOf(normalised, column.header);
    let by: ColumnUse["by"] = column.mapped ? "mapping" : "default";
    if (positions.length === 0 && !column.mapped && column.wellKnown) {
      const candidates = column.wellKnown.filter((name) => positionsOf(normalised, name).length > 0);
      if (candidates.length > 1) {
        problems.push({
          code: "ambiguous_column",
          file: place.file,
          line: 1,
          column: column.name,
          message: `not found by its own name, and the header has ${candidates.join(" and ")}, which could each be it; say which with ${mappingKey(place, column) || "a column mapping"}`,
        });
        at[column.name] = -1;
        used[column.name] = null;
        continue;
      }
      if (candidates.length === 1) {
        positions = positionsOf(normalised, candidates[0]!);
        by = "well_known_name";
      }
    }
    if (positions.length > 1) {
      problems.push({
        code: "duplicate_column",
        file: place.file,
        line: 1,
        column: header[positions[0]!]!,
        message: `appears ${positions.length} times in the header (columns ${positions.map((p) => p + 1).join(" and ")}): which one to read cannot be known; rename or remove the others`,
      });
    }
    if (positions.length === 0 && (column.required || column.mapped || column.neededBy)) problems.push(missing(header, column, place));
    at[column.name] = positions[0] ?? -1;
    used[column.name] = positions.length > 0 ? { header: header[positions[0]!]!.trim(), by } : null;
  }
  return { at, used, problems };
}

/** `findColumns`' positions alone. */
export function locateColumns<Name extends string>(
  header: string[],
  wanted: readonly (ColumnWanted & { name: Name })[],
  place: ColumnPlace | string,
): ColumnPositions<Name> {
  return findColumns(header, wanted, typeof place === "string" ? { file: place } : place).at;
}
