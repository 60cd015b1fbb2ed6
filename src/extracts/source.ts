import type { ColumnWanted } from "../io/columns.js";

/** An extract as the run reads it: where it is, what to call it in messages, its column mapping. */
export interface ExtractSource {
  /** Path to open. */
  path: string;
  /** The name messages use (the path as the user gave it). */
  file: string;
  /** The spec's column name → the extract's own header, for the columns the config maps. */
  columns: Readonly<Record<string, string | undefined>>;
}

/** The columns an extract reads, under the names its own header uses. */
export function wantedColumns<Name extends string>(
  source: ExtractSource,
  spec: readonly { name: Name; required: boolean }[],
): (ColumnWanted & { name: Name })[] {
  return spec.map((column) => ({ ...column, header: source.columns[column.name] ?? column.name }));
}
