import { dataError } from "../errors.js";
import { locateColumns } from "../io/columns.js";

export interface ColumnRequest {
  /** The column holding NHS numbers, as the extract names it. */
  column: string;
  /** Its name in the output. */
  as: string;
  /** Columns whose dates are checked. */
  checkDates: readonly string[];
}

export interface ColumnPlan {
  nhsNumber: { header: string; position: number };
  dates: { header: string; position: number }[];
  /** The input's header with the NHS number column renamed, in the same position. */
  outputHeader: string[];
}

const canonical = (name: string) => name.trim().toLowerCase();

function positionsOf(header: readonly string[], name: string): number[] {
  const positions: number[] = [];
  header.forEach((found, position) => {
    if (canonical(found) === canonical(name)) positions.push(position);
  });
  return positions;
}

/**
 * Finds the columns in the header as `evaluate` does (case and surrounding white space ignored; a
 * missing one names the columns found), and refuses two ways of leaking or confusing identities:
 * a second column of the NHS number column's name, which would pass through raw; and an output
 * header with two columns named like the pseudonym, which a reader could mistake for each other.
 */
export function planColumns(header: string[], request: ColumnRequest, file: string): ColumnPlan {
  // Named as the user named them, so that a missing one is reported in the user's words.
  const wanted = [request.column, ...request.checkDates].map((column) => ({ name: column, header: column, required: true }));
  // Before the general search, which refuses any column found twice: this one says what is at stake.
  if (positionsOf(header, request.column).length > 1) {
    throw dataError({
      code: "ambiguous_column",
      file,
      line: 1,
      column: request.column,
      message: "more than one column has this name, so which holds the NHS numbers is unclear; rename the others",
    });
  }
  const positions = locateColumns(header, wanted, file);
  const nhsPosition = positions[request.column] ?? -1;
  const outputHeader = header.map((name, position) => (position === nhsPosition ? request.as : name));
  if (positionsOf(outputHeader, request.as).length > 1) {
    throw dataError({
      code: "duplicate_column",
      file,
      line: 1,
      column: request.as,
      message: `the input already has a column of this name, so the output would have two; choose another name with --as`,
    });
  }
  return {
    nhsNumber: { header: header[nhsPosition] ?? request.column, position: nhsPosition },
    dates: request.checkDates.map((column) => {
      const position = positions[column] ?? -1;
      return { header: header[position] ?? column, position };
    }),
    outputHeader,
  };
}
