import { dataError } from "../errors.js";

export interface ColumnWanted {
  /** The spec's name for the column (`patient_id`). */
  name: string;
  /** The extract's own name for it, from the config's column mapping (defaults to `name`). */
  header: string;
  required: boolean;
}

/** Where each wanted column sits in the row; -1 for an optional column the extract lacks. */
export type ColumnPositions<Name extends string> = Record<Name, number>;

/**
 * Finds the wanted columns in a header, ignoring case and surrounding white space; columns no rule
 * reads are ignored. A missing required column names every column that was found.
 */
export function locateColumns<Name extends string>(
  header: string[],
  wanted: readonly (ColumnWanted & { name: Name })[],
  file: string,
): ColumnPositions<Name> {
  const normalised = header.map((name) => name.trim().toLowerCase());
  const positions = {} as ColumnPositions<Name>;
  for (const column of wanted) {
    const position = normalised.indexOf(column.header.trim().toLowerCase());
    if (position < 0 && column.required) {
      const mapped = column.header === column.name ? "" : ` (mapped from ${column.name})`;
      throw dataError({
        code: "missing_column",
        file,
        line: 1,
        column: column.header,
        message: `required column${mapped} not found; the columns found are: ${header.join(", ")}`,
      });
    }
    positions[column.name] = position;
  }
  return positions;
}
