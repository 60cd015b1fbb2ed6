export type Alignment = "left" | "right";

/** Lays cells out in columns padded to the widest cell, two spaces apart. */
export function textGrid(rows: readonly (readonly string[])[], alignments: readonly Alignment[]): string[] {
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
