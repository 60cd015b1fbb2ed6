import { escapeControls } from "../text/escape-controls.js";

export type Alignment = "left" | "right";

/**
 * Lays cells out in columns padded to the widest cell, two spaces apart. A control or bidi character
 * in a cell is shown as its code first, so that it neither acts on the terminal nor breaks the columns.
 */
export function textGrid(cells: readonly (readonly string[])[], alignments: readonly Alignment[]): string[] {
  const rows = cells.map((row) => row.map(escapeControls));
  const widths = alignments.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const padding = " ".repeat(widths[column]! - [...cell].length);
        return alignments[column] === "left" ? cell + padding : padding + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}
