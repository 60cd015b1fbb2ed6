/**
 * `pre_any_pct` / `post_any_pct` (statistics.md, "Shares with any use"): the percentage of a row's
 * patients with at least one counted event in a window, null for a row without patients. A fall in
 * the total that comes from a few heavy users shows here as no change.
 */
import type { ProfileTable } from "./profile-table.js";

/**
 * @param table the row's patients tabulated by profile (`tabulatePairs`)
 * @param field which field of the profile holds the window's count (`PRE_FIELD`, `POST_FIELD`)
 */
export function anyUsePct(table: ProfileTable, field: number): number | null {
  if (!(Number.isInteger(field) && field >= 0 && field < table.width)) {
    throw new Error(`anyUsePct: field must be one of the profile's 0 … ${table.width - 1} (got ${field})`);
  }
  if (table.total === 0) return null;
  let withAny = 0;
  for (let profile = 0; profile < table.patients.length; profile++) {
    if (table.profiles[profile * table.width + field]! > 0) withAny += table.patients[profile]!;
  }
  // Multiplying first keeps the one rounding of a division: 1 of 3 is the double nearest 100/3.
  return (withAny * 100) / table.total;
}
